"""How many files a command creates, and what they are: for bench/run.py.

A creation is one successful open with O_CREAT (or creat): a new file, or an old one written
again. strace records them in every process and thread the command starts, with the path the
kernel resolved, together with renames (a folder moved into place carries its files to their
final path) and sendfile/copy_file_range (a creation the bytes of another file were copied
into is a copy). A file written again counts again; a rename or a hard link is no creation.
"""

from __future__ import annotations

import codecs
import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

TRACED = "open,openat,openat2,creat,rename,renameat,renameat2,sendfile,copy_file_range"
_CALL = re.compile(r"^(?P<time>\d+\.\d+) (?P<call>\w+)\((?P<args>.*)\)\s+= (?P<result>.*)$")
_FD_PATH = re.compile(r"\d+<(.*?)>")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_CWD = re.compile(r"AT_FDCWD<(.*?)>")

# What each kind of creation is, in the order the report lists them.
KINDS = {
    "markdown": "intermediate Markdown pages (outside the output)",
    "engine_output": "engine output outside the output (a site/ folder in the cache)",
    "copies_elsewhere": "copies outside the output (e.g. theme assets into the engine output)",
    "other": "other files outside the output (configs, manifests, theme overrides, locks)",
    "copies_into_site": "copies into the output",
    "written_into_site": "written in the output directly (data files, search index, feed, sitemap)",
}


@dataclass
class Creation:
    path: str  # where the file is when the command has ended
    copied: bool = False


@dataclass
class Writes:
    creations: int
    delivered: int  # files in the output folder afterwards
    rewritten: int  # creations of an output file beyond its first
    kinds: dict[str, int]

    @property
    def per_delivered(self) -> float:
        return self.creations / self.delivered if self.delivered else 0.0


def count(command: list[str], cwd: Path, scope: Path, out: Path) -> Writes | str:
    """Run ``command`` under strace and sort the files it created under ``scope``; ``out`` is
    the folder it delivers. Returns why not when strace cannot run here."""
    if shutil.which("strace") is None:
        return "strace is not installed"
    with tempfile.TemporaryDirectory() as traces:
        run = subprocess.run(["strace", "-ff", "-qq", "-z", "-y", "-ttt", "-s", "4096", "--seccomp-bpf",
                              "-e", f"trace={TRACED}", "-o", f"{traces}/trace", *command],
                             cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if run.returncode != 0:
            return f"strace {' '.join(command[:4])} … exited {run.returncode}: {run.stderr.decode()[-500:]}"
        events = []
        for trace in Path(traces).iterdir():
            events += _events(trace.read_text(encoding="latin-1"), str(cwd))
    events.sort(key=lambda event: event[0])
    inside = str(scope) + "/"
    return _sort(_follow_renames(events, inside), inside, out)


def _events(text: str, cwd: str) -> list[tuple[float, str, object]]:
    """One thread's creations and renames, with copies marked on their creation."""
    events: list[tuple[float, str, object]] = []
    latest: dict[str, Creation] = {}  # this thread's latest creation of each path
    for line in text.splitlines():
        match = _CALL.match(line)
        if not match:
            continue
        call, args, result = match["call"], match["args"], match["result"]
        at = float(match["time"])
        if (seen_cwd := _CWD.search(args)) is not None:
            cwd = _decode(seen_cwd[1])
        if call in ("open", "openat", "openat2", "creat"):
            opened = _FD_PATH.match(result)
            if opened and (call == "creat" or "O_CREAT" in args):
                creation = Creation(_decode(opened[1]))
                latest[creation.path] = creation
                events.append((at, "create", creation))
        elif call in ("sendfile", "copy_file_range"):
            fds = [_decode(path) for path in _FD_PATH.findall(args)]
            target = fds[0] if call == "sendfile" else fds[-1]
            if target in latest:
                latest[target].copied = True
        elif call.startswith("rename"):
            source, target = (str(Path(cwd, _decode(s))) for s in _STRING.findall(args)[:2])
            events.append((at, "rename", (source, target)))
    return events


def _follow_renames(events: list[tuple[float, str, object]], scope: str) -> list[Creation]:
    by_path: dict[str, list[Creation]] = {}
    for _, kind, value in events:
        if kind == "create":
            if value.path.startswith(scope):
                by_path.setdefault(value.path, []).append(value)
            continue
        source, target = value
        moved = [source] if source in by_path else [p for p in by_path if p.startswith(source + "/")]
        for path in moved:
            creations = by_path.pop(path)
            new = target + path[len(source):]
            for creation in creations:
                creation.path = new
            by_path.setdefault(new, []).extend(creations)
    return [creation for creations in by_path.values() for creation in creations]


def _sort(created: list[Creation], scope: str, out: Path) -> Writes:
    site = str(out) + "/"
    kinds: Counter[str] = Counter({kind: 0 for kind in KINDS})
    delivered_paths: Counter[str] = Counter()
    for creation in created:
        if creation.path.startswith(site):
            delivered_paths[creation.path] += 1
            kinds["copies_into_site" if creation.copied else "written_into_site"] += 1
        elif creation.copied:
            kinds["copies_elsewhere"] += 1
        elif creation.path.endswith(".md"):
            kinds["markdown"] += 1
        elif "/site/" in creation.path[len(scope) - 1:]:
            kinds["engine_output"] += 1
        else:
            kinds["other"] += 1
    delivered = sum(1 for f in out.rglob("*") if f.is_file())
    rewritten = sum(n - 1 for n in delivered_paths.values())
    return Writes(len(created), delivered, rewritten, dict(kinds))


def _decode(escaped: str) -> str:
    """A path as strace prints it (octal escapes for bytes outside ASCII) back to text."""
    return codecs.escape_decode(escaped.encode("latin-1"))[0].decode("utf-8", "replace")
