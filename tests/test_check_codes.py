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

import fixtures
from conftest import (MKDOCS, Result, assert_finding, credit_code, line_of, luhn_complete, replace_once,
                      repo_factory, resident_id, run_parallel, write)
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
    text = cat("    mode: policy_guidance", "    mode: 政策指引")
    return Expect(make(catalog=text), "E203", line=line_of(text, "mode: 政策指引"), in_message=("policy_guidance",))


@scenario("E204")
def _(make):
    text = cat("  office_phone: 0533-6090001", "  office_phone: 6090001")
    return Expect(make(catalog=text), "E204", line=line_of(text, "office_phone: 6090001"))


@scenario("E205")
def _(make):
    text = cat("    office: 市容景观科", "    office: 市容景观科\n    notes: 与街道综合执法队联合开展")
    return Expect(make(catalog=text), "E205", line=line_of(text, "notes:"), in_message=("“note”",))


@scenario("E206")
def _(make):
    text = cat("    office: 市容景观科", '    office: ""')
    return Expect(make(catalog=text), "E206", line=line_of(text, 'office: ""'))


@scenario("E207")
def _(make):
    text = cat("    effective_date: 2024-03-01", "    effective_date: 2024-02-30")
    return Expect(make(catalog=text), "E207", line=line_of(text, "2024-02-30"))


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


@scenario("W607")
def _(make):
    text = body_line("当事人王建国表示今后不再将商品摆放到店外。")
    return Expect(make(case=text), "W607", path=CASE, line=line_of(text, "当事人王建国"),
                  in_message=("当事人",), not_in_output=("王建国",))


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


# --- E8xx / W8xx: site settings ----------------------------------------------------------------

@scenario("E801")
def _(make):
    text = replace_once(mkdocs_text(), "hant_variant: s2tw\n", "hant_variant: zh-tw\n")
    return Expect(make(mkdocs=text), "E801", path="mkdocs.yml", line=line_of(text, "hant_variant: zh-tw"),
                  in_message=("s2tw",))


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


def test_every_code_has_a_scenario() -> None:
    """The codes tested here are exactly the codes the checker can say."""
    positive = {s.code for s in SCENARIOS.values() if s.code != "clean"}
    assert positive == set(zh_hans.MESSAGES)


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


def test_every_code_is_documented_in_contributing() -> None:
    """CONTRIBUTING.md 7.2 has one row per code the checker can say, and no other."""
    import re

    from conftest import PROJECT

    table = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([EW]\d{3}) \| (?:错误|警告) \|", table, re.M))
    assert documented == set(zh_hans.MESSAGES)
