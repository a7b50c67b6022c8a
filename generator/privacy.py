"""Find personal data in text, and mask it so that reporting it leaks nothing.

Numbers are confirmed by their checksums (GB 11643 resident IDs, GB 32100 credit codes, Luhn
for bank cards) so that ordinary numbers in legal text — filing numbers, amounts, article
references — do not raise false alarms. Used by ``check`` and by the review report.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass
from typing import Iterator

from .messages import current as msg


@dataclass(frozen=True)
class Match:
    code: str  # the finding code: E601 …
    start: int
    end: int
    masked: str
    role: str = ""  # for names: the word before the name


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_RESIDENT_ID = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])"
)
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_CODE = re.compile(r"(?<![0-9A-Za-z])92[0-9A-HJ-NPQRTUWXY]{16}(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9])")
_CARD = re.compile(r"(?<![0-9])\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![0-9])")
_LOCAL_PART = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})")
PERSONAL_MAIL_DOMAINS = frozenset({
    "qq.com", "vip.qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "vip.163.com",
    "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "139.com", "189.cn", "wo.cn", "aliyun.com",
    "gmail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "yahoo.com", "yahoo.com.cn",
    "icloud.com", "me.com", "tom.com", "21cn.com",
})
# Frequent surnames; a few that are everyday function words (于, 应, 时, 和 …) are left out on
# purpose — after a role word they start ordinary sentences far more often than names.
_SURNAMES = (
    "张王李赵刘陈杨黄周吴徐孙胡朱林何郭马罗梁宋郑谢韩唐冯董萧曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
    "薛叶阎余潘杜戴夏钟汪田任姜范石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙段雷钱汤尹黎"
    "易武乔贺赖龚"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容")
# Words that start with a surname character and often follow a role word.
_NOT_NAMES = (
    "陈述", "陈列", "张贴", "周边", "周围", "周末", "周期", "许可", "马上", "程序", "任何", "任务",
    "金额", "文件", "常规", "易燃", "易发", "石材", "白天", "康复", "钱款", "林业", "范围", "夏季",
    "罗列", "何时", "何种", "何处", "曾经", "余额", "杜绝", "陆续", "顾客", "顾及", "雷电", "董事",
    "郑重", "马路", "黄金", "江河", "毛坯", "叶片", "段落", "孔洞", "龙头", "秦岭", "贺电", "武装",
    "汤料", "田间", "戴好", "戴口罩", "乔迁", "黎明", "高度", "石油", "沈阳",
    "钟点", "钟表", "金融", "金属", "梁柱", "朱红", "苏州", "江苏", "史上",
)
_NAME = re.compile(
    "(" + "|".join(map(re.escape, msg.NAME_ROLES)) + r")(?:为|是|：|:)?"
    "((?:" + "|".join(_COMPOUND_SURNAMES) + "|[" + _SURNAMES + "])[\u4e00-\u9fff]{1,2})"
)


def resident_id_valid(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def credit_code_valid(code: str) -> bool:
    try:
        total = sum(_CREDIT_ALPHABET.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS))
    except ValueError:
        return False
    return _CREDIT_ALPHABET[(31 - total % 31) % 31] == code[17]


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mask(text: str, keep_start: int, keep_end: int) -> str:
    hidden = max(len(text) - keep_start - keep_end, 1)
    return text[:keep_start] + "*" * hidden + (text[-keep_end:] if keep_end else "")


# Full-width digits, letters, "-", "." and "@" read as their ASCII forms (one character for one,
# so offsets into the original text stay valid).
_HALF_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                 *range(0xFF41, 0xFF5B), 0xFF0D, 0xFF0E, 0xFF20)}
_FULL_WIDTH = re.compile("[" + "".join(map(chr, _HALF_WIDTH)) + "]")
# Where a number can be: every number pattern starts with a digit or "+", uses only the
# characters of this class and is at least 11 long (a mobile number). The patterns' lookarounds
# only test characters of the class, so matching inside these windows finds exactly what matching
# the whole text would, without stepping through every character of a long text four times.
_NUMBER_WINDOW = re.compile(r"[\d+][\dA-Za-z +\-]{10,}")


def find_numbers(text: str) -> Iterator[Match]:
    """Resident IDs, individual businesses' credit codes, mobiles, bank cards and e-mails."""
    if _FULL_WIDTH.search(text):  # translating is slow on CJK text, and rarely needed
        text = text.translate(_HALF_WIDTH)
    windows = [m.span() for m in _NUMBER_WINDOW.finditer(text)]
    taken: list[tuple[int, int]] = []

    def found(pattern: re.Pattern) -> Iterator[re.Match]:
        for start, end in windows:
            yield from pattern.finditer(text, start, end)

    def free(m: re.Match) -> bool:
        """No overlap with a number already found (``taken`` is kept sorted: looking through all
        of it for each match took time quadratic in the count of numbers in a pasted table)."""
        i = bisect_right(taken, (m.start(), len(text) + 1))
        return not (i and taken[i - 1][1] > m.start() or i < len(taken) and taken[i][0] < m.end())

    for m in found(_RESIDENT_ID):
        if resident_id_valid(m.group()):
            insort(taken, m.span())
            yield Match("E601", *m.span(), mask(m.group(), 6, 4))
    for m in found(_CREDIT_CODE):
        if free(m) and credit_code_valid(m.group()):
            insort(taken, m.span())
            yield Match("E602", *m.span(), mask(m.group(), 4, 2))
    for m in found(_CARD):
        digits = re.sub(r"[ -]", "", m.group())
        if free(m) and 16 <= len(digits) <= 19 and luhn_valid(digits):
            insort(taken, m.span())
            yield Match("E604", *m.span(), mask(digits, 4, 4))
    for m in found(_MOBILE):
        if free(m):
            digits = re.sub(r"\D", "", m.group())[-11:]
            insort(taken, m.span())
            yield Match("E603", *m.span(), mask(digits, 3, 4))
    for m in _emails(text):
        if m.group(1).lower() in PERSONAL_MAIL_DOMAINS:
            local = m.group()[: m.start(1) - m.start() - 1]
            yield Match("E605", *m.span(), local[:1] + "***@" + m.group(1))


