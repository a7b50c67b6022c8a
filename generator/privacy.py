"""Find personal data in text, and mask it so that reporting it leaks nothing.

One detector serves every place text can leave the project: the content check, file names and
stray files, the change history, the review report, the importer and the scan of the built
site (``generator.egress``). Numbers are found in one normalising pass rather than with a
regular expression per way of writing them:

1. every character is read as a digit (ASCII or full-width), a separator (spaces of every
   width, NBSP, U+3000, zero-width characters, hyphens and dashes, dots) or anything else;
2. a stretch of digit groups joined by short separator runs is cut into groups;
3. runs of whole groups are tested against the shapes and checksums of each kind: GB 11643
   resident IDs (18 digits, MOD 11-2, and the 15-digit first generation) with a real province
   code and birth date, mobiles (1[3-9] and 9 digits, with +86 / 0086 / 86 / a leading 0),
   bank cards (16–19 digits, Luhn, written whole or in fours), and GB 32100 credit codes of
   individual businesses (92…).

A number may touch letters or Chinese (``tel13812345678``, ``电话13812345678``) but never
another digit: a group is a maximal digit run. Every pattern is a single character class or a
bounded repetition, and each group starts at most a bounded number of candidates, so hostile
text (hundreds of kilobytes of digits, separators, ``+86``) is scanned in linear time.

Names are a person's full name after a role word (当事人王建国), in simplified or traditional
script; the check adds names in the counterpart field and known names elsewhere. Names that
editors listed in ``public_names`` (an official acting in office) are passed as ``allowed``.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Iterator

from .messages import current as msg

ID, CREDIT, MOBILE, CARD, EMAIL, NAME = "E601", "E602", "E603", "E604", "E605", "E607"
NUMBER_CODES = (ID, CREDIT, MOBILE, CARD, EMAIL)


@dataclass(frozen=True)
class Match:
    code: str  # the finding code: E601 …
    start: int
    end: int
    masked: str
    role: str = ""  # for names: the word before the name
    key: str = ""  # what the match stands for whatever its spelling: digits, or the name


# --- characters ---------------------------------------------------------------------------------

_DIGIT_CHARS = "0123456789" + "".join(chr(0xFF10 + i) for i in range(10))
# Spaces of every width (and the invisible ones), hyphens, dashes and dots: what people put
# between the parts of a number, or what a copy from Word or a web page leaves there.
_SEPARATOR_CHARS = (" \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                    "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
                    "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\u30fc"
                    ".\uff0e\u3002\u00b7")
_MIN_DIGITS, _MAX_DIGITS = 11, 19  # a mobile; a card
_MAX_SEPARATORS = 3  # "139 - 0533" still joins; a longer gap separates two numbers
# One character for one, so offsets into the normalised text are offsets into the original.
_CANONICAL = {ord(c): ord("0") + i % 10 for i, c in enumerate(_DIGIT_CHARS)}
_CANONICAL.update({ord(c): ord(" ") for c in _SEPARATOR_CHARS})
_CANONICAL.update({0xFF0B: ord("+"), 0xFF38: ord("X"), ord("x"): ord("X"), 0xFF58: ord("X")})
_D = re.escape(_DIGIT_CHARS)
_S = re.escape(_SEPARATOR_CHARS)
# A stretch of digit groups joined by short separator runs. It starts with a digit followed by
# ten more digits or separators: short numbers (everywhere in text and markup) fail at once
# inside the regex engine. The repetition's two alternatives start with disjoint characters, so
# it never backtracks more than one separator run.
_STRETCH = re.compile(f"[{_D}](?=[{_D}{_S}]{{{_MIN_DIGITS - 1}}})(?:[{_D}]+|[{_S}]{{1,{_MAX_SEPARATORS}}}(?=[{_D}]))*")
_GROUP = re.compile(r"\d+")
# Only the first and the last group of a number may be shorter than three digits
# (``_longest_at``), so a stretch without a group of three holds at most 2 + 2 digits: the
# numbers in an icon's drawing ("9.64 9.35 6.5 8 3 8", a dozen on every page) end here.
_LONG_GROUP = re.compile(r"\d{3}")
# Digit counts worth testing: mobiles with their prefixes, IDs (17 + X), cards.
_LENGTHS = frozenset({11, 12, 13, 15, 16, 17, 18, 19})


# --- checksums and shapes -------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# First two digits of a resident ID: the province (GB/T 2260), 81–83 Hong Kong, Macao, Taiwan.
_PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
                        46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83})
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_MOBILE_PREFIXES = frozenset({"0086", "86", "0", ""})
_X = frozenset("Xx\uff38\uff58")
# A long all-hex token is a hash (a commit id in the feed, an asset fingerprint), not a number.
_HASH_TOKEN = 20
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_HEX = frozenset("0123456789abcdefABCDEF")


def resident_id_valid(number: str) -> bool:
    """GB 11643: 17 digits and the MOD 11-2 check character."""
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


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _resident_id(digits: str) -> bool:
    """18 characters (the last may be X) or the 15 digits of a first-generation card."""
    if int(digits[:2]) not in _PROVINCES:
        return False
    if len(digits) == 15:
        return _real_date(1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12]))
    year = int(digits[6:10])
    return (1900 <= year <= 2099 and _real_date(year, int(digits[10:12]), int(digits[12:14]))
            and resident_id_valid(digits))


def mask(text: str, keep_start: int, keep_end: int) -> str:
    hidden = max(len(text) - keep_start - keep_end, 1)
    return text[:keep_start] + "*" * hidden + (text[-keep_end:] if keep_end else "")


# --- numbers ------------------------------------------------------------------------------------

def find_numbers(text: str) -> Iterator[Match]:
    """Resident IDs, individual businesses' credit codes, mobiles, bank cards and e-mails."""
    for m in _STRETCH.finditer(text):
        if m.end() - m.start() >= _MIN_DIGITS:
            yield from _numbers_in(text, m.start(), m.end())
    yield from _credit_codes(text)
    yield from _emails(text)


