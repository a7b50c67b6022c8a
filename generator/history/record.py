"""What the site reads of the change history: entries, publication dates, and why there are none.

Plain data, kept apart from ``changelog`` (which walks git to make it) so that the pages and
the feed can read a history without loading git or the loader.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..messages import current as msg
from . import diff

_GITHUB_MERGE = re.compile(r"^Merge pull request #(\d+)\b")
_GITHUB_SQUASH = re.compile(r"\(#(\d+)\)\s*$")
_GITLAB_MERGE = re.compile(r"See merge request [\w.\-/]*!(\d+)\b")


@dataclass(frozen=True)
class Commit:
    sha: str
    time: str  # committer date, ISO 8601 with the committer's UTC offset
    message: str

    @property
    def date(self) -> str:
        """The calendar date of the commit where it was made (YYYY-MM-DD)."""
        return self.time[:10]

    @property
    def timestamp(self) -> int:
        return int(dt.datetime.fromisoformat(self.time).timestamp())

    @property
    def pull_request(self) -> str | None:
        """'#12' (GitHub) or '!7' (GitLab) when the merge commit names its request."""
        subject = self.message.split("\n", 1)[0]
        for pattern, mark in ((_GITHUB_MERGE, "#"), (_GITHUB_SQUASH, "#")):
            found = pattern.search(subject)
            if found:
                return mark + found.group(1)
        found = _GITLAB_MERGE.search(self.message)
        return "!" + found.group(1) if found else None


@dataclass(frozen=True)
class Entry:
    """One commit that changed what the public sees."""

    commit: Commit
    changes: diff.ChangeSet

    @property
    def anchor(self) -> str:
        return "change-" + self.commit.sha[:12]


@dataclass(frozen=True)
class Dates:
    first: str | None = None  # first published
    last: str | None = None  # last changed


@dataclass(frozen=True)
class Version:
    """What the public saw of an item or case from ``commit`` on (its public state then)."""

    commit: Commit
    obj: Any  # the Item or Case as loaded from that commit

    @property
    def key(self) -> str:
        """The version's stable name in page paths: its date and commit, e.g. 2025-03-05-1a2b3c4d."""
        return f"{self.commit.date}-{self.commit.sha[:8]}"


@dataclass(frozen=True)
class Withdrawal:
    """An item that left the published catalog (removed from its file, never made exempt)."""

    commit: Commit  # the commit that removed it
    last: Version | None  # its last published version (None: no version on record)


@dataclass
class History:
    entries: tuple[Entry, ...] = ()  # oldest first
    problem: str | None = None  # why there is no history, in Chinese
    dates: dict[tuple[str, str], Dates] = field(default_factory=dict)  # (kind, id) → dates
    # item id → (its current review date, the day the item was first published with it)
    reviewed: dict[str, tuple[str, str]] = field(default_factory=dict)
    # (kind, id) → published versions, oldest first; an item's versions start after it was
    # last exempt (earlier text may be what the exemption withholds)
    versions: dict[tuple[str, str], tuple[Version, ...]] = field(default_factory=dict)
    withdrawn: dict[str, Withdrawal] = field(default_factory=dict)  # item id → its removal
    private_names: frozenset[str] = frozenset()  # personal names any version held: masked in old text

    @property
    def available(self) -> bool:
        return self.problem is None

    @property
    def newest_first(self) -> list[Entry]:
        return list(reversed(self.entries))

    def dates_of(self, kind: str, ident: str) -> Dates:
        return self.dates.get((kind, ident), Dates())

    def earlier(self, kind: str, ident: str) -> tuple[Version, ...]:
        """Versions before the one being built, oldest first: all recorded versions, except the
        last when the content being built is that version (it has a last-changed date)."""
        versions = self.versions.get((kind, ident), ())
        return versions[:-1] if versions and self.dates_of(kind, ident).last else versions

    def epoch(self) -> int | None:
        """Unix time of the newest content change: the build's SOURCE_DATE_EPOCH."""
        return self.entries[-1].commit.timestamp if self.entries else None


NOT_READ = History(problem=msg.HISTORY_NOT_READ)
