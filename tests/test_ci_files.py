"""The shipped CI configuration: valid for its platform, and every project command it calls works.

The workflow files are parsed as YAML and checked for the structure GitHub Actions and GitLab CI
expect. Then every shell step that calls the project (``python -m generator …``, ``make …``,
``.ci/…``) is run, as written, in a temporary git repository holding a copy of the project
with a pull-request commit on top of the sample — with the CI variables those steps read
(base commit, pull-request number, step summary file) set the way the platforms set them.

Not run: ``apt-get`` lines (system packages of the CI image) and ``make test`` itself, which
is this very test suite (``make -n test`` checks the target and its command instead); the
comment step of review-comment.yml talks to GitHub's API and runs no project command.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from gitrepo import PROJECT, Repo, git_env

GITHUB_WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
GITLAB_CI = PROJECT / ".gitlab-ci.yml"
GITLAB_RESERVED = {"stages", "variables", "default", "workflow", "include", "image", "services", "cache",
                   "before_script", "after_script"}
PROJECT_COMMAND = re.compile(r"python -m generator\b|(^|[\s;&|(])make\s|\.ci/")
COPIED = ("generator", "site-template", "Makefile", "requirements.lock", "requirements.in", "pyproject.toml",
          "mkdocs.yml", "catalogs", "typical-cases", "CODEOWNERS", ".github", ".gitlab", ".gitlab-ci.yml", ".ci")
CHECKLIST = ("依据是否在本部门法定职权范围内", "是否存在强制或变相强制", "公开范围是否适当", "是否含个人信息")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    """PyYAML reads the key ``on`` as the boolean True (YAML 1.1); GitHub reads it as 'on'."""
    on = workflow.get("on", workflow.get(True))
    return {on: None} if isinstance(on, str) else dict(on)


# --- structure ----------------------------------------------------------------------------------

def test_there_are_github_workflows_for_requests_comments_and_publishing():
    names = {p.name for p in GITHUB_WORKFLOWS}
    assert {"pull-request.yml", "review-comment.yml", "publish.yml"} <= names


@pytest.mark.parametrize("path", GITHUB_WORKFLOWS, ids=lambda p: p.name)
def test_github_workflow_structure(path):
    workflow = load(path)
    assert isinstance(workflow.get("name"), str) and workflow["name"]
    assert triggers(workflow)
    assert isinstance(workflow["jobs"], dict) and workflow["jobs"]
    for name, job in workflow["jobs"].items():
        assert "runs-on" in job, name
        assert isinstance(job["steps"], list) and job["steps"], name
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:  # major-version tags (see the comment at the top of each file)
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
    assert "pull_request_target" not in yaml.safe_dump(triggers(workflow))


def test_pull_request_workflow_checks_reports_and_uploads_the_preview():
    workflow = load(PROJECT / ".github/workflows/pull-request.yml")
    assert "pull_request" in triggers(workflow)
    assert workflow["permissions"] == {"contents": "read"}  # fork requests: read-only, no secrets used
    text = (PROJECT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    steps = workflow["jobs"]["check"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "python -m generator check --format github" in runs
    assert "python -m generator review --base" in runs and "$GITHUB_STEP_SUMMARY" in runs
    uploads = {s["with"]["name"]: s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["preview-site"].strip() == "site/"
    assert "review-comment.md" in uploads["review-report"] and "pr-number.txt" in uploads["review-report"]
    assert "make test" in "\n".join(s.get("run", "") for s in workflow["jobs"]["test"]["steps"])


def test_comment_workflow_runs_in_the_base_repository_and_trusts_nothing_from_the_artifact():
    workflow = load(PROJECT / ".github/workflows/review-comment.yml")
    request_workflow = load(PROJECT / ".github/workflows/pull-request.yml")["name"]
    on = triggers(workflow)
    assert on["workflow_run"]["workflows"] == [request_workflow]
    assert workflow["permissions"]["pull-requests"] == "write"
    steps = workflow["jobs"]["comment"]["steps"]
    download = steps[0]
    assert download["uses"].startswith("actions/download-artifact@") and download["with"]["name"] == "review-report"
    script = steps[1]["run"]
    assert "checkout" not in yaml.safe_dump(workflow)  # never runs the request's code
    assert "*[!0-9]*" in script and "HEAD_SHA" in script and "<!-- xzzd-review -->" in script


def test_publish_workflow_builds_with_full_history_and_deploys_pages():
    workflow = load(PROJECT / ".github/workflows/publish.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    build = workflow["jobs"]["build"]["steps"]
    assert build[0]["with"]["fetch-depth"] == 0
    assert any(s.get("run") == "make site" for s in build)
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["steps"][-1]["uses"].startswith("actions/deploy-pages@")


def gitlab_jobs(config: dict) -> dict[str, dict]:
    return {name: job for name, job in config.items()
            if name not in GITLAB_RESERVED and not name.startswith(".") and isinstance(job, dict)}


def test_gitlab_ci_structure():
    config = load(GITLAB_CI)
    stages = config["stages"]
    assert isinstance(stages, list) and stages
    assert config["variables"]["GIT_DEPTH"] == "0"
    jobs = gitlab_jobs(config)
    assert {"check", "review", "preview", "test", "pages"} <= set(jobs)
    for name, job in jobs.items():
        assert job["stage"] in stages, name
        assert isinstance(job["script"], list) and all(isinstance(line, str) for line in job["script"]), name
        for rule in job.get("rules", []):
            assert "if" in rule, name
    mr_jobs = [n for n, j in jobs.items() if any("merge_request_event" in r["if"] for r in j.get("rules", []))]
    assert {"check", "review", "preview", "test"} <= set(mr_jobs)
    assert jobs["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert "review.md" in jobs["review"]["artifacts"]["paths"]
    assert jobs["preview"]["artifacts"]["paths"] == ["site/"]
    assert jobs["pages"]["artifacts"]["paths"] == ["public"]
    assert "CI_DEFAULT_BRANCH" in jobs["pages"]["rules"][0]["if"]


def test_request_templates_carry_the_legality_checklist():
    for rel in (".github/pull_request_template.md", ".gitlab/merge_request_templates/Default.md"):
        text = (PROJECT / rel).read_text(encoding="utf-8")
        for question in CHECKLIST:
            assert f"- [ ] {question}" in text, (rel, question)


# --- every project command, run ----------------------------------------------------------------

def shell_steps() -> list[tuple[str, str]]:
    """(where, shell text) of every step that calls the project, in file order."""
    steps = []
    for path in GITHUB_WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            for step in job["steps"]:
                if "run" in step and PROJECT_COMMAND.search(step["run"]):
                    steps.append((f"{path.name}:{name}", step["run"]))
    config = load(GITLAB_CI)
    for name, job in gitlab_jobs(config).items():
        before = job.get("before_script", config.get("default", {}).get("before_script", []))
        lines = [*before, *job["script"]]
        if any(PROJECT_COMMAND.search(line) for line in lines):  # the whole job, line by line, in order
            steps += [(f".gitlab-ci.yml:{name}", line) for line in lines]
    return steps


def project_commands(text: str) -> list[str]:
    return re.findall(r"python -m generator [a-z-]+|make [a-z]+", text)


def test_workflows_call_the_project_commands():
    called = {c for _, text in shell_steps() for c in project_commands(text)}
    assert {"python -m generator check", "python -m generator review", "make site", "make test",
            "make venv"} <= called


@pytest.fixture(scope="module")
def ci_repo(tmp_path_factory) -> tuple[Repo, str]:
    """A copy of the project as a git repository: the sample on main, one request commit on top."""
    root = tmp_path_factory.mktemp("ci") / "project"
    root.mkdir()
    for name in COPIED:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            shutil.copy2(source, root / name)
    repo = Repo(root)
    repo.git("init", "-q", "-b", "main")
    base = repo.commit("项目", "2025-01-06T09:00:00+08:00")
    repo.replace_in_item("catalogs/scjg.yaml", "scjg-001", "    status: 有效\n", "    status: 暂停\n")
    repo.commit("scjg：暂停 scjg-001", "2025-01-07T09:00:00+08:00")
    # .venv as CI's "make venv" leaves it: this interpreter behind .venv/bin/python, and the
    # Makefile's stamp for requirements.lock so that make does not reinstall.
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    (bin_dir / "python").chmod(0o755)
    digest = subprocess.run(["sha256sum", "requirements.lock"], cwd=root, capture_output=True, text=True,
                            check=True).stdout[:12]
    (root / ".venv" / f".installed-{digest}").touch()
    return repo, base


def run_step(root: Path, text: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", text], cwd=root, capture_output=True,
                          env=env, timeout=900)


def test_every_project_command_in_the_ci_files_runs(ci_repo, tmp_path):
    repo, base = ci_repo
    summary = tmp_path / "step-summary.md"
    summary.touch()
    env = {**git_env(), "PATH": os.environ["PATH"], "CI": "true", "BASE_SHA": base, "PR_NUMBER": "5",
           "GITHUB_STEP_SUMMARY": str(summary), "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
           "CI_MERGE_REQUEST_IID": "7", "CI_PROJECT_ID": "1", "CI_API_V4_URL": "http://127.0.0.1:9/api/v4"}
    env.pop("REVIEW_BOT_TOKEN", None)
    done: set[str] = set()
    ran = []
    for where, text in shell_steps():
        if text in done or "apt-get" in text:
            continue
        done.add(text)
        if text.strip() == "make test":  # the test suite itself: check the target instead
            proc = subprocess.run(["make", "-n", "test"], cwd=repo.root, capture_output=True, text=True, env=env)
            assert proc.returncode == 0 and "-m pytest" in proc.stdout, proc.stdout + proc.stderr
            continue
        proc = run_step(repo.root, text, env)
        output = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 0, f"{where}: {text}\n{output}"
        assert "Traceback" not in output, f"{where}: {text}\n{output}"
        ran.append(text)
    assert len(ran) >= 6
    # what the steps left behind is what the platforms pick up
    root = repo.root
    report = (root / "review.md").read_text(encoding="utf-8")
    assert report.startswith("<!-- xzzd-review -->") and "- **状态**：有效 → 暂停" in report
    assert summary.read_text(encoding="utf-8") == report  # GitHub's job summary
    assert (root / "review-comment.md").read_text(encoding="utf-8") == report  # short enough: not cut
    assert (root / "pr-number.txt").read_text(encoding="utf-8") == "5\n"
    assert json.loads((root / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    assert (root / "site" / "index.html").is_file() and (root / "site" / "feed.xml").is_file()
    assert (root / "public" / "index.html").is_file()  # GitLab Pages


def test_check_step_annotates_lines_on_github_and_gitlab(ci_repo, tmp_path):
    """On a request with a problem, the check steps fail and point at the line."""
    repo, _ = ci_repo
    clone = tmp_path / "clone"
    Repo(tmp_path).git("clone", "-q", str(repo.root), str(clone))
    shutil.copytree(repo.root / ".venv", clone / ".venv", symlinks=True)
    other = Repo(clone)
    other.replace_in_item("catalogs/scjg.yaml", "scjg-001", "    supervision_phone: 0533-6010010\n",
                          "    supervision_phone: 13912345678\n")
    env = {**git_env(), "PATH": os.environ["PATH"]}
    github = next(t for _, t in shell_steps() if "--format github" in t)
    proc = run_step(clone, github, env)
    assert proc.returncode == 1
    assert re.search(r"^::error file=catalogs/scjg\.yaml,line=\d+,col=\d+,title=E\d+::",
                     proc.stdout.decode("utf-8"), re.M)
    assert "13912345678" not in proc.stdout.decode("utf-8")
    gitlab = next(t for _, t in shell_steps() if "--format gitlab" in t)
    assert run_step(clone, gitlab, env).returncode == 0  # "|| true": the next line fails the job
    issues = json.loads((clone / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert issues and all(i["location"]["path"] == "catalogs/scjg.yaml" and i["location"]["lines"]["begin"] > 0
                          for i in issues)
    assert {i["severity"] for i in issues} == {"major"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
