"""One test per finding code of ``generator.messages.zh_hans`` (test ids: ``test_finding_code[E101]``…).

Each scenario below makes the smallest bad change to the valid fixture repository and states
what the real command (``python -m generator check --format json``) must report: the exact
code, file and line, the set of codes of the whole run, and the exit code (1 when there is an
error, 0 for warnings only). Expected lines are computed from the text the scenario wrote
(``line_of``), never read back from the checker.

To keep the suite fast the scenarios are built first and checked in parallel (one process per
scenario, exactly as a user runs it); each test then asserts on its own run.

File-level problems of the catalog (E101–E111) are checked in a repository without the typical
case: with the case present, an unreadable catalog currently crashes the checker (see
``test_locations.py::test_unreadable_catalog_with_a_case_does_not_crash``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

import documentsfixture
import fixtures
from conftest import (FIXTURE_LAWS, MKDOCS, Result, assert_finding, credit_code, law_text, line_of, luhn_complete, replace_once,
                      repo_factory, resident_id, run_parallel, with_laws, write)
from generator.messages import zh_hans

CAT, CASE = fixtures.CATALOG_PATH, fixtures.CASE_PATH
BODY_ANCHOR = "王某当场将商品收回店内。"



@dataclass
class Expect:
    """What one scenario must produce. ``code=None``: the run must be clean (exit 0)."""

    root: Path
    code: str | None
    path: str = CAT
    line: int = 0
    only: set[str] | None = None  # every code of the run (default: just ``code``)
    in_message: tuple[str, ...] = ()
    not_in_output: tuple[str, ...] = ()  # e.g. personal data in clear
    col: int | None = None
    more: Callable[[Result], None] | None = None  # further assertions


@dataclass(frozen=True)
class Scenario:
    code: str
    build: Callable[[Callable[..., Path]], Expect]
    bug: str | None = None


SCENARIOS: dict[str, Scenario] = {}


def scenario(code: str, label: str = "", bug: str | None = None):
    def register(build: Callable[[Callable[..., Path]], Expect]):
        key = f"{code}-{label}" if label else code
        assert key not in SCENARIOS
        SCENARIOS[key] = Scenario(code, build, bug)
        return build
    return register


def cat(old: str, new: str) -> str:
    return replace_once(fixtures.CATALOG, old, new)


def case(old: str, new: str) -> str:
    return replace_once(fixtures.CASE, old, new)


def body_line(extra: str) -> str:
    """The fixture case with ``extra`` as a new body line right after the anchor line."""
    return case(BODY_ANCHOR, BODY_ANCHOR + "\n" + extra)


def mkdocs_text() -> str:
    return MKDOCS.read_text(encoding="utf-8")


# --- the fixture itself ------------------------------------------------------------------------

@scenario("clean", "fixture-repository")
def _(make):
    def summary(result: Result) -> None:
        assert result.data["summary"] == {"errors": 0, "warnings": 0, "files": 2}
    return Expect(make(), None, more=summary)


# --- E1xx: the file itself ---------------------------------------------------------------------

@scenario("E101")
def _(make):
    raw = fixtures.CATALOG.encode("gbk")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as bad:
        line = raw.count(b"\n", 0, bad.start) + 1
    return Expect(make(catalog=raw, case=None), "E101", line=line, in_message=("GBK",))


@scenario("E102")
def _(make):
    text = cat("    office: 市容景观科", "    office: 市容景观科: 招牌组")
    return Expect(make(catalog=text, case=None), "E102", line=line_of(text, "招牌组"), in_message=("冒号",))


@scenario("E103")
def _(make):
    text = cat("    office: 市容景观科", "\toffice: 市容景观科")
    return Expect(make(catalog=text, case=None), "E103", line=line_of(text, "\toffice"), col=1)


@scenario("E104")
def _(make):
    text = cat("    office: 市容景观科", "    office: 市容景观科\n    office: 市容秩序二科")
    first = line_of(text, "office: 市容景观科")
    return Expect(make(catalog=text, case=None), "E104", line=line_of(text, "市容秩序二科"),
                  in_message=("office", f"第 {first} 行"))


@scenario("E105")
def _(make):
    padding = "# " + "填充" * (1536 * 1024) + "\n"  # 9 MB of UTF-8 in one comment line
    return Expect(make(catalog=fixtures.CATALOG + padding, case=None), "E105", line=0, in_message=("8.00 MB",))


@scenario("E106", "alias-recursion")
def _(make):
    text = cat("    office: 市容景观科", "    office: &loop [*loop]")
    return Expect(make(catalog=text, case=None), "E106", line=line_of(text, "&loop"))


@scenario("E106", "nesting-too-deep")
def _(make):
    text = cat("    office: 市容景观科", "    office: " + "[" * 100 + "]" * 100)
    return Expect(make(catalog=text, case=None), "E106", line=line_of(text, "[[[["))


@scenario("E112")
def _(make):
    # A flow list of 400,001 one-letter values: 1.2 MB, far below the size limit, stopped while parsing.
    text = cat("    office: 市容景观科", "    office: [" + "a, " * 400_000 + "a]")
    return Expect(make(catalog=text, case=None), "E112", line=line_of(text, "office: [a, a"),
                  in_message=("400,000",))


@scenario("E113")
def _(make):
    root = make()
    (root / "catalogs" / "copy.yaml").symlink_to("demo.yaml")  # would otherwise be read twice
    return Expect(root, "E113", path="catalogs/copy.yaml", line=0)


@scenario("E113", "content-folder-is-a-link")
def _(make):
    root = make()
    (root / "typical-cases").rename(root / "cases-elsewhere")
    (root / "typical-cases").symlink_to("cases-elsewhere", target_is_directory=True)
    return Expect(root, "E113", path="typical-cases", line=0)


@scenario("E114")
def _(make):
    root = make()
    write(root, "catalogs/demo - 副本.yaml", fixtures.CATALOG)  # every id twice, were it read
    return Expect(root, "E114", path="catalogs/demo - 副本.yaml", line=0,
                  in_message=("catalogs/demo.yaml 的副本", "请删除这个文件"))


@scenario("E114", "copy-of-a-case-without-its-original")
def _(make):
    root = make()
    (root / CASE).rename(root / "typical-cases/demo/demo-2024-01 (2).md")
    return Expect(root, "E114", path="typical-cases/demo/demo-2024-01 (2).md", line=0,
                  in_message=(f"改名为 {CASE}",))


@scenario("E115")
def _(make):
    text = cat("    office: 市容景观科", "\u3000\u3000office: 市容景观科")
    return Expect(make(catalog=text, case=None), "E115", line=line_of(text, "office: 市容景观科"), col=1,
                  in_message=("全角空格（U+3000）", "缩进"))


@scenario("E115", "no-break-space-after-a-dash")
def _(make):
    text = cat("      - 记录指导情况并归档。", "      -\u00a0记录指导情况并归档。")
    return Expect(make(catalog=text, case=None), "E115", line=line_of(text, "记录指导情况并归档"), col=8,
                  in_message=("不换行空格（U+00A0）", "“-”后面"))


@scenario("E311")
def _(make):
    text = fixtures.CATALOG.replace("demo", "stats")  # the code, the ids and the reviewers
    root = make(catalog=text, case=None)
    (root / fixtures.CATALOG_PATH).rename(root / "catalogs" / "stats.yaml")
    return Expect(root, "E311", path="catalogs/stats.yaml", line=line_of(text, "code: stats"),
                  in_message=("stats.md",))


@scenario("E107")
def _(make):
    text = cat("    office: 市容景观科", "    office: !office 市容景观科")
    return Expect(make(catalog=text, case=None), "E107", line=line_of(text, "!office"), in_message=("!office",))


@scenario("E108")
def _(make):
    text = fixtures.CATALOG + "---\ndepartment:\n  code: demo2\n"
    return Expect(make(catalog=text, case=None), "E108", line=line_of(text, "---"))


@scenario("E109")
def _(make):
    text = case("sample: true\n---\n", "sample: true\n\n")  # the closing --- is missing
    return Expect(make(case=text), "E109", path=CASE, line=1)


@scenario("E111", "empty-file")
def _(make):
    return Expect(make(catalog="", case=None), "E111", line=1)


@scenario("E111", "top-level-list")
def _(make):
    return Expect(make(catalog="- id: demo-001\n- id: demo-002\n", case=None), "E111", line=1)


@scenario("W110")
def _(make):
    root = make()
    write(root, "catalogs/说明.txt", "目录清单说明")
    write(root, "typical-cases/README.md", "# 典型案例\n")  # a README is allowed

    def more(result: Result) -> None:
        assert result.where("W110") == [("catalogs/说明.txt", 0)]
        assert result.data["summary"]["files"] == 3
    return Expect(root, "W110", path="catalogs/说明.txt", line=0, more=more)


# --- E2xx: fields ------------------------------------------------------------------------------

@scenario("E201")
def _(make):
    text = cat("    office: 市容景观科\n", "")
    return Expect(make(catalog=text), "E201", line=line_of(text, "  - id: demo-001"), in_message=("office", "承办科室"))


@scenario("E202")
def _(make):
    text = cat("    stages: [事前]", "    stages: 事前")
    return Expect(make(catalog=text), "E202", line=line_of(text, "stages: 事前"), in_message=("列表",))


@scenario("E203")
def _(make):
    text = cat("    mode: policy_guidance", "    mode: Policy-Guidence")
    return Expect(make(catalog=text), "E203", line=line_of(text, "mode: Policy-Guidence"),
                  in_message=("是不是“policy_guidance”", "reminder（提示提醒）"))


@scenario("E203", "negation-is-never-turned-around")
def _(make):
    text = case("counterpart_kind: 个体工商户", "counterpart_kind: 非法人")

    def no_guess(result: Result) -> None:
        assert all("是不是" not in f["message"] for f in result.findings), result  # not “法人”
    return Expect(make(case=text), "E203", path=CASE, line=line_of(text, "非法人"), more=no_guess)


@scenario("E204")
def _(make):
    text = cat("  office_phone: 0533-6090001", "  office_phone: 6090001")
    return Expect(make(catalog=text), "E204", line=line_of(text, "office_phone: 6090001"))


@scenario("E205")
def _(make):
    text = cat("    office: 市容景观科", "    office: 市容景观科\n    notes: 与街道综合执法队联合开展")
    return Expect(make(catalog=text), "E205", line=line_of(text, "notes:"), in_message=("“note”",))


@scenario("E205", "settings-typo")
def _(make):
    """A misspelled setting is not silently ignored (the 示例 banner would stay on a real site)."""
    text = replace_once(mkdocs_text(), "  demo_banner: true\n", "  demo_baner: false\n")
    return Expect(make(mkdocs=text), "E205", path="mkdocs.yml", line=line_of(text, "demo_baner:"),
                  in_message=("是不是“demo_banner”（示例标注）",))


@scenario("E206")
def _(make):
    text = cat("    office: 市容景观科", '    office: ""')
    return Expect(make(catalog=text), "E206", line=line_of(text, 'office: ""'))


@scenario("E207")
def _(make):
    text = cat("    effective_date: 2024-03-01", "    effective_date: 2024-02-30")
    return Expect(make(catalog=text), "E207", line=line_of(text, "2024-02-30"))


@scenario("W213")
def _(make):
    """An unquoted phone with a leading zero: read as typed here, but a number (without its zero)
    to VS Code and every YAML 1.2 tool, so the editor is asked to quote it."""
    text = cat("    supervision_phone: 0533-6090010", "    supervision_phone: 05336090010")
    return Expect(make(catalog=text), "W213", line=line_of(text, "supervision_phone: 05336090010"),
                  in_message=("读成 5336090010", 'supervision_phone: "05336090010"'))


@scenario("E209")
def _(make):
    text = cat("    mode: policy_guidance", "    mode: “policy_guidance”")
    return Expect(make(catalog=text), "E209", line=line_of(text, "mode: “policy_guidance”"),
                  in_message=("写成 mode: policy_guidance", "中文引号 “"))


@scenario("E209", "full-width-quotes-in-a-list")
def _(make):
    text = cat("    no_penalty: [demo-bf-001]", "    no_penalty: [＂demo-bf-001＂]")
    return Expect(make(catalog=text), "E209", line=line_of(text, "no_penalty: [＂"), in_message=("写成 demo-bf-001；",),
                  only={"E209", "W301"})  # the item is left out until fixed, so its entry is unused


@scenario("E210")
def _(make):
    text = cat("    effective_date: 2024-03-01", "    effective_date: 2024年3月1日")
    return Expect(make(catalog=text), "E210", line=line_of(text, "2024年3月1日"),
                  in_message=("写成 effective_date: 2024-03-01",))


@scenario("E210", "month-of-a-case")
def _(make):
    text = case("month: 2024-06", "month: 2024.6")
    return Expect(make(case=text), "E210", path=CASE, line=line_of(text, "month: 2024.6"), in_message=("写成 month: 2024-06",))


@scenario("E211")
def _(make):
    text = cat("    stages: [事前]", "    stages: [事前，事中]")
    return Expect(make(catalog=text), "E211", line=line_of(text, "[事前，事中]"), in_message=("事前, 事中", "英文逗号"))


@scenario("E212")
def _(make):
    text = case("mode: persuasion_warning", "mode: 劝导警告")
    return Expect(make(case=text), "E212", path=CASE, line=line_of(text, "mode: 劝导警告"),
                  in_message=("是不是“劝导警示”", "写成 mode: persuasion_warning"))


@scenario("E208")
def _(make):
    text = cat("    stages: [事前]", "    stages: [事前, 事前]")
    return Expect(make(catalog=text), "E208", line=line_of(text, "[事前, 事前]"))


# --- E3xx: identifiers and references ----------------------------------------------------------

ITEM1 = fixtures.CATALOG[fixtures.CATALOG.index("  - id: demo-001"):fixtures.CATALOG.index("  - id: demo-002")]


@scenario("E301")
def _(make):
    text = cat("  - id: demo-002", ITEM1 + "  - id: demo-002")
    first, second = line_of(text, "- id: demo-001", nth=1), line_of(text, "- id: demo-001", nth=2)
    return Expect(make(catalog=text), "E301", line=second, in_message=(f"{CAT}:{first}",))


@scenario("E302")
def _(make):
    text = case("items: [demo-002]", "items: [demo-099]")
    return Expect(make(case=text), "E302", path=CASE, line=line_of(text, "demo-099"))


@scenario("E303")
def _(make):
    text = cat("    no_penalty: [demo-bf-001]", "    no_penalty: [demo-bf-009]")
    # the entry demo-bf-001 is now unreferenced: W301 too
    return Expect(make(catalog=text), "E303", line=line_of(text, "demo-bf-009"), only={"E303", "W301"})


@scenario("E304")
def _(make):
    text = case("department: demo", "department: cgj")
    # the case id demo-2024-01 does not start with cgj-: E306 as well
    return Expect(make(case=text), "E304", path=CASE, line=line_of(text, "department: cgj"), only={"E304", "E306"})


@scenario("E305")
def _(make):
    root = make()
    (root / CAT).rename(root / "catalogs/cgj.yaml")
    return Expect(root, "E305", path="catalogs/cgj.yaml", line=line_of(fixtures.CATALOG, "  code: demo"),
                  in_message=("catalogs/demo.yaml",))


@scenario("E306")
def _(make):
    text = cat("  - id: demo-001", "  - id: cgj-001")
    return Expect(make(catalog=text), "E306", line=line_of(text, "cgj-001"))


@scenario("E307")
def _(make):
    text = cat("    no_penalty: [demo-bf-001]\n", "")
    return Expect(make(catalog=text), "E307", line=line_of(text, "mode: persuasion_warning"),
                  only={"E307", "W301"}, in_message=("劝导警示",))


@scenario("E308")
def _(make):
    root = make(case=None)
    write(root, "typical-cases/cgj/demo-2024-01.md", fixtures.CASE)
    return Expect(root, "E308", path="typical-cases/cgj/demo-2024-01.md",
                  line=line_of(fixtures.CASE, "department: demo"))


@scenario("E309")
def _(make):
    root = make(case=None)
    write(root, "typical-cases/demo/demo-2024-02.md", fixtures.CASE)
    return Expect(root, "E309", path="typical-cases/demo/demo-2024-02.md",
                  line=line_of(fixtures.CASE, "id: demo-2024-01"), in_message=("demo-2024-01.md",))


@scenario("E310")
def _(make):
    catalog = cat("    disclosure: 公开\n    status: 有效\n    effective_date: 2024-03-01",
                  "    disclosure: 商业秘密\n    exemption_reason: 涉及经营者尚未公开的门店设计方案\n"
                  "    status: 有效\n    effective_date: 2024-03-01")
    text = case("items: [demo-002]", "items:\n  - demo-002\n  - demo-001")
    return Expect(make(catalog=catalog, case=text), "E310", path=CASE, line=line_of(text, "  - demo-001"))


@scenario("W301")
def _(make):
    text = fixtures.CATALOG + (
        "  - id: demo-bf-002\n    field: 市容管理\n    violation: 未按规定设置户外招牌\n"
        "    violation_basis: 城市市容和环境卫生管理条例\n    penalty_basis: 城市市容和环境卫生管理条例\n"
        "    conditions:\n      - 首次被发现\n")
    return Expect(make(catalog=text), "W301", line=line_of(text, "id: demo-bf-002"), in_message=("demo-bf-002",))


# --- E4xx: openness ----------------------------------------------------------------------------

CONTENT2 = ("    content: 指出店外摆卖对通行和市容的影响，讲解相关规定，告知其符合不予处罚的条件，"
            "建议当场将商品收回店内，并提供店内陈列的改进建议。")
ITEM1_DISCLOSURE = "    disclosure: 公开\n    status: 有效\n    effective_date: 2024-03-01"


@scenario("E401")
def _(make):
    text = cat(CONTENT2, "    content: 暂无")
    return Expect(make(catalog=text), "E401", line=line_of(text, "content: 暂无"), in_message=("暂无",))


@scenario("E401", "only-punctuation")
def _(make):
    text = cat("      - 工作人员说明指导的目的、依据和内容。", "      - （　——　）")
    return Expect(make(catalog=text), "E401", line=line_of(text, "- （　——　）"), in_message=("相对人会经历的步骤",))


@scenario("E403")
def _(make):
    text = cat(CONTENT2, "    content: 具体内容详见附件2《户外招牌设置指引》")
    return Expect(make(catalog=text), "E403", line=line_of(text, "详见附件2"), in_message=("网站不发布附件",))


@scenario("E404")
def _(make):
    text = cat("      - law: 优化营商环境条例", "      - law: 国家有关法律法规")
    return Expect(make(catalog=text), "E404", line=line_of(text, "law: 国家有关法律法规"),
                  in_message=("中华人民共和国行政处罚法",))


@scenario("E405")
def _(make):
    text = cat(CONTENT2, "    content: 开展政策宣传和咨询服务。")
    return Expect(make(catalog=text), "E405", line=line_of(text, "content: 开展政策宣传"),
                  in_message=("只有 11 个字", "建议怎么做"))


@scenario("E402", "placeholder-reason")
def _(make):
    text = cat(ITEM1_DISCLOSURE, ITEM1_DISCLOSURE.replace("公开", "商业秘密") + "\n    exemption_reason: （略）")
    return Expect(make(catalog=text), "E402", line=line_of(text, "exemption_reason: （略）"))


@scenario("E402")
def _(make):
    text = cat(ITEM1_DISCLOSURE, ITEM1_DISCLOSURE.replace("公开", "商业秘密"))
    return Expect(make(catalog=text), "E402", line=line_of(text, "disclosure: 商业秘密"), in_message=("商业秘密",))


@scenario("W403")
def _(make):
    text = cat(ITEM1_DISCLOSURE, ITEM1_DISCLOSURE.replace(
        "    status:", "    exemption_reason: 涉及经营者尚未公开的门店设计方案\n    status:"))
    return Expect(make(catalog=text), "W403", line=line_of(text, "exemption_reason:"))


@scenario("W404")
def _(make):
    text = cat("      date: 2024-02-20", "      date: 2024-03-20")
    return Expect(make(catalog=text), "W404", line=line_of(text, "date: 2024-03-20"),
                  in_message=("2024-03-20", "2024-03-01"))


# --- W5xx: voluntariness -----------------------------------------------------------------------

@scenario("W501")
def _(make):
    text = cat("      提示招牌安装应当牢固", "      经营者必须接受指导，招牌安装应当牢固")
    return Expect(make(catalog=text), "W501", line=line_of(text, "必须接受指导"), in_message=("必须接受",))


@scenario("W501", "negated-force-is-not-compulsion")
def _(make):
    """不得强制, 不具有强制力 and 行政强制法 are not compulsion: no finding."""
    text = cat("      提示招牌安装应当牢固", "      指导不得强制，不具有强制力，依照中华人民共和国行政强制法，招牌安装应当牢固")
    return Expect(make(catalog=text), None)


# --- E6xx: personal data (case body lines) -----------------------------------------------------

ID_NUMBER = resident_id("37030319850612003")
CREDIT = credit_code("92370303MA3CX1234")
CARD = luhn_complete("621700123456789012")


@scenario("E601")
def _(make):
    text = body_line(f"经营者身份证号码为{ID_NUMBER}。")
    return Expect(make(case=text), "E601", path=CASE, line=line_of(text, "身份证号码为"),
                  in_message=(ID_NUMBER[:6] + "********",), not_in_output=(ID_NUMBER,))


@scenario("E602")
def _(make):
    text = body_line(f"该店统一社会信用代码为{CREDIT}。")
    return Expect(make(case=text), "E602", path=CASE, line=line_of(text, "统一社会信用代码为"), not_in_output=(CREDIT,))


@scenario("E603")
def _(make):
    text = body_line("王某留下的联系电话为 139 0533 1234。")
    return Expect(make(case=text), "E603", path=CASE, line=line_of(text, "139 0533 1234"),
                  in_message=("139****1234",), not_in_output=("13905331234", "139 0533 1234"))


@scenario("E604")
def _(make):
    text = body_line(f"王某提供的收款账户为 {CARD}。")
    return Expect(make(case=text), "E604", path=CASE, line=line_of(text, "收款账户"), not_in_output=(CARD,))


@scenario("E605")
def _(make):
    text = body_line("整改材料发送至 wangjianguo1988@163.com，或单位邮箱 cgj@demo.gov.cn。")
    return Expect(make(case=text), "E605", path=CASE, line=line_of(text, "@163.com"),
                  in_message=("@163.com",), not_in_output=("wangjianguo1988",))


@scenario("E606")
def _(make):
    text = case("counterpart: 某水果店", "counterpart: 王建国")
    return Expect(make(case=text), "E606", path=CASE, line=line_of(text, "counterpart: 王建国"),
                  in_message=("王**",), not_in_output=("王建国",))


@scenario("E607")
def _(make):
    text = body_line("当事人王建国表示今后不再将商品摆放到店外。")
    return Expect(make(case=text), "E607", path=CASE, line=line_of(text, "当事人王建国"),
                  in_message=("当事人",), not_in_output=("王建国",))


@scenario("E607", "name-in-counterpart-brackets")
def _(make):
    text = case("counterpart: 某水果店", "counterpart: 某水果店（李建国）").replace(
        "title: 示例区某水果店", "title: 示例区某水果店（李建国）")
    return Expect(make(case=text), "E607", path=CASE, line=line_of(text, "counterpart:"),
                  in_message=("李**", "相对人称谓"), not_in_output=("李建国",))


@scenario("E608")
def _(make):
    text = case("title: 示例区某水果店", "title: 示例区鲜果坊")
    return Expect(make(case=text), "E608", path=CASE, line=line_of(text, "title:"), in_message=("某水果店",))


@scenario("E609")
def _(make):
    root = make()
    write(root, "typical-cases/demo/联络员13905331234.txt", "整改材料清单\n")

    def more(result: Result) -> None:
        assert "13905331234" not in result.stdout
    return Expect(root, "E609", path="typical-cases/demo/联络员139****1234.txt", line=0, only={"E609", "W110"},
                  in_message=("手机号码", "139****1234"), more=more)


@scenario("E603", "settings-value-escaped")
def _(make):
    """A number written with YAML escapes is invisible in the bytes but shown in every footer."""
    escaped = "".join(f"\\u{ord(c):04x}" for c in "13905331234")
    text = replace_once(mkdocs_text(), "  contact: 电话 0533-0000000", f'  contact: "电话 {escaped}"\n  x_old: 电话 0533-0000000')
    text = text.replace("\n  x_old: 电话 0533-0000000（工作日 9:00—17:00）；地址 示例区政务服务中心 3 楼", "")
    return Expect(make(mkdocs=text), "E603", path="mkdocs.yml", line=line_of(text, "  contact:"),
                  in_message=("139****1234",))


# --- E7xx: markup ------------------------------------------------------------------------------

@scenario("E701")
def _(make):
    text = body_line('<script>document.title = "x"</script>')
    return Expect(make(case=text), "E701", path=CASE, line=line_of(text, "<script>"), in_message=("<script>",))


@scenario("E701", "harmless-markup-is-accepted")
def _(make):
    """Comparison signs, the word javascript and <b> are not script: no finding."""
    text = body_line("处罚金额 a < b 时，参照 javascript 教程的说法，<b>加粗</b>无妨。")
    return Expect(make(case=text), None)


@scenario("E701", "catalog-field")
def _(make):
    """A catalog field is plain text on the site, but the open data carries it as written."""
    text = cat("    office: 市容景观科", "    office: 市容景观科<iframe src=x>")
    return Expect(make(catalog=text), "E701", line=line_of(text, "<iframe"), in_message=("<iframe>",))


@scenario("E702")
def _(make):
    text = body_line('<font color="red">重要提示</font>：商品不得摆放在盲道上。')
    return Expect(make(case=text), "E702", path=CASE, line=line_of(text, "<font"), in_message=("<font>",))


@scenario("E703")
def _(make):
    text = body_line('<span style="color:red">当场改正</span>的，不予处罚。')
    return Expect(make(case=text), "E703", path=CASE, line=line_of(text, "<span style"), in_message=("style",))


@scenario("E704")
def _(make):
    text = body_line("相关规定见[市容条例](http://law.example.gov.cn/rongmao.html)。")
    return Expect(make(case=text), "E704", path=CASE, line=line_of(text, "http://law"), in_message=("https:",))


@scenario("E705")
def _(make):
    text = body_line("![整改后的店门](https://img.example.com/shop.jpg)")
    return Expect(make(case=text), "E705", path=CASE, line=line_of(text, "img.example.com"),
                  in_message=("img.example.com",))


@scenario("E706")
def _(make):
    text = body_line("![整改后的店门](shop-front.png)")
    return Expect(make(case=text), "E706", path=CASE, line=line_of(text, "shop-front.png"),
                  in_message=("shop-front.png",))


@scenario("E706", "image-beside-the-case-is-accepted")
def _(make):
    root = make(case=body_line("![整改后的店门](shop-front.png)"))
    write(root, "typical-cases/demo/shop-front.png", fixtures.png())
    return Expect(root, None)


@scenario("E707")
def _(make):
    text = body_line("- " * 3000 + "层层嵌套的列表")
    return Expect(make(case=text), "E707", path=CASE, line=line_of(text, "层层嵌套"))


@scenario("E708")
def _(make):
    root = make()
    write(root, "typical-cases/demo/整改照片.png", fixtures.png())
    write(root, "typical-cases/demo/notes.jpg", "这不是图片")

    def more(result: Result) -> None:
        assert sorted(result.where("E708")) == [("typical-cases/demo/notes.jpg", 0), ("typical-cases/demo/整改照片.png", 0)]
    return Expect(root, "E708", path="typical-cases/demo/notes.jpg", line=0, in_message=(".jpg",), more=more)


@scenario("W701")
def _(make):
    text = body_line('王某表示愿意整改。{: onmouseover="alert(1)" }')
    return Expect(make(case=text), "W701", path=CASE, line=line_of(text, "{: onmouseover"))


@scenario("W702")
def _(make):
    root = make()
    write(root, "typical-cases/demo/shop-front.png", fixtures.png())
    return Expect(root, "W702", path="typical-cases/demo/shop-front.png", line=0)


# --- E8xx / W8xx: site settings ----------------------------------------------------------------

@scenario("E801")
def _(make):
    text = replace_once(mkdocs_text(), "hant_variant: s2tw\n", "hant_variant: zh-tw\n")
    return Expect(make(mkdocs=text), "E801", path="mkdocs.yml", line=line_of(text, "hant_variant: zh-tw"),
                  in_message=("s2tw",))


@scenario("E801", "notice-pdf-not-a-flag")
def _(make):
    text = replace_once(mkdocs_text(), "  notice_pdf: false\n", "  notice_pdf: 是\n")
    return Expect(make(mkdocs=text), "E801", path="mkdocs.yml", line=line_of(text, "notice_pdf: 是"),
                  in_message=("notice_pdf",))


@scenario("E801", "trades-not-a-list")
def _(make):
    """A malformed extra.trades is a settings error (E801), not one E954 per tagged item."""
    text = replace_once(mkdocs_text(), "  trades:\n    - code: catering\n      label: 餐饮\n",
                        "  trades: 餐饮\n  unused:\n    - code: catering\n      label: 餐饮\n")
    return Expect(make(mkdocs=text), "E801", path="mkdocs.yml", line=line_of(text, "trades: 餐饮"),
                  only={"E801", "E205"})


@scenario("E801", "missing-mkdocs")
def _(make):
    root = make()
    (root / "mkdocs.yml").unlink()
    return Expect(root, "E801", path="mkdocs.yml", line=0)


@scenario("E803")
def _(make):
    text = replace_once(mkdocs_text(), "    - code: advice\n", "    - code: index\n")
    return Expect(make(mkdocs=text), "E803", path="mkdocs.yml", line=line_of(text, "- code: index"),
                  in_message=("modes/index.md",))


@scenario("E802")
def _(make):
    text = replace_once(mkdocs_text(), "hant_variant: s2tw\n", "hant_variant: s2twp\n")
    return Expect(make(mkdocs=text), "E802", path="mkdocs.yml", line=line_of(text, "hant_variant: s2twp"),
                  in_message=("程式",))


@scenario("W801")
def _(make):
    text = replace_once(mkdocs_text(), "      label: 案件回访\n",
                        "      label: 案件回访\n    - code: visit\n      label: 走访约见\n")

    def both(result: Result) -> None:
        assert sorted(result.where("W801")) == [("generator/schema/case.schema.json", 0),
                                                ("generator/schema/catalog.schema.json", 0)]
    return Expect(make(mkdocs=text), "W801", path="generator/schema/catalog.schema.json", line=0, more=both)


@scenario("W802")
def _(make):
    root = make()
    write(root, "CODEOWNERS", "# 手工写的旧文件\n/catalogs/ @legal-office\n")
    return Expect(root, "W802", path="CODEOWNERS", line=0, in_message=("python -m generator codeowners",))


# --- 一业一册: trades (E953–E954, W953) -------------------------------------------------------

@scenario("E953")
def _(make):
    text = replace_once(mkdocs_text(), "    - code: catering\n", "    - code: search\n")
    return Expect(make(mkdocs=text), "E953", path="mkdocs.yml", line=line_of(text, "- code: search"),
                  in_message=("search.md",))


@scenario("E954")
def _(make):
    """The label typed where the code belongs: the finding names the code to write."""
    text = cat("    no_penalty: [demo-bf-001]\n", "    no_penalty: [demo-bf-001]\n    trades: [construction, 餐饮]\n")
    return Expect(make(catalog=text), "E954", line=line_of(text, "餐饮]"), in_message=("catering", "“餐饮”"))


@scenario("E954", "misspelt-code")
def _(make):
    text = cat("    no_penalty: [demo-bf-001]\n", "    no_penalty: [demo-bf-001]\n    trades:\n      - Food-Sale\n")
    return Expect(make(catalog=text), "E954", line=line_of(text, "- Food-Sale"), in_message=("food_sales",))


@scenario("W953")
def _(make):
    text = replace_once(mkdocs_text(), "      label: 网络交易\n", "      label: 网络销售\n")
    return Expect(make(mkdocs=text), "W953", path="generator/schema/catalog.schema.json", line=0)


# --- E9xx: legal basis against the statute library (laws/) ------------------------------------

PENALTY_LAW = "      - law: 中华人民共和国行政处罚法\n        article: 第三十三条第一款\n"
ART_33 = "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。"
PENALTY_META = "laws/法律/行政处罚法.yaml"


def basis(law: str = "中华人民共和国行政处罚法", article: str | None = "第三十三条第一款",
          text: str | None = None) -> str:
    """The fixture catalog with demo-002's basis replaced by one written as given."""
    entry = f"      - law: {law}\n"
    if article is not None:
        entry += f"        article: {article}\n"
    if text is not None:
        entry += "        text: |\n" + "".join(f"          {line}\n" for line in text.split("\n"))
    return cat(PENALTY_LAW, entry)