def _emails(text: str) -> Iterator[re.Match]:
    """``_EMAIL.finditer(text)``, tried only where a local part can start before each "@":
    searching tried every position of a long run of letters and rescanned the run from each
    (quadratic). Every start inside one run reaches the same "@", so the matches are the same."""
    pos = 0
    at = text.find("@")
    while at >= 0:
        start = at
        while start > pos and text[start - 1] in _LOCAL_PART:
            start -= 1
        m = _EMAIL.match(text, start) if start < at else None
        if m:
            yield m
            pos = m.end()
        at = text.find("@", max(at + 1, pos))


def find_names(text: str) -> Iterator[Match]:
    """A person's full name right after a role word (当事人张三), i.e. not written as 张某."""
    for m in _NAME.finditer(text):
        name = m.group(2)
        if "某" in name or name.startswith(_NOT_NAMES):
            continue
        surname = 2 if name[:2] in _COMPOUND_SURNAMES else 1
        yield Match("W607", m.start(2), m.end(2), mask_name(name, surname), role=m.group(1))


def mask_name(name: str, surname_length: int = 1) -> str:
    return name[:surname_length] + "*" * max(len(name) - surname_length, 1)


def is_deidentified(counterpart: str) -> bool:
    """A case's counterpart is written as 张某 / 某公司: the 某 shows the name is withheld."""
    return "某" in counterpart


def redact(text: str) -> str:
    """``text`` with every personal number, personal e-mail and role-name replaced by its mask.

    The review report quotes content in pull-request comments, which may be public: whatever
    ``check`` would flag is shown there only masked.
    """
    matches = sorted(list(find_numbers(text)) + list(find_names(text)), key=lambda m: m.start)
    out, pos = [], 0
    for m in matches:
        if m.start < pos:
            continue
        out += [text[pos:m.start], m.masked]
        pos = m.end
    out.append(text[pos:])
    return "".join(out)
