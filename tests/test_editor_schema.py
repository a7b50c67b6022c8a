"""What VS Code shows an editor, checked with tools independent of the checker.

- The sample content passes the JSON Schemas under ``jsonschema`` run directly on the files as
  a YAML 1.2 reader sees them (as the Red Hat YAML extension does: an unquoted 12345 or
  05336010010 is a number there), not through ``generator.load``.
- Every property the editors can write has a Chinese description; every list of allowed values
  has Chinese labels for the completion list (``enumDescriptions``, ``markdownEnumDescriptions``).
- The snippets of ``.vscode/`` expand to content that passes the same validator, and offer the
  site's guidance modes.
- Case front matter: the YAML extension does not read Markdown, so ``.vscode/tasks.json`` runs the
  check and its problem matcher puts every finding (front matter included) in the Problems
  panel at its line. The matcher's patterns are applied here to the real check's output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest
import yaml

import fixtures
from conftest import PROJECT, build_repo, line_of, replace_once, run_check
from generator import schema as schemas
from generator import settings as settings_module

VSCODE = PROJECT / ".vscode"


class Yaml12(yaml.SafeLoader):
    """YAML 1.2 core schema: no dates, no yes/no, but digits are numbers."""


Yaml12.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
        ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+0123456789.")):
    Yaml12.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))
Yaml12.add_constructor("tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node), 10))


def errors(kind: str, text: str) -> list[str]:
    schema = json.loads((PROJECT / "generator" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(yaml.load(text, Loader=Yaml12))]


def front_matter(text: str) -> str:
    match = re.match(r"\A---\n(.*?)^---$", text, re.MULTILINE | re.DOTALL)
    assert match, text[:80]
    return match.group(1)


def sample_files() -> Iterator[tuple[str, Path]]:
    yield from (("catalog", p) for p in sorted((PROJECT / "catalogs").glob("*.yaml")))
    yield from (("case", p) for p in sorted((PROJECT / "typical-cases").glob("*/*.md")))


@pytest.mark.parametrize("kind, path", list(sample_files()), ids=lambda v: getattr(v, "name", v))
def test_the_sample_passes_an_independent_validator(kind: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert errors(kind, front_matter(text) if kind == "case" else text) == []


def test_the_independent_validator_sees_an_unquoted_phone_as_a_number() -> None:
    """As VS Code does: the schema types phones as text, so the editor underlines it."""
    text = (PROJECT / "catalogs" / "scjg.yaml").read_text(encoding="utf-8")
    assert 'supervision_phone: "12345"' in text
    found = errors("catalog", text.replace('supervision_phone: "12345"', "supervision_phone: 05336010010", 1))
    assert len(found) == 1 and "is not of type 'string'" in found[0]


def properties(root: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, node with its $ref merged) of every property of a schema, however deep."""
    seen = set()

    def walk(node: dict[str, Any], path: str) -> Iterator[tuple[str, dict[str, Any]]]:
        node = schemas._deref(root, node)
        for name, sub in node.get("properties", {}).items():
            full = schemas._deref(root, sub)
            yield f"{path}.{name}", full
            if f"{path}.{name}" not in seen:
                seen.add(f"{path}.{name}")
                yield from walk(full, f"{path}.{name}")
        if isinstance(node.get("items"), dict):
            yield from walk(node["items"], f"{path}[]")

    yield from walk(root, "")


@pytest.mark.parametrize("kind", ["catalog", "case"])
def test_every_property_has_a_chinese_description(kind: str) -> None:
    root = schemas.load(kind)
    found = list(properties(root))
    assert len(found) > (40 if kind == "catalog" else 12)  # the walk reaches nested fields
    missing = [path for path, node in found if not re.search(r"[\u4e00-\u9fff]", node.get("description", ""))]
    assert missing == []
    assert all(node.get("title") for path, node in found if not path.endswith("public_names")), found