def replace_file(root: Path, rel: str, old: str, new: str) -> str:
    text = replace_once((root / rel).read_text(encoding="utf-8"), old, new)
    write(root, rel, text)
    return text


@scenario("clean", "library-citations-resolve")
def _(make):
    # 第33条第1款 is 第三十三条第一款; the quotation keeps a line break and elides its middle.
    text = basis(article="第33条第1款", text="违法行为轻微并及时改正，\n没有造成危害后果的，不予行政处罚。……可以不予行政处罚。")
    return Expect(with_laws(make(catalog=text)), None)


@scenario("E901")
def _(make):
    root = with_laws(make())
    rel, _ = law_text("法律/行政处罚法")
    text = replace_file(root, rel, "第五条 行政处罚遵循公正、公开的原则。", "第七条 行政处罚遵循公正、公开的原则。")
    return Expect(root, "E901", path=rel, line=line_of(text, "第七条 行政处罚遵循公正"), in_message=("第七条", "第四条"))


@scenario("W902")
def _(make):
    root = with_laws(make(catalog=basis(text=ART_33)))
    rel, _ = law_text("法律/行政处罚法")
    # A paragraph cut in two, as in some collected files: still one 款, the quotation still matches.
    text = replace_file(root, rel, "不予行政处罚。初次违法", "不予行政处罚。初次\n\n违法")
    return Expect(root, "W902", path=rel, line=line_of(text, "第三十三条 违法行为轻微"), in_message=("断行",))


