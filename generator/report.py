"""Print findings for people (text), for GitHub Actions (annotations), for GitLab (code quality)
and for tools (JSON)."""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from .findings import Finding
from .messages import current as msg

SEVERITY_WORDS = {"error": "错误", "warning": "警告"}


def summary(findings: list[Finding], files: int) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return msg.SUMMARY_CLEAN.format(files=files)
    return msg.SUMMARY.format(errors=errors, warnings=warnings, files=files)


def write(findings: list[Finding], files: int, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        errors = sum(f.severity == "error" for f in findings)
        json.dump({"findings": [f.to_json() for f in findings],
                   "summary": {"errors": errors, "warnings": len(findings) - errors, "files": files}},
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "gitlab":
        json.dump([_code_quality(f) for f in findings], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for f in findings:
        if fmt == "github":
            out.write(f"::{f.severity} file={_escape_property(f.path)},line={max(f.line, 1)},"
                      f"col={max(f.col, 1)},title={f.code}::{_escape(f.message)}\n")
        else:
            where = f.path + (f":{f.line}" if f.line else "") + (f":{f.col}" if f.line and f.col else "")
            out.write(f"{where}: {f.code} {SEVERITY_WORDS[f.severity]}：{f.message}\n")
    out.write(summary(findings, files) + "\n")


def _code_quality(f: Finding) -> dict:
    """One GitLab code-quality issue: shown in the merge request, and on the line in the diff."""
    fingerprint = hashlib.sha256(f"{f.path}:{f.line}:{f.col}:{f.code}:{f.message}".encode("utf-8")).hexdigest()
    return {"description": f"{f.code} {SEVERITY_WORDS[f.severity]}：{f.message}", "check_name": f.code,
            "fingerprint": fingerprint, "severity": "major" if f.severity == "error" else "minor",
            "location": {"path": f.path, "lines": {"begin": max(f.line, 1)}}}


def _escape_property(text: str) -> str:
    """GitHub's escaping for a property value (file names may hold ',' or ':')."""
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


def _escape(text: str) -> str:
    """GitHub's workflow-command escaping for the message part."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