def _numbers_in(text: str, start: int, end: int) -> Iterator[Match]:
    canonical = text[start:end].translate(_CANONICAL)
    if not _LONG_GROUP.search(canonical):
        return
    groups = [(start + g.start(), start + g.end(), g.group()) for g in _GROUP.finditer(canonical)]
    i = 0
    while i < len(groups):
        found = _longest_at(text, groups, i)
        if found is None:
            i += 1
            continue
        j, match = found
        yield match
        i = j + 1


def _longest_at(text: str, groups: list[tuple[int, int, str]], i: int) -> tuple[int, Match] | None:
    """The longest number made of whole groups i..j. A group shorter than three digits can only
    begin (a +86 or 0 prefix) or end (a card's or ID's tail) a number, so at most a handful of
    runs start at each group."""
    best = None
    digits = ""
    sizes: list[int] = []
    for j in range(i, len(groups)):
        group = groups[j][2]
        if j - 1 > i and sizes[-1] < 3:  # the group before was short and not the first
            break
        digits += group
        sizes.append(len(group))
        if len(digits) > _MAX_DIGITS:
            break
        if len(digits) in _LENGTHS:
            match = _classify(text, groups[i][0], groups[j][1], digits, sizes)
            if match is not None:
                best = (j, match)
    return best


def _classify(text: str, start: int, end: int, digits: str, sizes: list[int]) -> Match | None:
    match = _shape(text, start, end, digits, sizes)
    return None if match is None or _in_hash(text, match.start, match.end) else match