@scenario("E903")
def _(make):
    root = with_laws(make())
    text = replace_file(root, PENALTY_META, "title: 中华人民共和国行政处罚法", "title: 中华人民共和国行政处罚条例")
    return Expect(root, "E903", path=PENALTY_META, line=line_of(text, "title:"), in_message=("行政处罚条例",))


@scenario("W904")
def _(make):
    root = with_laws(make())
    rel, text = law_text("法律/行政许可法")
    write(root, rel, text)  # a text dropped in without its metadata file
    return Expect(root, "W904", path=rel, line=0, in_message=("laws add",))


@scenario("W905")
def _(make):
    text = cat("      - law: 优化营商环境条例\n", "      - law: 优化营商环境条例\n      - law: 劳务派遣暂行规定\n")
    text = replace_once(text, PENALTY_LAW, PENALTY_LAW + "      - law: 劳务派遣暂行规定\n        article: 第三条\n")
    return Expect(with_laws(make(catalog=text)), "W905", line=line_of(text, "劳务派遣暂行规定", nth=1),
                  in_message=("共 2 处",), more=lambda r: len(r.where("W905")) == 1 or pytest.fail(str(r)))


@scenario("E906")
def _(make):
    mkdocs = replace_once(mkdocs_text(), "laws_complete_levels: [法律, 行政法规]", "laws_complete_levels: [法律]")
    text = basis(law="中华人民共和国电子商务法", article="第十五条")
    return Expect(with_laws(make(catalog=text, mkdocs=mkdocs)), "E906", line=line_of(text, "电子商务法"),
                  in_message=("法律",))


