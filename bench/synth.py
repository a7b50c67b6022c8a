"""Deterministic synthetic content at named scales, for benchmarks (never for tests' truth).

    python bench/synth.py --scale district --out /tmp/district

Text is assembled from phrase pools so lengths and character mix resemble real catalogs
(item content 120–300 characters, case bodies ~900), with every field filled. The same seed
always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Scale:
    departments: int
    items: int
    cases: int


SCALES = {
    "sample": None,  # the repository's own sample content
    "district": Scale(40, 1_200, 200),
    "city": Scale(300, 15_000, 2_000),
    "items10k": Scale(40, 10_000, 0),
    "items1k": Scale(10, 1_000, 100),
}

MODES = ["policy_guidance", "advice", "reminder", "persuasion_warning", "demonstration", "case_follow_up"]
FIELDS = ["食品经营", "药品零售", "特种设备", "广告发布", "价格行为", "计量器具", "危险化学品", "安全生产培训",
          "建筑垃圾处置", "户外广告设置", "餐饮油烟", "劳动合同", "工资支付", "社会保险登记", "公共场所卫生",
          "医疗机构执业", "职业健康", "生活饮用水", "排污许可", "环境影响评价", "噪声污染防治", "危险废物贮存"]
SUBJECTS = ["辖区内从事{f}活动的企业和个体工商户", "申请办理{f}相关许可的市场主体", "首次从事{f}的经营者",
            "在{f}领域存在轻微违法行为的当事人", "辖区内{f}重点监管对象"]
CLAUSES = [
    "执法人员结合{f}领域的法律法规和监管要求，向相对人说明应当履行的义务和常见的违法情形",
    "对照{f}的办理条件和材料清单，逐项提示准备要点，帮助相对人一次办成",
    "针对检查中发现的{f}问题，提出整改建议并说明可以参考的做法",
    "通过座谈、上门走访等方式了解相对人在{f}方面的困难，提供政策咨询",
    "对{f}领域的典型问题进行梳理，以案释法，引导相对人自觉守法",
    "相对人可以根据自身情况决定是否采纳建议，不采纳不影响其依法享有的权利",
    "对有需要的相对人，可以出具书面指导意见，写明指导的依据、内容和建议措施",
    "指导过程中尊重相对人的意见，听取其陈述，必要时组织专家提供技术支持",
]
LAWS = [("中华人民共和国行政处罚法", "第三十三条"), ("优化营商环境条例", None), ("中华人民共和国食品安全法", None),
        ("中华人民共和国安全生产法", None), ("中华人民共和国劳动合同法", None), ("中华人民共和国广告法", None),
        ("中华人民共和国环境保护法", None), ("中华人民共和国职业病防治法", None)]
STEPS = ["确定指导对象和指导事项，告知相对人指导的目的、依据和内容",
         "听取相对人的陈述和意见，了解实际情况", "提出指导意见和建议措施，相对人自愿选择是否采纳",
         "相对人申请的，出具书面行政指导意见书", "跟踪了解采纳情况，做好记录归档"]
RIGHTS = ["有权了解行政指导的依据、内容和理由", "有权陈述意见、提出建议",
          "可以自主决定是否接受行政指导，拒绝不影响其合法权益",
          "认为行政指导侵犯其合法权益的，可以投诉、举报，或依法申请行政复议、提起行政诉讼"]
CASE_SECTIONS = ["基本案情", "指导过程", "指导结果", "法律依据", "典型意义"]
CODE_LETTERS = "abcdefghjkmnpqrstwxyz"


def _dept_code(n: int) -> str:
    a, b = divmod(n, len(CODE_LETTERS))
    c, a = divmod(a, len(CODE_LETTERS))
    return "bm" + CODE_LETTERS[c % len(CODE_LETTERS)] + CODE_LETTERS[a] + CODE_LETTERS[b]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (our texts have no quotes or backslashes)."""
    return '"' + text + '"'


def _paragraph(rng: random.Random, field: str, clauses: int) -> str:
    return "；".join(rng.choice(CLAUSES).format(f=field) for _ in range(clauses)) + "。"


