"""The shipped CI configuration: valid for its platform, and every project command it calls works.

The workflow files are parsed as YAML and checked for the structure GitHub Actions and GitLab CI
expect. Then every shell step that calls the project (``python -m generator …``, ``make …``,
``.ci/…``) is run, as written, in a temporary git repository holding a copy of the project
with a pull-request commit on top of the sample — with the CI variables those steps read
(base commit, pull-request number, step summary file, temporary folder, job variables) set the
way the platforms set them.

What decides a request (check, review report) runs the base commit's program, never the
request's: a request that rewrites ``generator/`` and the ``Makefile`` still fails on its
content error and gets the real report. The GitLab token that posts the report is reachable
only from a scheduled pipeline of the protected default branch; ``.ci/gitlab-comment`` is run
against a local stand-in of the GitLab API (the only part that is not real: there is no
network) and posts the report the default branch's program wrote.

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
import threading
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator

import pytest
import yaml

from gitrepo import PROJECT, Repo, git_env

GITHUB_WORKFLOWS = sorted((PROJECT / ".github" / "workflows").glob("*.yml"))
GITLAB_CI = PROJECT / ".gitlab-ci.yml"
GITLAB_RESERVED = {"stages", "variables", "default", "workflow", "include", "image", "services", "cache",
                   "before_script", "after_script"}
PROJECT_COMMAND = re.compile(r"python -m generator\b|(^|[\s;&|(])make\s|\.ci/")
COPIED = ("generator", "site-template", "bench", "Makefile", "requirements.lock", "requirements.in", "pyproject.toml",
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


def test_pull_request_workflow_checks_with_the_base_program_and_uploads_the_preview():
    workflow = load(PROJECT / ".github/workflows/pull-request.yml")
    assert "pull_request" in triggers(workflow)
    assert workflow["permissions"] == {"contents": "read"}  # fork requests: read-only, no secrets used
    text = (PROJECT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    check = workflow["jobs"]["check"]
    assert check["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    steps = check["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    runs = [s["run"] for s in steps if "run" in s]
    assert 'git archive "$BASE_SHA" | tar -x -C "$RUNNER_TEMP/base-code"' in runs[0]
    assert 'make -C "$RUNNER_TEMP/base-code" venv' in runs[0]
    for run in (run for run in runs[1:] if "python -m generator" in run):  # the base program, on the request
        commands = "\n".join(line for line in run.splitlines() if not line.strip().startswith("#")).strip()
        assert commands.startswith('cd "$RUNNER_TEMP/base-code"') and '--root "$GITHUB_WORKSPACE"' in run
    assert not any(re.search(r"(^|[\s;&])make (venv|site)\b", run) for run in runs)  # the request's Makefile
    joined = "\n".join(runs)
    assert "python -m generator check --root" in joined and "--format github" in joined
    assert "python -m generator review --root" in joined and "$GITHUB_STEP_SUMMARY" in joined
    uploads = {s["with"]["name"]: s["with"]["path"] for job in workflow["jobs"].values() for s in job["steps"]
               if s.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads["preview-site"].strip() == "site/"
    assert "review.md" in uploads["review-report"] and "pr-number.txt" in uploads["review-report"]
    assert any(s.get("run") == "make site" for s in workflow["jobs"]["preview"]["steps"])
    assert ".ci/run" in "\n".join(s.get("run", "") for s in workflow["jobs"]["test"]["steps"])


def test_comment_workflow_writes_the_report_with_the_default_branch_program():
    workflow = load(PROJECT / ".github/workflows/review-comment.yml")
    request_workflow = load(PROJECT / ".github/workflows/pull-request.yml")["name"]
    on = triggers(workflow)
    assert on["workflow_run"]["workflows"] == [request_workflow]
    assert workflow["permissions"]["pull-requests"] == "write" and workflow["permissions"]["statuses"] == "write"
    steps = workflow["jobs"]["comment"]["steps"]
    download = steps[0]
    assert download["uses"].startswith("actions/download-artifact@") and download["with"]["name"] == "review-report"
    runs = "\n".join(s.get("run", "") for s in steps)
    # Of the artifact only the request number is read, and checked.
    assert re.findall(r"artifact/[\w.-]+", runs) == ["artifact/pr-number.txt"]
    assert "*[!0-9]*" in runs and '"$current" != "$HEAD_SHA"' in runs
    # The default branch is checked out (no ref, no repository); the request is fetched, never checked out.
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 1 and set(checkouts[0].get("with", {})) <= {"fetch-depth"}
    assert "refs/pull/$PR_NUMBER/head" in runs and not re.search(r"git (checkout|switch|worktree)", runs)
    assert "python -m generator review --base \"$PR_BASE_SHA\" --head \"$HEAD_SHA\"" in runs
    assert "<!-- xzzd-review -->" in runs and "statuses/$HEAD_SHA" in runs


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
    assert {"check", "review", "preview", "test", "pages", "review-comments"} <= set(jobs)
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


TRUSTED_ONLY = ('$CI_PIPELINE_SOURCE == "schedule"', "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH",
                '$CI_COMMIT_REF_PROTECTED == "true"')


def test_the_comment_token_is_reachable_only_from_protected_scheduled_pipelines():
    config = load(GITLAB_CI)
    for key in ("variables", "default", "workflow"):
        assert "REVIEW_BOT_TOKEN" not in yaml.safe_dump(config.get(key, {}), allow_unicode=True)
    users = []
    for name, job in gitlab_jobs(config).items():
        text = yaml.safe_dump(job, allow_unicode=True)
        rules = [rule["if"] for rule in job.get("rules", [])]
        runs_for_requests = not rules or any("merge_request_event" in rule or not all(
            condition in rule for condition in TRUSTED_ONLY) for rule in rules)
        if "REVIEW_BOT_TOKEN" in text or ".ci/gitlab-comment" in text:
            users.append(name)
            assert not runs_for_requests, f"{name} can run on a merge request or branch pipeline"
        if runs_for_requests:  # nothing a request's pipeline runs can reach the token
            # .ci/run (system packages, then make test) holds no secret; every other .ci/ script is trusted-only
            assert "REVIEW_BOT_TOKEN" not in text and not re.search(r"\.ci/(?!run\b)", text), name
    assert users == ["review-comments"]
    # The comment script itself refuses to run anywhere else.
    script = (PROJECT / ".ci" / "gitlab-comment").read_text(encoding="utf-8")
    assert 'env.get("CI_COMMIT_REF_PROTECTED") != "true"' in script


def test_gitlab_check_and_review_run_the_base_program():
    config = load(GITLAB_CI)
    jobs = gitlab_jobs(config)
    for name in ("check", "review"):
        job = jobs[name]
        assert job["variables"]["BASE_CODE"].startswith("/tmp/")  # outside the project folder
        assert job["before_script"] == [
            'mkdir -p "$BASE_CODE"',
            'git archive "$CI_MERGE_REQUEST_DIFF_BASE_SHA" | tar -x -C "$BASE_CODE"',
            'make -C "$BASE_CODE" venv']
        for line in job["script"]:
            assert line.startswith('cd "$BASE_CODE"') and '--root "$CI_PROJECT_DIR"' in line, line
    assert "python -m generator" not in yaml.safe_dump(jobs["preview"]) + yaml.safe_dump(jobs["pages"])


def test_request_templates_carry_the_legality_checklist():
    for rel in (".github/pull_request_template.md", ".gitlab/merge_request_templates/Default.md"):
        text = (PROJECT / rel).read_text(encoding="utf-8")
        for question in CHECKLIST:
            assert f"- [ ] {question}" in text, (rel, question)


# --- every project command, run ----------------------------------------------------------------

def shell_steps() -> list[tuple[str, str, dict[str, str]]]:
    """(where, shell text, job variables) of every step that calls the project, in file order."""
    steps = []
    for path in GITHUB_WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            for step in job["steps"]:
                if "run" in step and PROJECT_COMMAND.search(step["run"]):
                    steps.append((f"{path.name}:{name}", step["run"], {}))
    config = load(GITLAB_CI)
    for name, job in gitlab_jobs(config).items():
        before = job.get("before_script", config.get("default", {}).get("before_script", []))
        lines = [*before, *job["script"]]
        if any(PROJECT_COMMAND.search(line) for line in lines):  # the whole job, line by line, in order
            steps += [(f".gitlab-ci.yml:{name}", line, job.get("variables", {})) for line in lines]
    return steps


def expand(value: str, env: dict[str, str]) -> str:
    """A GitLab variable's value with $NAME and ${NAME} replaced, as GitLab does."""
    return re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), value)