@scenario("E907")
def _(make):
    text = basis(article="第九百条")
    return Expect(with_laws(make(catalog=text)), "E907", line=line_of(text, "第九百条"), in_message=("共86条",))


@scenario("E908")
def _(make):
    quote = ART_33.replace("初次违法", "初次违法\n").replace("可以不予", "应当不予")
    text = basis(text=quote)
    return Expect(with_laws(make(catalog=text)), "E908", line=line_of(text, "应当不予"),
                  in_message=("[应当→可以]",))


@scenario("E909")
def _(make):
    root = with_laws(make(catalog=basis(text=ART_33)))
    replace_file(root, PENALTY_META, "    status: 现行有效", "    status: 已废止")
    replace_file(root, PENALTY_META, "source: 国家法律法规数据库", "source: 国家法律法规数据库\nsuperseded_by: 中华人民共和国行政处罚新法")
    text = (root / fixtures.CATALOG_PATH).read_text(encoding="utf-8")
    return Expect(root, "E909", line=line_of(text, "law: 中华人民共和国行政处罚法"), in_message=("行政处罚新法",))


@scenario("W910")
def _(make):
    text = basis(law="中华人民共和国行政复议法（2017年修正）", article="第九条")
    return Expect(with_laws(make(catalog=text), *FIXTURE_LAWS, "法律/行政复议法"), "W910",
                  line=line_of(text, "行政复议法"), in_message=("2023-09-01",))