def _shape(text: str, start: int, end: int, digits: str, sizes: list[int]) -> Match | None:
    """The kind of number ``digits`` (written as groups of ``sizes``) is, if any."""
    n = len(digits)
    # Groups between the first and the last have three digits or more (``_longest_at``).
    inner_ok = len(sizes) == 1 or sizes[0] >= 3
    if n == 17 and inner_ok and text[end:end + 1] in _X and _resident_id(digits + "X"):
        return Match(ID, start, end + 1, mask(digits + "X", 6, 4), key=digits + "X")
    if n in (15, 18) and inner_ok and text[end:end + 1] not in _X and _resident_id(digits):
        return Match(ID, start, end, mask(digits, 6, 4 if n == 18 else 3), key=digits)
    if 16 <= n <= 19 and _card_shape(sizes) and luhn_valid(digits):
        return Match(CARD, start, end, mask(digits, 4, 4), key=digits)
    prefix, core = digits[:-11], digits[-11:]
    if prefix not in _MOBILE_PREFIXES or core[0] != "1" or core[1] < "3":
        return None
    first = sizes[0] - len(prefix)  # digits of the mobile itself in the first group
    if 0 < first < 3 or len(sizes) > 1 and sizes[-1] < 3:
        return None
    if prefix.endswith("86") and start > 0 and text[start - 1] in "+\uff0b":
        start -= 1
    return Match(MOBILE, start, end, mask(core, 3, 4), key=core)


def _card_shape(sizes: list[int]) -> bool:
    """Written whole, or in groups of four (the last may be shorter)."""
    return len(sizes) == 1 or all(s == 4 for s in sizes[:-1]) and 1 <= sizes[-1] <= 4


def _in_hash(text: str, start: int, end: int) -> bool:
    """Inside a long hexadecimal token with letters in it (a commit id, a fingerprint)."""
    left, right = start, end
    while left > 0 and text[left - 1] in _ALNUM and start - left <= 64:
        left -= 1
    while right < len(text) and text[right] in _ALNUM and right - end <= 64:
        right += 1
    if left == start and right == end:
        return False
    token = text[left:right]
    return len(token) >= _HASH_TOKEN and all(c in _HEX for c in token) and not token.isdigit()


_FULL_WIDTH_ALNUM = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                              *range(0xFF41, 0xFF5B), 0xFF0D, 0xFF0E, 0xFF20)}
_ALNUM_CLASS = "0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
# "92" first: a literal start lets the engine jump; full-width forms need the slower class.
_CREDIT_CODE = re.compile(f"92[{_ALNUM_CLASS}]{{16}}(?![{_ALNUM_CLASS}])")
_ALNUM_WIDE = re.compile(f"[{_ALNUM_CLASS}]")
_CREDIT_CODE_WIDE = re.compile(f"[9\uff19][2\uff12][{_ALNUM_CLASS}]{{16}}(?![{_ALNUM_CLASS}])")


def _credit_codes(text: str) -> Iterator[Match]:
    pattern = _CREDIT_CODE_WIDE if "\uff19" in text or "\uff12" in text else _CREDIT_CODE
    for m in pattern.finditer(text):
        if m.start() and _ALNUM_WIDE.match(text, m.start() - 1):
            continue  # part of a longer code
        code = m.group().translate(_FULL_WIDTH_ALNUM).upper()
        if credit_code_valid(code):
            yield Match(CREDIT, m.start(), m.end(), mask(code, 4, 2), key=code)


PERSONAL_MAIL_DOMAINS = frozenset({
    "qq.com", "vip.qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "vip.163.com",
    "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "139.com", "189.cn", "wo.cn", "aliyun.com",
    "gmail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "yahoo.com", "yahoo.com.cn",
    "icloud.com", "me.com", "tom.com", "21cn.com",
})
# Around each "@", bounded: an unbounded local-part pattern would rescan a long run of letters
# from every position when no domain follows.
_LOCAL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}\Z")
_DOMAIN = re.compile(r"(?:[A-Za-z0-9\-]{1,63}\.){1,6}[A-Za-z]{2,24}(?![A-Za-z0-9\-])")


def _positions(text: str, *chars: str) -> list[int]:
    """Where any of ``chars`` occurs (str.find is far faster than a regex for one character)."""
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    return sorted(found)


def _emails(text: str) -> Iterator[Match]:
    for at in _positions(text, "@", "\uff20"):
        left = max(0, at - 64)
        window = text[left:at + 257].translate(_FULL_WIDTH_ALNUM)  # one for one: offsets hold
        here = at - left
        local = _LOCAL.search(window, 0, here)
        domain = _DOMAIN.match(window, here + 1)
        if local and domain and domain.group().lower() in PERSONAL_MAIL_DOMAINS:
            yield Match(EMAIL, left + local.start(), left + domain.end(),
                        local.group()[:1] + "***@" + domain.group(), key=(local.group() + "@" + domain.group()).lower())