def enums(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield node
        for value in node.values():
            yield from enums(value)
    elif isinstance(node, list):
        for value in node:
            yield from enums(value)


@pytest.mark.parametrize("kind", ["catalog", "case"])
def test_every_allowed_value_has_a_chinese_label(kind: str) -> None:
    found = list(enums(schemas.load(kind)))
    assert len(found) >= (5 if kind == "catalog" else 3)
    for node in found:
        for key in ("enumDescriptions", "markdownEnumDescriptions"):
            assert len(node.get(key, [])) == len(node["enum"]), (key, node)
            assert all(re.search(r"[\u4e00-\u9fff]", text) for text in node[key]), node


def test_the_modes_are_labelled_as_the_settings_name_them() -> None:
    settings, _ = settings_module.load(PROJECT)
    for kind in schemas.KINDS:
        assert schemas.modes_in_file(kind) == [(m.code, m.label) for m in settings.modes]


# --- snippets --------------------------------------------------------------------------------

SNIPPETS = json.loads((VSCODE / "xzzd.code-snippets").read_text(encoding="utf-8"))
VARIABLES = {"CURRENT_YEAR": "2025", "CURRENT_MONTH": "03", "CURRENT_DATE": "01"}


def expand(body: list[str]) -> str:
    """What VS Code inserts when the editor accepts every default (the first of each choice)."""
    text = "\n".join(body)
    text = re.sub(r"\$\{\d+\|([^,|]*)[^}]*\|\}", r"\1", text)
    for _ in range(3):  # placeholders may hold variables
        text = re.sub(r"\$\{\d+:([^{}]*)\}", r"\1", text)
    text = re.sub(r"\$([A-Z_]+)", lambda m: VARIABLES[m.group(1)], text)
    text = re.sub(r"(?<!\\)\$\d+", "", text)
    return text.replace("\\$", "$")


def snippet(prefix: str) -> dict[str, Any]:
    [found] = [s for s in SNIPPETS.values() if prefix in s["prefix"]]
    return found


def department_head() -> str:
    text = (PROJECT / "catalogs" / "scjg.yaml").read_text(encoding="utf-8")
    return text[:text.index("items:")]


def indented(text: str, spaces: int) -> str:
    return "\n".join((" " * spaces + line) if line else line for line in text.split("\n"))


def test_the_item_snippet_is_a_valid_item() -> None:
    item = expand(snippet("item")["body"])
    assert errors("catalog", department_head() + "items:\n" + indented(item, 2)) == []


def test_the_no_penalty_snippet_is_a_valid_entry() -> None:
    text = (PROJECT / "catalogs" / "scjg.yaml").read_text(encoding="utf-8")
    entry = expand(snippet("no_penalty")["body"])
    assert "\nno_penalty:\n" in text
    assert errors("catalog", text.replace("\nno_penalty:\n", "\nno_penalty:\n" + indented(entry, 2) + "\n", 1)) == []


def test_the_case_snippet_is_a_valid_case() -> None:
    case = expand(snippet("case")["body"])
    assert errors("case", front_matter(case)) == []
    assert [h for h in case.split("\n") if h.startswith("## ")] == [
        "## 基本案情", "## 指导过程", "## 指导结果", "## 法律依据", "## 典型意义"]


def test_the_snippets_offer_the_sites_modes() -> None:
    settings, _ = settings_module.load(PROJECT)
    for prefix in ("item", "case"):
        [choice] = re.findall(r"mode: \$\{\d+\|([^|]*)\|\}", "\n".join(snippet(prefix)["body"]))
        assert choice.split(",") == settings.mode_codes


def test_an_expansion_that_breaks_is_caught() -> None:
    """Guard: the expansion and validator above can fail."""
    item = expand(snippet("item")["body"]).replace("effective_date: 2025-03-01", "effective_date: 2025年3月1日")
    assert errors("catalog", department_head() + "items:\n" + indented(item, 2))


# --- case front matter in VS Code: the check task's problem matcher ------------------------------

def test_the_check_task_puts_case_front_matter_problems_at_their_line(tmp_path: Path) -> None:
    tasks = json.loads((VSCODE / "tasks.json").read_text(encoding="utf-8"))
    [task] = tasks["tasks"]
    matchers = task["problemMatcher"]
    case = replace_once(fixtures.CASE, "month: 2024-06", "month: 2024年6月")
    catalog = replace_once(fixtures.CATALOG, "    stages: [事前]", "    stages: [事前，事中]")
    root = build_repo(tmp_path, catalog, case)
    code, text, _ = run_check(root)
    assert code == 1
    seen = []
    for line in text.splitlines():
        for matcher in matchers:
            pattern = matcher["pattern"]
            match = re.match(pattern["regexp"], line)
            if match:
                seen.append((match.group(pattern["file"]), int(match.group(pattern["line"])),
                             match.group(pattern["code"]), matcher["severity"]))
    assert (fixtures.CASE_PATH, line_of(case, "month: 2024年6月"), "E210", "error") in seen, text
    assert (fixtures.CATALOG_PATH, line_of(catalog, "[事前，事中]"), "E211", "error") in seen, text
    assert (root / fixtures.CASE_PATH).is_file()  # the matcher's paths are relative to the root


def test_the_schema_command_keeps_the_snippets_modes(tmp_path: Path) -> None:
    copy = tmp_path / "xzzd.code-snippets"
    copy.write_text((VSCODE / "xzzd.code-snippets").read_text(encoding="utf-8"), encoding="utf-8")
    assert schemas.write_snippet_modes(["advice", "visit"], copy) == [copy]
    bodies = "\n".join("\n".join(s["body"]) for s in json.loads(copy.read_text(encoding="utf-8")).values())
    assert re.findall(r"mode: \$\{\d+\|([^|]*)\|\}", bodies) == ["advice,visit", "advice,visit"]
    assert schemas.write_snippet_modes(["advice", "visit"], copy) == []


def test_a_renamed_mode_label_makes_the_schema_files_stale(tmp_path: Path) -> None:
    """W801 compares the labels too: VS Code would show the old name beside the code."""
    mkdocs = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    root = build_repo(tmp_path, mkdocs=replace_once(mkdocs, "label: 提示提醒", "label: 风险提示"))
    code, text, _ = run_check(root)
    assert code == 0 and "W801" in text, text