@scenario("W911")
def _(make):
    first = "      - law: 优化营商环境条例\n"
    text = cat(first, first + "      - law: 劳务派遣暂行规定\n        article: 第三条\n        text: 用工单位只能在临时性岗位上使用被派遣劳动者。\n")
    text = replace_once(text, PENALTY_LAW, PENALTY_LAW + "      - law: 劳务派遣暂行规定\n        article: 第3条\n"
                        "        text: 用工单位只能在临时性、辅助性岗位上使用被派遣劳动者。\n")
    return Expect(with_laws(make(catalog=text)), "W911", line=line_of(text, "辅助性岗位"), only={"W905", "W911"},
                  in_message=(f"{CAT}:{line_of(text, '只能在临时性岗位')}",))


@scenario("W912")
def _(make):
    text = basis(law="《中华人民共和国行政处罚法》")
    return Expect(with_laws(make(catalog=text)), "W912", line=line_of(text, "law: 《中华人民共和国行政处罚法》"))


@scenario("W913")
def _(make):
    text = basis(article="第三十三条规定的情形")
    return Expect(with_laws(make(catalog=text)), "W913", line=line_of(text, "规定的情形"))


@scenario("W914")
def _(make):
    text = basis(article=None, text=ART_33)
    return Expect(with_laws(make(catalog=text)), "W914", line=line_of(text, "text: |"))