def _item(rng: random.Random, code: str, n: int, mode: str, entry: str | None) -> str:
    field = rng.choice(FIELDS)
    law, article = rng.choice(LAWS)
    lines = [
        f"  - id: {code}-{n:04d}",
        f"    name: {field}{rng.choice(['政策指引', '合规提示', '风险提醒', '首违不罚劝导', '示范创建', '案件回访'])}（{n}）",
        f"    mode: {mode}",
        f"    stages: [{', '.join(sorted(rng.sample(['事前', '事中', '事后'], rng.randint(1, 3)), key='事前事中事后'.index))}]",
        f"    power_codes: [\"370303000{code.upper()}-XK-{n:04d}\"]",
        f"    office: {field}监管科",
        "    basis:",
        f"      - law: {law}",
    ]
    if article:
        lines.append(f"        article: {article}")
    lines += [
        f"    subjects: {_q(rng.choice(SUBJECTS).format(f=field))}",
        f"    situations: {_q(_paragraph(rng, field, 1))}",
        f"    content: {_q(_paragraph(rng, field, rng.randint(3, 6)))}",
        "    procedure:",
        *[f"      - {_q(s)}" for s in STEPS[: rng.randint(4, 5)]],
        "    rights:",
        *[f"      - {_q(r)}" for r in RIGHTS],
        "    supervision_phone: 0533-6010001",
        "    disclosure: 公开",
        "    status: 有效",
        f"    effective_date: 2024-{rng.randint(3, 12):02d}-01",
        "    review:",
        "      unit: 示例区司法局",
        "      date: 2024-02-01",
        f"      filing_no: 示司备〔2024〕{n}号",
    ]
    if entry:
        lines.append(f"    no_penalty: [{entry}]")
    return "\n".join(lines)


def _catalog(rng: random.Random, index: int, items: int) -> tuple[str, str, list[str]]:
    code = _dept_code(index)
    entry = f"{code}-bf-001"
    out = [
        "# yaml-language-server: $schema=../generator/schema/catalog.schema.json",
        "department:",
        f"  code: {code}",
        f"  name: 示例区第{index + 1}行政执法部门",
        f"  address: 示例区文昌路{index + 1}号",
        "  office_phone: 0533-6010000",
        "  legal_office:",
        "    name: 法规科",
        "    phone: 0533-6010002",
        "  sample: true",
        "items:",
    ]
    ids = []
    for n in range(1, items + 1):
        mode = MODES[(n - 1) % len(MODES)]
        out.append(_item(rng, code, n, mode, entry if mode == "persuasion_warning" else None))
        ids.append(f"{code}-{n:04d}")
    out += [
        "no_penalty:",
        f"  - id: {entry}",
        "    field: 市场秩序",
        "    violation: 未按规定公示相关证照信息",
        "    violation_basis: 《优化营商环境条例》第四十三条",
        "    penalty_basis: 《优化营商环境条例》第六十九条",
        "    conditions: [首次违法, 危害后果轻微, 及时改正]",
    ]
    return code, "\n".join(out) + "\n", ids


def _case(rng: random.Random, code: str, n: int, item: str) -> str:
    field = rng.choice(FIELDS)
    body = "\n\n".join(f"## {h}\n\n" + _paragraph(rng, field, rng.randint(3, 5)) for h in CASE_SECTIONS)
    return (
        "---\n"
        f"id: {code}-2024-{n:02d}\n"
        f"title: 示例区某经营户{field}行政指导案（{n}）\n"
        f"department: {code}\n"
        f"items: [{item}]\n"
        f"mode: {rng.choice(MODES)}\n"
        f"month: 2024-{rng.randint(1, 12):02d}\n"
        "region: 示例区\n"
        "counterpart_kind: 个体工商户\n"
        "counterpart: 某经营户\n"
        f"tags: [{field}]\n"
        "sample: true\n"
        "---\n\n" + body + "\n"
    )


def generate(scale: str, out: Path, seed: int = 20261121) -> Path:
    """Write a complete content repository for ``scale`` into ``out`` (replacing it)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    # The guidance documents' configuration and Word templates, as a district's repository has them.
    shutil.copytree(ROOT / "documents", out / "documents")
    spec = SCALES[scale]
    if spec is None:
        shutil.copytree(ROOT / "catalogs", out / "catalogs")
        shutil.copytree(ROOT / "typical-cases", out / "typical-cases")
        return out
    rng = random.Random(seed)
    (out / "catalogs").mkdir()
    per_dept, extra = divmod(spec.items, spec.departments)
    all_items: list[tuple[str, list[str]]] = []
    for d in range(spec.departments):
        code, text, ids = _catalog(rng, d, per_dept + (1 if d < extra else 0))
        (out / "catalogs" / f"{code}.yaml").write_text(text, encoding="utf-8")
        all_items.append((code, ids))
    for c in range(spec.cases):
        code, ids = all_items[c % len(all_items)]
        n = c // len(all_items) + 1
        folder = out / "typical-cases" / code
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{code}-2024-{n:02d}.md").write_text(_case(rng, code, n, rng.choice(ids)), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    generate(args.scale, args.out, args.seed)


if __name__ == "__main__":
    main()
