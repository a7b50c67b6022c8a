"""``python -m generator convert --review`` on the sample content (generator/script/review.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.script import Converter, review

PROJECT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def report() -> dict:
    done = subprocess.run([sys.executable, "-m", "generator", "convert", "--review", "--format", "json"],
                          cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_replay_equals_the_converter():
    """The report explains what the converter really writes, line by line of every file."""
    converter = Converter("s2tw")
    for path in review.content_files(PROJECT):
        text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if "{{" not in line)
        assert review.plain_output(converter, text) == converter.to_hant(text), path


def test_known_characters_with_their_rules(report: dict):
    found = {(c["char"], c["hant"], c["path"].split("/")[0]) for c in report["choices"]}
    # 发 in 发生/发布 is 發, 后 in 之后 is 後, 复 in 复议 is 復, 台 in 台账 is 臺 (Taiwan)
    for expected in [("发", "發", "catalogs"), ("后", "後", "catalogs"), ("复", "復", "catalogs"),
                     ("台", "臺", "typical-cases"), ("系", "係", "typical-cases")]:
        assert expected in found, expected
    rules = {(c["char"], c["hant"], c["rule"]) for c in report["choices"]}
    assert any(ch == "系" and h == "係" and "上下文规则" in r for ch, h, r in rules)
    assert any(ch == "账" and h == "帳" and "variants.yaml" in r for ch, h, r in rules)
    assert any(ch == "复" and h == "復" and "overrides.yaml" in r for ch, h, r in rules)


def test_markdown_report_groups_by_character():
    converter = Converter("s2tw")
    found, skipped = review.choices(PROJECT, converter)
    text = review.render(found, skipped, "s2tw", "markdown")
    assert text.startswith("# 繁体转换审查（s2tw）")
    assert "\n## 系：係 " in text
    assert "| 係 | 上下文规则" in text
    line = next(c for c in found if c.char == "系" and c.hant == "係")
    assert f"{line.path}:{line.line}" in text


def test_traditional_source_is_skipped(tmp_path: Path):
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "a.yaml").write_text("script: zh-Hant\nname: 發展\n", encoding="utf-8")
    (tmp_path / "catalogs" / "b.yaml").write_text("name: 发展和改革\n", encoding="utf-8")
    found, skipped = review.choices(tmp_path, Converter("s2tw"))
    assert skipped == ["catalogs/a.yaml"]
    assert {(c.path, c.char, c.hant) for c in found} >= {("catalogs/b.yaml", "发", "發")}


def test_author_mark_is_named(tmp_path: Path):
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "a.yaml").write_text("text: 保持{{干|乾}}燥\n", encoding="utf-8")
    found, _ = review.choices(tmp_path, Converter("s2tw"))
    assert [(c.char, c.hant, c.rule) for c in found if c.char == "干"] == [("干", "乾", "作者标注 {{干|乾}}")]


def test_convert_without_to_or_review_is_a_usage_error():
    done = subprocess.run([sys.executable, "-m", "generator", "convert"], cwd=PROJECT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2 and "--to" in done.stderr