# --- powers/: the departments' 权责清单 (generator/powers.py) ------------------------------------

POWERS = """\
# yaml-language-server: $schema=../generator/schema/powers.schema.json
department: demo
powers:
  - code: 370303000CG-XK-0001
    name: 户外广告设施设置审批
    kind: 行政许可
"""


@scenario("clean", "power_list")
def _(make):
    return Expect(write_powers(make(), POWERS), None)


@scenario("W918")
def _(make):
    text = cat('    power_codes: ["370303000CG-XK-0001"]\n', '    power_codes: ["370303000CG-XK-0001", "370303000CG-XK-0099"]\n')
    return Expect(write_powers(make(catalog=text), POWERS), "W918", line=line_of(text, "370303000CG-XK-0099"),
                  in_message=("370303000CG-XK-0099", "示例区城市管理局"))


@scenario("W919")
def _(make):
    text = replace_once(POWERS, "department: demo", "department: ghost")
    return Expect(write_powers(make(), text), "W919", path="powers/ghost.yaml", line=line_of(text, "department:"))


@scenario("E603", "power_list")
def _(make):
    text = replace_once(POWERS, "    kind: 行政许可\n", "    kind: 行政许可 联系人手机 13912345678\n")
    return Expect(write_powers(make(), text), "E603", path="powers/demo.yaml", line=line_of(text, "13912345678"),
                  not_in_output=("13912345678",))


