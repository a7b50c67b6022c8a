"""The Atom feed of the public change history (site/feed.xml and site/zh-Hant/feed.xml).

Built from the same history entries as the 更新记录 page, so a feed reader sees the same
changes on the same dates. Output is deterministic: entry times are commit times, element
and attribute order is fixed, and nothing depends on the build machine's clock.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from ..layout import FEED_FILE, HANS, HANT, HANT_DIR
from ..messages import current as msg
from ..model import Department
from ..settings import Settings
from ..view import PublishedView
from ..history import diff
from ..history.record import Entry, History

ATOM = "http://www.w3.org/2005/Atom"
CHANGES_PAGE = "changes.html"
MAX_ENTRIES = 50  # the newest changes; the page lists them all
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def write(view: PublishedView, site: Path) -> list[Path]:
    """Write both feeds; nothing when there is no history (the page says why)."""
    if not view.history.available:
        return []
    written = []
    for folder, script, convert in ((site, "", lambda text: text), (site / HANT_DIR, HANT_DIR, view.converter.to_hant)):
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / FEED_FILE
        path.write_bytes(render(view.history, view.settings, view.departments, script, convert))
        written.append(path)
    return written


def render(history: History, settings: Settings, departments: list[Department], script: str,
           convert: Callable[[str], str]) -> bytes:
    ET.register_namespace("", ATOM)
    base = settings.site_url.rstrip("/") + "/" if settings.site_url else ""
    if base and script:
        base += script + "/"
    names = {d.code: d.name for d in departments}
    entries = history.newest_first[:MAX_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: HANT if script else HANS})
    _text(feed, "title", convert(msg.HISTORY_FEED_TITLE.format(site_name=settings.site_name)))
    _text(feed, "id", base + FEED_FILE if base else _urn("feed", script))
    _text(feed, "updated", entries[0].commit.time if entries else "1970-01-01T00:00:00+00:00")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": base + FEED_FILE})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": base + CHANGES_PAGE})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", convert(settings.organizer or settings.sponsor or settings.site_name))
    for entry in entries:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(item, "title", convert(title(entry, names)))
        _text(item, "id", _entry_id(entry, settings, script))
        _text(item, "updated", entry.commit.time)
        ET.SubElement(item, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                                "href": f"{base}{CHANGES_PAGE}#{entry.anchor}"})
        _text(item, "summary", convert(summary(entry)))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def title(entry: Entry, names: dict[str, str]) -> str:
    departments = "、".join(names.get(code, code) for code in entry.changes.departments())
    parts = []
    for kind in (diff.ITEM, diff.CASE, diff.ENTRY, diff.DEPARTMENT):
        for action in (diff.ADDED, diff.CHANGED, diff.REMOVED):
            count = len(entry.changes.of(kind, action))
            if count:
                parts.append(msg.HISTORY_FEED_SUMMARY_PART.format(
                    action=msg.REVIEW_ACTIONS[action], kind=msg.REVIEW_KINDS[kind], count=count))
    text = msg.HISTORY_FEED_ENTRY.format(date=entry.commit.date, departments=departments, summary="，".join(parts))
    pr = entry.commit.pull_request
    return text + (msg.HISTORY_FEED_PR.format(pr=pr) if pr else "")


def summary(entry: Entry) -> str:
    """One line per change: 新增行政指导事项 scjg-011 名称（修改的字段）."""
    lines = []
    for change in entry.changes.changes:
        line = f"{msg.REVIEW_ACTIONS[change.action]}{msg.REVIEW_KINDS[change.kind]} {change.id}"
        if change.title and change.kind != diff.DEPARTMENT:
            line += f" {change.title}"
        if change.action == diff.CHANGED:
            line += "（" + "、".join(f.label for f in change.fields) + "）"
        lines.append(line)
    return "\n".join(lines)


def _entry_id(entry: Entry, settings: Settings, script: str) -> str:
    host = urlsplit(settings.site_url).hostname if settings.site_url else None
    if not host:
        return _urn("change:" + entry.commit.sha, script)
    path = urlsplit(settings.site_url).path.rstrip("/")
    return f"tag:{host},{entry.commit.date}:{path}/{script + '/' if script else ''}changes/{entry.commit.sha}"


def _urn(name: str, script: str) -> str:
    return f"urn:xzzd:{name}" + (f":{script}" if script else "")


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