def fake_venv(folder: Path) -> None:
    """.venv as CI's "make venv" leaves it in ``folder``: this interpreter behind .venv/bin/python,
    and the Makefile's stamp for requirements.lock so that make does not reinstall."""
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    (bin_dir / "python").chmod(0o755)
    digest = subprocess.run(["sha256sum", "requirements.lock"], cwd=PROJECT, capture_output=True, text=True,
                            check=True).stdout[:12]
    (folder / ".venv" / f".installed-{digest}").touch()


@pytest.fixture
def ci_env(tmp_path) -> Iterator[Callable[[Path, str, str], dict[str, str]]]:
    """``make(root, base, head)``: the variables the platforms set for a request at ``root``, with the
    base program's folders (outside ``root``, as in CI) already holding their .venv."""
    job_id = f"test-{uuid.uuid4().hex[:12]}"
    made: list[Path] = []

    def make(root: Path, base: str, head: str) -> dict[str, str]:
        summary, github_env = tmp_path / "step-summary.md", tmp_path / "github-env"
        summary.touch()
        github_env.touch()
        env = {**git_env(), "PATH": os.environ["PATH"], "CI": "true", "BASE_SHA": base, "PR_NUMBER": "5",
               "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(root), "GITHUB_ENV": str(github_env),
               "RUNNER_TEMP": str(tmp_path / "runner"), "HEAD_SHA": head, "PR_BASE_SHA": base,
               "CI_MERGE_REQUEST_DIFF_BASE_SHA": base, "CI_MERGE_REQUEST_IID": "7", "CI_PROJECT_ID": "1",
               "CI_PROJECT_DIR": str(root), "CI_JOB_ID": job_id, "CI_DEFAULT_BRANCH": "main",
               "CI_API_V4_URL": "http://127.0.0.1:9/api/v4"}
        folders = {root, tmp_path / "runner" / "base-code"}
        folders |= {Path(expand(v, env)) for _, _, variables in shell_steps() for k, v in variables.items()
                    if k == "BASE_CODE"}
        for folder in folders:
            fake_venv(folder)
        made.extend(folders - {root})
        return env

    yield make
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