# --- names --------------------------------------------------------------------------------------

# Frequent surnames; a few that are everyday function words (于, 应, 时, 和 …) are left out on
# purpose — after a role word they start ordinary sentences far more often than names.
SURNAMES = (
    "张王李赵刘陈杨黄周吴徐孙胡朱林何郭马罗梁宋郑谢韩唐冯董萧曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
    "薛叶阎余潘杜戴夏钟汪田任姜范石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙段雷钱汤尹黎"
    "易武乔贺赖龚"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容")
# Words that start with a surname character and often follow a role word.
_NOT_NAMES = (
    "陈述", "陈列", "陈旧", "张贴", "周边", "周围", "周末", "周期", "周内", "周岁", "许可", "许多", "许久",
    "马上", "马路", "马桶", "程序", "任何", "任务", "任意", "任职", "任期", "金额", "金融", "金属", "金钱",
    "文件", "常规", "易燃", "易发", "易于", "石材", "石块", "石油", "白天", "白色", "康复", "钱款", "钱财",
    "林业", "林地", "范围", "范本", "范例", "夏季", "夏天", "罗列", "何时", "何种", "何处", "何人", "何地",
    "曾经", "曾多", "曾在", "曾因", "曾于", "曾被", "曾向", "曾有", "曾与", "曾将", "余额", "余下", "余量",
    "杜绝", "陆续", "陆地", "顾客", "顾及", "雷电", "雷同", "董事", "郑重", "黄金", "黄色", "江河", "毛坯",
    "毛巾", "毛利", "叶片", "段落", "孔洞", "龙头", "秦岭", "贺电", "武装", "汤料", "田间", "田地", "戴好",
    "戴口罩", "乔迁", "黎明", "高度", "沈阳", "钟点", "钟表", "梁柱", "朱红", "苏州", "江苏", "史上", "谢绝",
    "宋体", "韩国", "胡乱", "孙子",
)
_CJK = "\u4e00-\u9fff\u3400-\u4dbf"


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """simplified character → every character that folds to it (traditional, variants)."""
    from .script.fold import table

    out: dict[str, set[str]] = {}
    for char, folded in table().items():
        out.setdefault(folded, {folded}).add(char)
    return {k: "".join(sorted(v)) for k, v in out.items()}


def _any_script(word: str) -> list[str]:
    """``word`` in every mix of scripts (当事人, 當事人 …): a branch of literals lets the regex
    engine jump to the characters that can start one, instead of trying each at every place."""
    variants = _variants()
    return ["".join(chars) for chars in itertools.product(*(variants.get(c, c) for c in word))]


def fold(text: str) -> str:
    """Traditional and variant characters as simplified, one for one (offsets stay valid)."""
    from .script.fold import fold as fold_text

    return fold_text(text) if not text.isascii() else text


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    variants = _variants()
    surnames = "".join(variants.get(c, c) for c in SURNAMES)
    roles = sorted({w for r in msg.NAME_ROLES for w in _any_script(r)}, key=len, reverse=True)
    compound = sorted({w for c in COMPOUND_SURNAMES for w in _any_script(c)})
    return re.compile(
        "(" + "|".join(map(re.escape, roles)) + r")(?:为|為|是|：|:)?[ \u3000]?"
        "((?:" + "|".join(compound) + "|[" + re.escape(surnames) + "])"
        f"[{_CJK}]{{1,2}})"
    )


def _surname_length(name: str) -> int:
    return 2 if fold(name[:2]) in COMPOUND_SURNAMES else 1


def looks_like_name(text: str) -> bool:
    """A surname and one or two more characters, not a 张某 and not a common word."""
    simplified = fold(text)
    surname = _surname_length(simplified)
    return (2 <= len(text) <= surname + 2 and "某" not in simplified
            and (surname == 2 or simplified[0] in SURNAMES)
            and all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in text)
            and not simplified.startswith(_NOT_NAMES))


