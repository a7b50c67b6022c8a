"""Build the same content on MkDocs and on another engine and compare what readers get.

    python bench/engines.py properdocs   # the whole output tree, byte for byte
    python bench/engines.py zensical     # each page's <article> (the content), as parsed HTML

The content (``mkdocs.yml``, ``catalogs/``, ``typical-cases/``, ``laws/``; ``--root``, default
this checkout) is copied twice, ``extra.engine`` is set in each copy and each is built with
``python -m generator build``. Zensical is younger than 1.0 and renders its own frame around the
article (skip link, escaping of ``/`` in attributes), so for it only the article is compared,
as a tree of tags, attributes and text. Exit status 1 lists what differs; CI runs the zensical
comparison as a job that may fail until Zensical 1.0 (.github/workflows, .gitlab-ci.yml).
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
CONTENT = ("mkdocs.yml", "catalogs", "typical-cases", "laws", "powers", "documents")
# Zensical's base.html puts the skip link's target inside the article; MkDocs' puts it before.
FRAME_ONLY = {("a", (("id", "__skip"), ("tabindex", "-1")))}


def with_engine(root: Path, target: Path, engine: str) -> Path:
    """Copy the content of ``root`` into ``target`` with ``extra.engine`` set to ``engine``."""
    target.mkdir(parents=True)
    for name in CONTENT:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            shutil.copy2(source, target / name)
    config = target / "mkdocs.yml"
    text = re.sub(r"(?m)^  engine:.*\n", "", config.read_text(encoding="utf-8"))
    text = re.sub(r"(?m)^extra:\n", f"extra:\n  engine: {engine}\n", text, count=1)
    config.write_text(text, encoding="utf-8")
    return target


def build(root: Path, out: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root), "--out", str(out)],
                         cwd=PROJECT, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"build of {root} failed:\n{run.stdout}{run.stderr}")


class Article(HTMLParser):
    """The <article> of a page as a list of (kind, value) tokens: escaping, attribute order and
    whitespace between tags do not count; everything a reader sees or a link goes to does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.tokens = 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth:
            start = (tag, tuple(sorted((k, v or "") for k, v in attrs)))
            if start not in FRAME_ONLY:
                self.tokens.append(("start", start))

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.tokens.append(("end", tag))
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if self.depth and text:
            self.tokens.append(("text", text))


def article(path: Path) -> list:
    parser = Article()
    parser.feed(path.read_text(encoding="utf-8"))
    # The skip target's end tag has no start left: drop ends that close nothing.
    tokens, open_tags = [], []
    for kind, value in parser.tokens:
        if kind == "start":
            open_tags.append(value[0])
        elif kind == "end":
            if value not in open_tags:
                continue
            open_tags.remove(value)
        tokens.append((kind, value))
    return tokens


def differences(reference: Path, other: Path, articles_only: bool) -> list[str]:
    names = sorted(p.relative_to(reference).as_posix() for p in reference.rglob("*") if p.is_file())
    others = sorted(p.relative_to(other).as_posix() for p in other.rglob("*") if p.is_file())
    found = [f"only with mkdocs: {n}" for n in sorted(set(names) - set(others))]
    found += [f"only with the other engine: {n}" for n in sorted(set(others) - set(names))]
    for name in sorted(set(names) & set(others)):
        a, b = reference / name, other / name
        if articles_only:
            if name.endswith(".html") and article(a) != article(b):
                found.append(f"article differs: {name}")
        elif not filecmp.cmp(a, b, shallow=False):
            found.append(f"differs: {name}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("engine", choices=("properdocs", "zensical"))
    parser.add_argument("--root", type=Path, default=PROJECT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="xzzd-engines-") as temp:
        work = Path(temp)
        build(with_engine(args.root, work / "mkdocs", "mkdocs"), work / "site-mkdocs")
        build(with_engine(args.root, work / args.engine, args.engine), work / f"site-{args.engine}")
        found = differences(work / "site-mkdocs", work / f"site-{args.engine}", args.engine == "zensical")
    what = "articles" if args.engine == "zensical" else "files"
    if found:
        print(f"{args.engine}: {len(found)} {what} differ from mkdocs:\n" + "\n".join(found[:50]))
        sys.exit(1)
    print(f"{args.engine}: every {what[:-1]} is the same as with mkdocs")


if __name__ == "__main__":
    main()