def step_env(env: dict[str, str], variables: dict[str, str]) -> dict[str, str]:
    return {**env, **{k: expand(str(v), env) for k, v in variables.items()}}


def project_commands(text: str) -> list[str]:
    return re.findall(r"python -m generator [a-z-]+|make [a-z]+|\.ci/run", text)


def test_workflows_call_the_project_commands():
    called = {c for _, text, _ in shell_steps() for c in project_commands(text)}
    assert {"python -m generator check", "python -m generator review", "make site", ".ci/run",
            "make venv"} <= called


def test_ci_runs_exactly_the_readme_test_command_after_installing_packages():
    script = (PROJECT / ".ci/run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line and not line.startswith(("#", " "))]
    assert commands[-1] == "make test"
    assert "make test" in (PROJECT / "README.md").read_text(encoding="utf-8")
    for package in ("chromium", "fonts-noto-cjk", "strace"):
        assert package in script


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
    return repo, base


def run_step(root: Path, text: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", text], cwd=root, capture_output=True,
                          env=env, timeout=900)


def test_every_project_command_in_the_ci_files_runs(ci_repo, ci_env):
    repo, base = ci_repo
    env = ci_env(repo.root, base, repo.git("rev-parse", "HEAD"))
    summary = Path(env["GITHUB_STEP_SUMMARY"])
    env.pop("REVIEW_BOT_TOKEN", None)
    done: set[str] = set()
    ran = []
    for where, text, variables in shell_steps():
        if text in done or "apt-get" in text:
            continue
        done.add(text)
        if text.strip() in {"make test", ".ci/run"}:  # the test suite itself: check the target instead
            proc = subprocess.run(["make", "-n", "test"], cwd=repo.root, capture_output=True, text=True, env=env)
            assert proc.returncode == 0 and "-m pytest" in proc.stdout, proc.stdout + proc.stderr
            continue
        proc = run_step(repo.root, text, step_env(env, variables))
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
    # The comment workflow wrote the same report with the default branch's program (named by commit).
    comment = (root / "review-comment.md").read_text(encoding="utf-8")
    assert comment == report.replace("（HEAD）", f"（{env['HEAD_SHA']}）")  # short enough: not cut
    assert (root / "pr-number.txt").read_text(encoding="utf-8") == "5\n"
    assert json.loads((root / "gl-code-quality-report.json").read_text(encoding="utf-8")) == []
    assert (root / "site" / "index.html").is_file() and (root / "site" / "feed.xml").is_file()
    assert (root / "public" / "index.html").is_file()  # GitLab Pages


def request_clone(repo: Repo, folder: Path) -> Repo:
    Repo(folder.parent).git("clone", "-q", str(repo.root), str(folder))
    return Repo(folder)


def run_job_steps(root: Path, env: dict[str, str], job: str, until: str,
                  failing: str = "") -> subprocess.CompletedProcess:
    """Run the steps of ``job`` (as shell_steps names it) in order, up to the first whose text ends
    with ``until`` (comments and spaces aside); earlier steps must succeed, except those holding
    ``failing`` (a check step on a request with errors, after which CI still writes the report)."""
    for where, text, variables in shell_steps():
        if where != job:
            continue
        proc = run_step(root, text, step_env(env, variables))
        if text.strip().endswith(until):
            return proc
        assert proc.returncode == 0 or failing and failing in text, proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
    raise AssertionError(f"no step of {job} holds {until!r}")


def test_check_step_annotates_lines_on_github_and_gitlab(ci_repo, ci_env, tmp_path):
    """On a request with a problem, the check steps fail and point at the line."""
    repo, base = ci_repo
    clone = tmp_path / "clone"
    other = request_clone(repo, clone)
    other.replace_in_item("catalogs/scjg.yaml", "scjg-001", "    supervision_phone: 0533-6010010\n",
                          "    supervision_phone: 13912345678\n")
    env = ci_env(clone, base, other.git("rev-parse", "HEAD"))
    proc = run_job_steps(clone, env, "pull-request.yml:check", "--format github")
    assert proc.returncode == 1
    assert re.search(r"^::error file=catalogs/scjg\.yaml,line=\d+,col=\d+,title=E\d+::",
                     proc.stdout.decode("utf-8"), re.M)
    assert "13912345678" not in proc.stdout.decode("utf-8")
    assert run_job_steps(clone, env, ".gitlab-ci.yml:check", "|| true").returncode == 0  # the next line fails
    assert run_job_steps(clone, env, ".gitlab-ci.yml:check", '--root "$CI_PROJECT_DIR"').returncode == 1
    issues = json.loads((clone / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert issues and all(i["location"]["path"] == "catalogs/scjg.yaml" and i["location"]["lines"]["begin"] > 0
                          for i in issues)
    assert {i["severity"] for i in issues} == {"major"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


# --- a request cannot decide its own check or report -------------------------------------------

def sabotage(repo: Repo) -> None:
    """What a request could do to pass: its program says nothing is wrong, its Makefile installs
    nothing, and its content has personal data in a field."""
    repo.write("generator/__main__.py", 'print("HACKED: no problems found")\n')
    repo.write("Makefile", "venv:\n\t@echo HACKED\nsite:\n\t@echo HACKED\n")
    repo.replace_in_item("catalogs/scjg.yaml", "scjg-001", "    supervision_phone: 0533-6010010\n",
                         "    supervision_phone: 13912345678\n")
    repo.commit("看起来没有问题", "2025-01-08T09:00:00+08:00")


@pytest.mark.parametrize("platform", ["github", "gitlab"])
def test_a_request_that_rewrites_the_program_still_fails_and_gets_the_real_report(platform, ci_repo, ci_env,
                                                                                  tmp_path):
    repo, base = ci_repo
    clone = tmp_path / "clone"
    other = request_clone(repo, clone)
    sabotage(other)
    env = ci_env(clone, base, other.git("rev-parse", "HEAD"))
    if platform == "github":
        check = run_job_steps(clone, env, "pull-request.yml:check", "--format github")
        review = run_job_steps(clone, env, "pull-request.yml:check", "pr-number.txt\"", failing="generator check")
    else:
        check = run_job_steps(clone, env, ".gitlab-ci.yml:check", '--root "$CI_PROJECT_DIR"')
        review = run_job_steps(clone, env, ".gitlab-ci.yml:review", '--output "$CI_PROJECT_DIR/review.md"')
    output = check.stdout.decode("utf-8") + check.stderr.decode("utf-8")
    assert check.returncode == 1 and "E603" in output and "HACKED" not in output, output
    # The report is written; on GitLab the job then fails (GitHub fails in its last step).
    assert review.returncode == (0 if platform == "github" else 1), review.stderr.decode("utf-8")
    report = (clone / "review.md").read_text(encoding="utf-8")
    assert report.startswith("<!-- xzzd-review -->") and "E603" in report and "13912345678" not in report
    assert "HACKED" not in report + review.stdout.decode("utf-8") + review.stderr.decode("utf-8")


# --- the GitLab comment job ---------------------------------------------------------------------

class GitLabStandIn:
    """The few GitLab API calls .ci/gitlab-comment makes, answered from memory on 127.0.0.1."""

    def __init__(self, head: str) -> None:
        self.head, self.notes, self.calls, self.tokens = head, [], [], set()
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def answer(self, data: object) -> None:
                body = json.dumps(data).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def handle_any(self) -> None:
                stand_in.tokens.add(self.headers.get("PRIVATE-TOKEN"))
                url = urllib.parse.urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                data = json.loads(self.rfile.read(length)) if length else None
                stand_in.calls.append((self.command, url.path))
                notes = "/api/v4/projects/1/merge_requests/7/notes"
                page = urllib.parse.parse_qs(url.query).get("page", ["1"])[0]
                if url.path == "/api/v4/user":
                    self.answer({"id": 5})
                elif url.path == "/api/v4/projects/1/merge_requests":
                    self.answer([{"iid": 7, "sha": stand_in.head}] if page == "1" else [])
                elif url.path == notes and self.command == "GET":
                    self.answer(list(reversed(stand_in.notes)) if page == "1" else [])
                elif url.path == notes and self.command == "POST":
                    stand_in.notes.append({"id": len(stand_in.notes) + 1, "author": {"id": 5}, "body": data["body"]})
                    self.answer(stand_in.notes[-1])
                elif url.path.startswith(notes + "/") and self.command == "PUT":
                    note = next(n for n in stand_in.notes if n["id"] == int(url.path.rsplit("/", 1)[1]))
                    note["body"] = data["body"]
                    self.answer(note)
                else:
                    self.send_error(404)

            do_GET = do_POST = do_PUT = handle_any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/api/v4"

    def writes(self) -> list[str]:
        return [method for method, _ in self.calls if method in ("POST", "PUT")]


def test_gitlab_comment_job_posts_the_report_the_default_branch_program_wrote(ci_repo, tmp_path):
    repo, base = ci_repo
    # The GitLab project: main holds the program; a merge request (from anyone) rewrote it.
    origin = tmp_path / "origin.git"
    Repo(tmp_path).git("clone", "-q", "--bare", str(repo.root), str(origin))
    request = request_clone(repo, tmp_path / "request")
    sabotage(request)
    pushed = Repo(origin)
    pushed.git("update-ref", "refs/heads/main", base)
    request.git("push", "-q", str(origin), "HEAD:refs/merge-requests/7/head")
    head = request.git("rev-parse", "HEAD")
    # The scheduled pipeline's checkout of main, after "make venv".
    job = tmp_path / "job"
    Repo(tmp_path).git("clone", "-q", "--branch", "main", str(origin), str(job))
    fake_venv(job)
    gitlab = GitLabStandIn(head)
    env = {**git_env(), "PATH": os.environ["PATH"], "CI_API_V4_URL": gitlab.url, "CI_PROJECT_ID": "1",
           "CI_DEFAULT_BRANCH": "main", "CI_COMMIT_BRANCH": "main", "CI_COMMIT_REF_PROTECTED": "true",
           "REVIEW_BOT_TOKEN": "token-of-the-bot"}
    script = [str(job / ".ci" / "gitlab-comment")]
    try:
        refused = subprocess.run(script, cwd=job, env={**env, "CI_COMMIT_REF_PROTECTED": "false"},
                                 capture_output=True, timeout=120)
        assert refused.returncode == 1 and gitlab.calls == []  # never on an unprotected ref

        proc = subprocess.run(script, cwd=job, env=env, capture_output=True, timeout=300)
        assert proc.returncode == 0, proc.stdout.decode("utf-8") + proc.stderr.decode("utf-8")
        assert gitlab.writes() == ["POST"] and gitlab.tokens == {"token-of-the-bot"}
        body = gitlab.notes[0]["body"]
        assert body.startswith("<!-- xzzd-review -->") and "E603" in body and "HACKED" not in body
        assert "13912345678" not in body

        proc = subprocess.run(script, cwd=job, env=env, capture_output=True, timeout=300)
        assert proc.returncode == 0 and gitlab.writes() == ["POST"]  # unchanged: not posted again

        request.replace_in_item("catalogs/scjg.yaml", "scjg-001", "    supervision_phone: 13912345678\n",
                                "    supervision_phone: 0533-6010010\n")
        request.commit("删除手机号码", "2025-01-09T09:00:00+08:00")
        request.git("push", "-q", "--force", str(origin), "HEAD:refs/merge-requests/7/head")
        gitlab.head = request.git("rev-parse", "HEAD")
        proc = subprocess.run(script, cwd=job, env=env, capture_output=True, timeout=300)
        assert proc.returncode == 0 and gitlab.writes() == ["POST", "PUT"]  # the same note, updated
        assert len(gitlab.notes) == 1 and gitlab.notes[0]["body"] != body
    finally:
        gitlab.server.shutdown()
        gitlab.server.server_close()