def find_names(text: str, allowed: Collection[str] = ()) -> Iterator[Match]:
    """A person's full name right after a role word (当事人张三), i.e. not written as 张某.

    Names in ``allowed`` (the editors' reviewed ``public_names``) are not reported."""
    for m in _name_pattern().finditer(text):
        name = m.group(2)
        simplified = fold(name)
        if "某" in simplified or simplified.startswith(_NOT_NAMES) or is_listed(name, allowed):
            continue
        yield Match(NAME, m.start(2), m.end(2), mask_name(name, _surname_length(name)),
                    role=m.group(1), key=name)


def is_listed(name: str, allowed: Collection[str]) -> bool:
    """``name`` is one of ``allowed``, in either script; a match may run on past the name
    (负责人王建国到场 matches 王建国到)."""
    simplified = fold(name)
    return any(simplified.startswith(fold(a)) for a in allowed if len(a) >= 2)


def mask_name(name: str, surname_length: int = 1) -> str:
    return name[:surname_length] + "*" * max(len(name) - surname_length, 1)


def is_deidentified(counterpart: str) -> bool:
    """A case's counterpart is written as 张某 / 某公司: the 某 shows the name is withheld."""
    return "某" in fold(counterpart)


def find_all(text: str, allowed: Collection[str] = ()) -> list[Match]:
    """Every number and name in ``text``, in order, none overlapping."""
    matches = sorted([*find_numbers(text), *find_names(text, allowed)], key=lambda m: (m.start, -m.end))
    out: list[Match] = []
    for m in matches:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


def redact(text: str, allowed: Collection[str] = ()) -> str:
    """``text`` with every personal number, personal e-mail and role-name replaced by its mask:
    whatever ``check`` would flag is shown only masked."""
    out, pos = [], 0
    for m in find_all(text, allowed):
        out += [text[pos:m.start], m.masked]
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


# --- text as a reader sees it -------------------------------------------------------------------

# Inline elements: the text on both sides runs on when shown (1390533<b></b>1234 reads as one
# number), so they are removed. Other tags stay: their "<" and ">" already end a number or name.
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
                     "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
                     "time", "tt", "u", "var", "wbr"})
_INLINE_TAG = re.compile(r"</?(?:" + "|".join(sorted(_INLINE | {t.upper() for t in _INLINE}, key=len, reverse=True))
                         + r")\b[^<>\n]{0,2000}>")
# A line break written as a character reference is shown as the space it is (white space): so
# read, a number around it is seen, and the text keeps the lines of its source.
_LINE_BREAK_REFERENCE = re.compile(r"&(?:#0*1[03](?![0-9])|#[xX]0*[aAdD](?![0-9a-fA-F])|NewLine;)(?:(?<!;);)?")
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MARKDOWN_EMPHASIS = str.maketrans("", "", "*_~`")


def without_markup(text: str, markdown: bool = False) -> str:
    """``text`` as shown: comments and inline tags removed, character references decoded, and for
    Markdown its backslash escapes and emphasis marks dropped. Line breaks are kept, so line
    numbers stay those of the source (a tag written across lines is left as it is)."""
    if "<" in text:
        out, pos = [], 0
        while (start := text.find("<!--", pos)) >= 0:  # str.find: linear even when never closed
            end = text.find("-->", start + 4)
            end = len(text) if end < 0 else end + 3
            out += [text[pos:start], "\n" * text.count("\n", start, end)]
            pos = end
        out.append(text[pos:])
        text = _INLINE_TAG.sub("", "".join(out))
    if markdown:
        text = _MARKDOWN_ESCAPE.sub(r"\1", text).translate(_MARKDOWN_EMPHASIS)
    return html.unescape(_LINE_BREAK_REFERENCE.sub(" ", text)) if "&" in text else text


def warm_up() -> None:
    """Build the lazily made detectors now (before forking workers that all need them)."""
    _name_pattern()
