"""YAML 1.1 typing traps: what the editor typed is what the checker reads.

PyYAML's usual loaders would read ``05331234567`` as the octal number 5331234567 → an int,
``NO`` as False and ``2024-01-01`` as a date. The checker reads every plain value as the text
typed (only true/false and empty are special), so these values are accepted as text: no
finding beyond what the schema's own patterns say. A boolean field given ``yes`` is E202.

Each test checks several small repositories; their checks run in parallel.
"""

from __future__ import annotations

import pytest
import yaml

import fixtures
from conftest import Result, assert_finding, line_of, replace_once, run_parallel
from generator.load import yamlsource

CAT, CASE = fixtures.CATALOG_PATH, fixtures.CASE_PATH
CONTENT2 = ("    content: 指出店外摆卖对通行和市容的影响，讲解相关规定，告知其符合不予处罚的条件，"
            "建议当场将商品收回店内，并提供店内陈列的改进建议。")


def check_all(make_repo, variants: dict[str, dict]) -> dict[str, Result]:
    """Build one repository per variant (keyword arguments of make_repo) and check them all."""
    roots = {name: make_repo(**kwargs) for name, kwargs in variants.items()}
    outputs = run_parallel([(root, ("--format", "json")) for root in roots.values()])
    return {name: Result(*out) for name, out in zip(roots, outputs)}


RETYPED = {  # what a YAML 1.1 loader would change → must stay the text typed
    "supervision_phone: 05331234567": ("    supervision_phone: 0533-6090010", "    supervision_phone: 05331234567"),
    "office: NO": ("    office: 市容景观科", "    office: NO"),
    "name: 12345": ("    name: 户外招牌设置政策指引", "    name: 12345"),
    "content: 2024-01-01": (CONTENT2, "    content: 2024-01-01"),
    "subjects: 2024-01-01": ("    subjects: 拟在本区临街建筑物外立面设置门头招牌的个体工商户和企业。", "    subjects: 2024-01-01"),
}
# Read as text, a number or a date is still no content for a field the public reads (E401); a
# retyped value would be E202 (not text) instead.
SAYS_NOTHING = {"name: 12345", "content: 2024-01-01", "subjects: 2024-01-01"}
# Kept as typed, but read as numbers by VS Code and YAML 1.2 tools: the editor is asked to quote
# them (W213, a warning: the value is accepted).
NUMBER_LIKE = {"supervision_phone: 05331234567", "name: 12345"}


def test_values_that_yaml_1_1_would_retype_are_accepted_as_text(make_repo) -> None:
    results = check_all(make_repo, {name: {"catalog": replace_once(fixtures.CATALOG, old, new)}
                                    for name, (old, new) in RETYPED.items()})
    for name, result in results.items():
        text = replace_once(fixtures.CATALOG, *RETYPED[name])
        line = line_of(text, RETYPED[name][1])
        expected = ({"E401"} if name in SAYS_NOTHING else set()) | ({"W213"} if name in NUMBER_LIKE else set())
        for code in sorted(expected):
            finding = assert_finding(result, code, CAT, line, only=expected)
            assert name.split(": ")[1] in finding["message"]  # quoted back as typed
        if not expected:
            assert result.findings == [] and result.code == 0, (name, result)


@pytest.mark.parametrize(("typed", "read"), [
    ("05331234567", "05331234567"),
    ("0533", "0533"),
    ("NO", "NO"),
    ("yes", "yes"),
    ("on", "on"),
    ("2024-01-01", "2024-01-01"),
    ("12345", "12345"),
    ("1e3", "1e3"),
    ("0x1F", "0x1F"),
    ("'true'", "true"),
    ("true", True),
    ("False", False),
    ("", None),
    ("~", None),
])
def test_plain_scalars_are_read_as_typed(typed: str, read: object) -> None:
    parsed = yamlsource.parse(f"value: {typed}\n")
    assert parsed.data == {"value": read}


def test_usual_pyyaml_would_have_changed_them() -> None:
    """Guard for the tests above: the traps are real with PyYAML's safe loader."""
    data = yaml.safe_load("a: 05331234567\nb: NO\nc: 2024-01-01\nd: 12345\n")
    assert data["a"] != "05331234567" and data["b"] is False
    assert not isinstance(data["c"], str) and data["d"] == 12345


def test_mobile_number_as_supervision_phone_fails_the_pattern(make_repo) -> None:
    text = replace_once(fixtures.CATALOG, "    supervision_phone: 0533-6090010", "    supervision_phone: 13905331234")
    result = check_all(make_repo, {"mobile": {"catalog": text}})["mobile"]
    line = line_of(text, "supervision_phone: 139")
    assert (CAT, line) in result.where("E204")
    assert (CAT, line) in result.where("E603")
    assert result.code == 1


def test_boolean_field_given_text_is_E202(make_repo) -> None:
    values = ["yes", "no", "是", '"true"', "1"]
    variants = {v: {"catalog": replace_once(fixtures.CATALOG, "  sample: true", f"  sample: {v}")} for v in values}
    variants["case: yes"] = {"case": replace_once(fixtures.CASE, "sample: true", "sample: yes")}
    results = check_all(make_repo, variants)
    for value in values:
        text = variants[value]["catalog"]
        finding = assert_finding(results[value], "E202", CAT, line_of(text, f"sample: {value}"))
        assert "true 或 false" in finding["message"]
    case_text = variants["case: yes"]["case"]
    assert_finding(results["case: yes"], "E202", CASE, line_of(case_text, "sample: yes"))


def test_boolean_spellings_of_yaml_1_2_are_accepted(make_repo) -> None:
    values = ["True", "TRUE", "false"]
    results = check_all(make_repo, {v: {"catalog": replace_once(fixtures.CATALOG, "  sample: true", f"  sample: {v}")}
                                    for v in values})
    for value, result in results.items():
        assert result.findings == [] and result.code == 0, (value, result)