def write_powers(root: Path, text: str) -> Path:
    write(root, f"powers/{text.split('department: ')[1].split()[0]}.yaml", text)
    return root


# --- documents/: guidance-document settings and Word templates (generator/documents/config.py) ----

def documents(make, kinds: str = documentsfixture.KINDS) -> Path:
    return documentsfixture.with_documents(make(), kinds)


@scenario("clean", "documents")
def _(make):
    return Expect(documents(make), None)


@scenario("E950")
def _(make):
    text = replace_once(documentsfixture.KINDS, "modes: [policy_guidance, advice]", "modes: [policy_guidance, advise]")
    return Expect(documents(make, text), "E950", path=documentsfixture.KINDS_PATH, line=line_of(text, "advise]"),
                  in_message=("advise", "advice（意见建议）"))


@scenario("E951")
def _(make):
    text = replace_once(documentsfixture.KINDS, "template: templates/warning.docx", "template: templates/warn.docx")
    return Expect(documents(make, text), "E951", path=documentsfixture.KINDS_PATH,
                  line=line_of(text, "templates/warn.docx"), in_message=("documents/templates/warn.docx",))


@scenario("E951", "not-docx")
def _(make):
    root = documents(make)
    write(root, "documents/templates/opinion.docx", "这是用记事本另存的文字，不是 Word 文件。")
    return Expect(root, "E951", path="documents/templates/opinion.docx", line=0)


@scenario("E952")
def _(make):
    root = documents(make)
    write(root, "documents/templates/warning.docx",
          documentsfixture.edited_template("warning.docx", "{{ item_name }}", "{{ item_nam }}"))
    return Expect(root, "E952", path="documents/templates/warning.docx", line=0,
                  in_message=("{{ item_nam }}", "item_name（事项名称）"))


