"""Code owners generated from the catalogs, and W802 when a committed file is out of date."""

from __future__ import annotations

from pathlib import Path

import fixtures
from conftest import MKDOCS, PROJECT, check_json, replace_once, write
from gitrepo import run_generator

GITHUB, GITLAB = ".github/CODEOWNERS", "CODEOWNERS"


def generate(root: Path) -> tuple[int, str, str]:
    return run_generator("codeowners", "--root", str(root))


def test_both_files_are_written_from_the_catalog_metadata(repo):
    code, out, err = generate(repo)
    assert code == 0, out + err
    assert "已更新 .github/CODEOWNERS" in out and "已更新 CODEOWNERS" in out
    github = (repo / GITHUB).read_text(encoding="utf-8")
    gitlab = (repo / GITLAB).read_text(encoding="utf-8")
    # GitHub: the legal office on every content line, the department's reviewers on its own files
    assert "\n/catalogs/ @legal-office\n" in github and "\n/typical-cases/ @legal-office\n" in github
    assert "\n/mkdocs.yml @legal-office\n" in github
    assert "\n/catalogs/demo.yaml @legal-office @demo-editors\n" in github
    assert "\n/typical-cases/demo/ @legal-office @demo-editors\n" in github
    assert github.index("/catalogs/ @legal-office") < github.index("/catalogs/demo.yaml")  # last match wins
    # The program and CI need the maintainers (the CI files the legal office as well)
    assert "\n/generator/ @site-maintainers\n" in github and "\n/tests/ @site-maintainers\n" in github
    assert "\n/.github/ @legal-office @site-maintainers\n" in github
    assert "\n/requirements.lock @site-maintainers\n" in github and "\n/.ci/ @site-maintainers\n" in github
    # GitLab: required sections for the legal office and the maintainers, an optional one per department
    legal = gitlab[gitlab.index("[法制审核][1] @legal-office\n"):]
    assert legal.split("\n\n")[0].splitlines()[1:] == [
        "/catalogs/", "/typical-cases/", "/laws/", "/powers/", "/mkdocs.yml", "/CODEOWNERS", "/.github/", "/.gitlab/", "/.gitlab-ci.yml"]
    code = gitlab[gitlab.index("[程序维护][1] @site-maintainers\n"):]
    assert code.split("\n\n")[0].splitlines()[1:] == [
        "/generator/", "/site-template/", "/.ci/", "/Makefile", "/requirements.in", "/requirements.lock",
        "/pyproject.toml", "/.pre-commit-config.yaml", "/bench/", "/tests/", "/.github/", "/.gitlab/", "/.gitlab-ci.yml"]
    assert "\n^[demo 示例区城市管理局] @demo-editors\n/catalogs/demo.yaml\n/typical-cases/demo/\n" in gitlab
    for text in (github, gitlab):  # no account in a comment (GitLab parses them)
        assert all("@" not in line for line in text.splitlines() if line.startswith("#"))


def test_generated_files_pass_the_check_and_a_second_run_changes_nothing(repo):
    assert generate(repo)[0] == 0
    result = check_json(repo)
    assert result.codes == set() and result.code == 0, result
    code, out, _ = generate(repo)
    assert code == 0 and "已是最新" in out and "已更新" not in out


def test_stale_files_are_reported_with_w802(repo):
    assert generate(repo)[0] == 0
    catalog = (repo / fixtures.CATALOG_PATH).read_text(encoding="utf-8")
    write(repo, fixtures.CATALOG_PATH, replace_once(catalog, 'reviewers: ["@demo-editors"]',
                                                    'reviewers: ["@demo-editors", "@demo-legal"]'))
    result = check_json(repo)
    assert result.codes == {"W802"} and result.code == 0, result  # a warning: the merge is not blocked
    assert sorted(result.where("W802")) == sorted([(GITLAB, 0), (GITHUB, 0)])
    message = result.findings[0]["message"]
    assert "python -m generator codeowners" in message
    assert generate(repo)[0] == 0
    assert "@demo-legal" in (repo / GITHUB).read_text(encoding="utf-8")
    assert check_json(repo).codes == set()


