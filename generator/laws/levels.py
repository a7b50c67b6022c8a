"""Ranks of legal norms, the statuses of a version, and guessing a law's rank and issuer.

The guesses serve two places where nothing better is known: ``laws add`` writes them into a new
law's metadata stub (from the history lines, where 国务院令 or 全国人民代表大会 says it), and the
citation check judges whether a law missing from the library is of a rank the operator declared
complete (from the title alone). Both are marked as guesses where users see them.
"""

from __future__ import annotations

import re

LEVELS = ("法律", "行政法规", "部门规章", "地方性法规", "地方政府规章")
CURRENT, AMENDED, REPEALED, PENDING = "现行有效", "已修改", "已废止", "尚未施行"
STATUSES = (CURRENT, AMENDED, REPEALED, PENDING)

_PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
              "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南",
              "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏", "新疆")
_LOCAL = re.compile(r"^(?:" + "|".join(_PROVINCES) + r"|[^市省区县\s]{2,6}(?:省|自治区|自治州|市|县|区)(?!场|容|政|域))")
_NATIONAL = "中华人民共和国"


def is_local(title: str) -> bool:
    return not title.startswith(_NATIONAL) and bool(_LOCAL.match(title))


def level_from_title(title: str) -> str:
    """法律 for …法, 行政法规 for …条例, 部门规章 for …办法/规定 (地方… with a place name);
    "" for what is not a statute (standards, catalogues)."""
    local = is_local(title)
    if title.endswith("法") and not title.endswith("办法"):
        return "地方性法规" if local else "法律"
    if title.endswith("条例"):
        return "地方性法规" if local else "行政法规"
    if re.search(r"(办法|规定|细则|规则)$", title):
        return "地方政府规章" if local else "部门规章"
    return ""


# (words in a history line, level, issuer); the first that matches wins.
_HISTORY = (
    ("全国人民代表大会常务委员会", "法律", "全国人民代表大会常务委员会"),
    ("全国人民代表大会", "法律", "全国人民代表大会"),
    ("国务院令", "行政法规", "国务院"),
    ("国务院第", "行政法规", "国务院"),
    ("国务院发布", "行政法规", "国务院"),
    ("国务院关于", "行政法规", "国务院"),
    ("人民代表大会常务委员会", "地方性法规", ""),
    ("人民政府令", "地方政府规章", ""),
)
_DEPARTMENT_ORDER = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:部|总局|委员会|局|署|银行))令")


def guess(title: str, history: list[str]) -> tuple[str, str]:
    """(level, issuer) from the history lines, falling back on the title."""
    for line in history:
        for words, level, issuer in _HISTORY:
            if words in line:
                return level, issuer
    for line in history:
        match = _DEPARTMENT_ORDER.search(line)
        if match:
            return "部门规章", match.group(1)
    return level_from_title(title), ""