@scenario("W950")
def _(make):
    text = replace_once(documentsfixture.KINDS, "    demo: 城管\n", "    other: 其他\n")
    return Expect(documents(make, text), "W950", path=documentsfixture.KINDS_PATH, line=line_of(text, "agencies:"),
                  only={"W950", "W951"}, in_message=("demo",))


@scenario("W951")
def _(make):
    text = replace_once(documentsfixture.KINDS, "    demo: 城管\n", "    demo: 城管\n    ghost: 其他\n")
    return Expect(documents(make, text), "W951", path=documentsfixture.KINDS_PATH, line=line_of(text, "ghost:"))



# --- E99x: the catalog's withdrawn: list (items taken out of the catalog) ----------------------

def withdrawn(*entries: str) -> str:
    """The fixture catalog with a withdrawn: list of ``entries`` (each the lines of one entry)."""
    return fixtures.CATALOG.rstrip("\n") + "\n\nwithdrawn:\n" + "".join(entries)


MERGED_003 = "  - id: demo-003\n    date: 2025-02-01\n    reason: 合并\n    merged_into: demo-001\n"


@scenario("clean", "withdrawn-list")
def _(make):
    return Expect(make(catalog=withdrawn(MERGED_003, "  - id: demo-004\n    date: 2025-03-01\n    reason: 废止\n"
                                                     "    note: 所依据的规定已废止。\n")), None)


@scenario("E990")
def _(make):
    text = withdrawn("  - id: demo-001\n    date: 2025-02-01\n    reason: 停止执行\n")
    return Expect(make(catalog=text), "E990", line=line_of(text, "  - id: demo-001", nth=2), in_message=("demo-001",))


@scenario("E991")
def _(make):
    text = withdrawn(MERGED_003.replace("merged_into: demo-001", "merged_into: demo-009"))
    return Expect(make(catalog=text), "E991", line=line_of(text, "merged_into: demo-009"), in_message=("demo-009", "不存在"))


@scenario("E991", "exempt-target")
def _(make):
    catalog = cat("    disclosure: 公开\n    status: 有效\n    effective_date: 2024-03-01",
                  "    disclosure: 商业秘密\n    exemption_reason: 涉及经营者尚未公开的门店设计方案\n"
                  "    status: 有效\n    effective_date: 2024-03-01")
    text = catalog.rstrip("\n") + "\n\nwithdrawn:\n" + MERGED_003
    return Expect(make(catalog=text), "E991", line=line_of(text, "merged_into: demo-001"), in_message=("不予公开",))


@scenario("E992")
def _(make):
    text = withdrawn("  - id: demo-003\n    date: 2025-02-01\n    reason: 合并\n")
    return Expect(make(catalog=text), "E992", line=line_of(text, "reason: 合并"), in_message=("merged_into",))


@scenario("E992", "merged-into-without-merge")
def _(make):
    text = withdrawn(MERGED_003.replace("reason: 合并", "reason: 废止"))
    return Expect(make(catalog=text), "E992", line=line_of(text, "merged_into: demo-001"), in_message=("废止",))


@scenario("E993")
def _(make):
    text = withdrawn(MERGED_003, "  - id: demo-003\n    date: 2025-03-01\n    reason: 废止\n")
    first = line_of(text, "  - id: demo-003", nth=1)
    return Expect(make(catalog=text), "E993", line=line_of(text, "  - id: demo-003", nth=2), in_message=(f"第 {first} 行",))


# --- the tests ---------------------------------------------------------------------------------

def _params():
    for key, s in SCENARIOS.items():
        marks = [pytest.mark.xfail(reason=s.bug, strict=True)] if s.bug else []
        yield pytest.param(key, id=key, marks=marks)


@pytest.fixture(scope="module")
def runs(request, tmp_path_factory) -> dict[str, tuple[Expect, tuple[int, str, str]]]:
    """Build the selected scenarios, then run all their checks in parallel."""
    keys = [item.callspec.params["key"] for item in request.session.items
            if item.module is request.module and hasattr(item, "callspec") and "key" in item.callspec.params]
    expects = {key: SCENARIOS[key].build(repo_factory(tmp_path_factory.mktemp(key))) for key in keys}
    outputs = run_parallel([(expects[key].root, ("--format", "json")) for key in keys])
    return {key: (expects[key], out) for key, out in zip(keys, outputs)}


# Codes that only ``build`` reports (the scan of the built site): tested in test_egress.py; and
# E980 (the chosen engine not installed), which needs a Python without it: test_engines.py.
BUILD_CODES = {"E660", "E980"}
# Codes that only ``review`` reports (two revisions compared): tested in test_review_lawdesk.py.
REVIEW_CODES = {"W915", "W916", "W917"}


def test_every_code_has_a_scenario() -> None:
    """The codes tested here are exactly the codes the checker can say."""
    positive = {s.code for s in SCENARIOS.values() if s.code != "clean"}
    assert positive == set(zh_hans.MESSAGES) - BUILD_CODES - REVIEW_CODES


def test_every_code_is_documented_in_contributing() -> None:
    """CONTRIBUTING.md 7.2 has one row per code the checker can say, and no other."""
    import re

    from conftest import PROJECT

    table = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([EW]\d{3}) \| (错误|警告) \|", table, re.MULTILINE)
    assert sorted(code for code, _ in rows) == sorted(zh_hans.MESSAGES)
    assert all((code[0] == "E") == (level == "错误") for code, level in rows)


@pytest.mark.parametrize("key", list(_params()))
def test_finding_code(key: str, runs) -> None:
    expect, (exit_code, stdout, stderr) = runs[key]
    result = Result(exit_code, stdout, stderr)  # no traceback, exit 0/1, valid JSON
    if expect.code is None:
        assert result.findings == [] and result.code == 0, result
    else:
        finding = assert_finding(result, expect.code, expect.path, expect.line, only=expect.only)
        for words in expect.in_message:
            assert words in finding["message"], finding
        if expect.col is not None:
            assert finding["col"] == expect.col, finding
    for secret in expect.not_in_output:
        assert secret not in stdout + stderr
    if expect.more:
        expect.more(result)