def test_a_changed_legal_office_makes_the_files_stale(repo):
    assert generate(repo)[0] == 0
    mkdocs = MKDOCS.read_text(encoding="utf-8")
    write(repo, "mkdocs.yml", replace_once(mkdocs, 'legal_office_reviewers: ["@legal-office"]',
                                           'legal_office_reviewers: ["@district-legal"]'))
    assert check_json(repo).codes == {"W802"}


def test_no_committed_file_means_no_finding(repo):
    assert not (repo / GITHUB).exists()
    assert check_json(repo).codes == set()


def test_only_the_platform_file_that_exists_is_checked(repo):
    assert generate(repo)[0] == 0
    (repo / GITHUB).unlink()
    (repo / GITLAB).write_text("# 手工修改\n", encoding="utf-8")
    assert check_json(repo).where("W802") == [(GITLAB, 0)]


def test_missing_legal_office_setting_is_explained(repo):
    mkdocs = MKDOCS.read_text(encoding="utf-8")
    write(repo, "mkdocs.yml", replace_once(mkdocs, '  legal_office_reviewers: ["@legal-office"]\n', ""))
    code, out, err = generate(repo)
    assert code == 1
    assert "extra.legal_office_reviewers" in out and "Traceback" not in out + err
    assert not (repo / GITHUB).exists()


def test_malformed_legal_office_setting_is_e801(repo):
    mkdocs = MKDOCS.read_text(encoding="utf-8")
    write(repo, "mkdocs.yml", replace_once(mkdocs, 'legal_office_reviewers: ["@legal-office"]',
                                           "legal_office_reviewers: [legal-office]"))
    result = check_json(repo)
    assert result.codes == {"E801"}, result
    assert "legal_office_reviewers" in result.findings[0]["message"]


def test_shipped_code_owner_files_are_current():
    """The sample's committed files match what its catalogs say (CI would warn otherwise)."""
    from generator import checks, codeowners

    loaded, settings, _ = checks.run(PROJECT)
    for path, text in codeowners.expected(list(loaded.content.departments), settings).items():
        assert (PROJECT / path).read_text(encoding="utf-8") == text, path


def test_w802_is_documented():
    from generator.messages import current

    assert "W802" in current.MESSAGES
    table = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "| W802 | 警告 |" in table


def test_without_maintainers_the_legal_office_owns_the_program_too(repo):
    mkdocs = MKDOCS.read_text(encoding="utf-8")
    write(repo, "mkdocs.yml", replace_once(mkdocs, '  maintainer_reviewers: ["@site-maintainers"]\n', ""))
    assert generate(repo)[0] == 0
    github = (repo / GITHUB).read_text(encoding="utf-8")
    gitlab = (repo / GITLAB).read_text(encoding="utf-8")
    assert "\n/generator/ @legal-office\n" in github and "\n/.github/ @legal-office\n" in github
    legal = gitlab[gitlab.index("[法制审核][1] @legal-office\n"):].split("\n\n")[0].splitlines()[1:]
    assert {"/catalogs/", "/generator/", "/site-template/", "/.ci/", "/requirements.lock", "/tests/"} <= set(legal)
    assert "[程序维护]" not in gitlab


def test_malformed_maintainers_setting_is_e801(repo):
    mkdocs = MKDOCS.read_text(encoding="utf-8")
    write(repo, "mkdocs.yml", replace_once(mkdocs, 'maintainer_reviewers: ["@site-maintainers"]',
                                           "maintainer_reviewers: site-maintainers"))
    result = check_json(repo)
    assert result.codes == {"E801"}, result
    assert "maintainer_reviewers" in result.findings[0]["message"]
