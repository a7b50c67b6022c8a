"""Unit tests of generator.privacy: checksums, detectors, masking and the absence of false alarms.

Valid numbers are computed here (conftest: resident_id, credit_code, luhn_complete) from the
published algorithms, independently of the code under test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import credit_code, luhn_complete, resident_id
from generator import privacy

ID = resident_id("11010519900307123")  # a valid GB 11643 number (fictional person)


def found(text: str) -> list[tuple[str, str, str]]:
    """(code, matched text, masked) of every number and name found in ``text``."""
    matches = list(privacy.find_numbers(text)) + list(privacy.find_names(text))
    return [(m.code, text[m.start:m.end], m.masked) for m in matches]


def codes(text: str) -> list[str]:
    return [code for code, _, _ in found(text)]


# --- checksums ---------------------------------------------------------------------------------

def test_resident_id_reference_example() -> None:
    assert resident_id("11010519491231002") == "11010519491231002X"  # the standard's own example
    assert privacy.resident_id_valid("11010519491231002X")
    assert privacy.resident_id_valid("11010519491231002x")


@pytest.mark.parametrize("wrong", [c for c in "0123456789X" if c != ID[-1]])
def test_resident_id_wrong_check_character(wrong: str) -> None:
    assert not privacy.resident_id_valid(ID[:17] + wrong)


def test_resident_id_found_only_with_valid_checksum() -> None:
    assert found(f"身份证号码{ID}。") == [("E601", ID, ID[:6] + "********" + ID[-4:])]
    invalid = ID[:17] + ("0" if ID[-1] != "0" else "1")
    assert found(f"身份证号码{invalid}。") == []


def test_resident_id_with_impossible_birth_date_is_not_an_id() -> None:
    number = resident_id("11010519901307123")  # month 13
    assert "E601" not in codes(number)


def test_resident_id_mask_hides_the_birth_date() -> None:
    (_, _, masked), = found(ID)
    assert ID[6:14] not in masked and masked.startswith("110105") and masked.count("*") == 8


def test_credit_code_reference_example() -> None:
    assert credit_code("91350100M000100Y4") == "91350100M000100Y43"  # a published example
    assert privacy.credit_code_valid("91350100M000100Y43")
    assert not privacy.credit_code_valid("91350100M000100Y44")


def test_individual_business_credit_code_is_found() -> None:
    code = credit_code("92370303MA3CX1234")
    assert found(f"统一社会信用代码{code}") == [("E602", code, code[:4] + "*" * 12 + code[-2:])]


def test_credit_code_typed_half_in_full_width_is_found() -> None:
    """An ASCII 9 and a full-width 2 (what an input method leaves when it switches midway)."""
    code = credit_code("92370303MA3CX1234")
    assert codes("信用代码9\uff12" + code[2:]) == ["E602"]


def test_credit_code_with_wrong_check_is_ignored() -> None:
    code = credit_code("92370303MA3CX1234")
    wrong = code[:17] + ("0" if code[-1] != "0" else "1")
    assert codes(wrong) == []


def test_company_credit_code_is_not_personal() -> None:
    """Codes that do not start with 92 identify organisations, not natural persons."""
    assert codes(credit_code("91370303MA3CX1234")) == []
    assert codes("机关统一社会信用代码 " + credit_code("11370303MB1234567")) == []


def test_luhn_reference_example() -> None:
    assert luhn_complete("7992739871") == "79927398713"
    assert privacy.luhn_valid("79927398713")
    assert not privacy.luhn_valid("79927398710")


@pytest.mark.parametrize("spacing", ["", " ", "-"])
def test_bank_card_is_found_with_or_without_separators(spacing: str) -> None:
    card = luhn_complete("621700123456789012")  # 19 digits
    written = spacing.join(card[i:i + 4] for i in range(0, len(card), 4))
    assert found(f"收款账户{written}。") == [("E604", written, card[:4] + "*" * 11 + card[-4:])]


def test_sixteen_digit_number_failing_luhn_is_not_a_card() -> None:
    card = luhn_complete("622202123456789")
    wrong = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert codes(wrong) == []


# --- mobiles and e-mail ------------------------------------------------------------------------

@pytest.mark.parametrize("written", [
    "13905331234", "139 0533 1234", "139-0533-1234", "+86 13905331234", "+8613905331234",
    "+86-139-0533-1234", "86 139 0533 1234",
])
def test_mobile_formats(written: str) -> None:
    assert found(f"联系电话：{written}。") == [("E603", written, "139****1234")]


@pytest.mark.parametrize("text", [
    "12345678901",  # 12x is not a mobile prefix
    "1390533123",  # 10 digits
    "139053312345",  # 12 digits
    "0533-6010001",  # landline
    "05331234567",  # landline without dash
    "12345",  # hotline
])
def test_not_mobiles(text: str) -> None:
    assert codes(text) == []


def test_personal_email_is_found_and_masked() -> None:
    assert found("材料请发 wangjianguo@qq.com") == [("E605", "wangjianguo@qq.com", "w***@qq.com")]
    assert found("邮箱 Zhang.Li@Gmail.COM") == [("E605", "Zhang.Li@Gmail.COM", "Z***@Gmail.COM")]


@pytest.mark.parametrize("address", ["xzzd@demo.gov.cn", "cgj@shiliqu.gov.cn", "office@example.org"])
def test_official_email_is_not_personal(address: str) -> None:
    assert codes(f"单位邮箱 {address}") == []


# --- names after role words --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "masked", "role"), [
    ("当事人王小明", "王小明", "王**", "当事人"),
    ("当事人为李四，", "李四", "李*", "当事人"),
    ("法定代表人：欧阳小明", "欧阳小明", "欧阳**", "法定代表人"),
    ("经营者张三丰表示认可", "张三丰", "张**", "经营者"),
])
def test_name_after_role_word(text: str, name: str, masked: str, role: str) -> None:
    matches = list(privacy.find_names(text))
    assert [(m.code, text[m.start:m.end], m.masked, m.role) for m in matches] == [("E607", name, masked, role)]


@pytest.mark.parametrize("text", [
    "当事人王某", "当事人王某甲、王某乙", "当事人陈述", "当事人陈述了事实", "经营者张贴了公示",
    "当事人周边", "负责人许可", "当事人未提出异议", "店主表示愿意整改",
])
def test_no_name_after_role_word(text: str) -> None:
    assert codes(text) == []


def test_mask_name() -> None:
    assert privacy.mask_name("王小明") == "王**"
    assert privacy.mask_name("欧阳小明", 2) == "欧阳**"
    assert privacy.mask_name("王") == "王*"  # never shows a name in full


def test_is_deidentified() -> None:
    assert privacy.is_deidentified("张某")
    assert privacy.is_deidentified("某水果店")
    assert not privacy.is_deidentified("王建国")
    assert not privacy.is_deidentified("示例区鲜果水果店")


# --- ordinary numbers in legal text raise nothing ----------------------------------------------

@pytest.mark.parametrize("text", [
    "备案号：示司备〔2024〕15号",
    "处以罚款5000元",
    "罚款 50000 元以上 100000 元以下",
    "监督电话 0533-6010001",
    "依照中华人民共和国行政处罚法第三十三条",
    "2024年5月1日起施行",
    "2024-03-01",
    "权责事项编码 370303000SC-XK-0001",
    "邮政编码 255000",
    "12345 政务服务便民热线",
    "示例区文昌路 88 号",
    "第4章第12条第3款",
    "文号 示政发〔2023〕1234号",
])
def test_ordinary_numbers_raise_nothing(text: str) -> None:
    assert found(text) == []


def test_all_kinds_in_one_text_with_offsets() -> None:
    mobile = "13905331234"
    text = f"身份证{ID}，手机{mobile}，邮箱 a1@163.com"
    result = list(privacy.find_numbers(text))
    assert [(m.code, text[m.start:m.end]) for m in result] == [
        ("E601", ID), ("E603", mobile), ("E605", "a1@163.com")]


def test_a_resident_id_is_not_also_reported_as_card_or_mobile() -> None:
    # 18 digits may also pass Luhn; the ID must win and be reported once
    for tail in range(100, 1000):
        number = resident_id(f"37030319850612{tail:03d}")
        if number[-1].isdigit() and privacy.luhn_valid(number):
            break
    else:  # pragma: no cover
        pytest.fail("no Luhn-valid ID found")
    assert codes(number) == ["E601"]


def test_mask_never_shows_the_whole_number() -> None:
    for text in (ID, "13905331234", luhn_complete("621700123456789012"), credit_code("92370303MA3CX1234")):
        (_, matched, masked), = found(text)
        assert masked != matched and "*" in masked


@pytest.mark.parametrize(("text", "code"), [
    ("联系电话１３９０５３３１２３４", "E603"),
    ("身份证" + ID.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")), "E601"),
], ids=["mobile", "resident-id"])
def test_full_width_digits_are_found(text: str, code: str) -> None:
    assert codes(text) == [code]


# --- written variants: one normalising pass finds them all ----------------------------------------

ID15 = "370303850612003"  # first generation: region 370303, born 1985-06-12


def _spaced(number: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(number[at:at + size])
        at += size
    return sep.join(parts)


@pytest.mark.parametrize(("text", "code", "key"), [
    (f"身份证 {_spaced(ID, (6, 8, 4), ' ')}", "E601", ID),
    (f"身份证 {_spaced(ID, (6, 4, 4, 4), '-')}", "E601", ID),
    (f"身份证{_spaced(ID, (6, 8, 4), chr(0x3000))}", "E601", ID),
    (f"身份证{_spaced(ID, (6, 8, 4), chr(0xA0))}", "E601", ID),
    (f"ID{ID}", "E601", ID),
    (f"身份证号{ID15}", "E601", ID15),
    (f"身份证号 {_spaced(ID15, (6, 6, 3), ' ')}", "E601", ID15),
    ("tel13812345678", "E603", "13812345678"),
    ("电话13812345678", "E603", "13812345678"),
    ("0086 138 1234 5678", "E603", "13812345678"),
    ("0086-13812345678", "E603", "13812345678"),
    ("+86 138 1234 5678", "E603", "13812345678"),
    ("8613812345678", "E603", "13812345678"),
    ("013812345678", "E603", "13812345678"),
    ("手机：１３８　１２３４　５６７８", "E603", "13812345678"),
    ("手机：１３８－１２３４－５６７８", "E603", "13812345678"),
    ("手机 138.1234.5678", "E603", "13812345678"),
    ("手机 138\u200b1234\u200b5678", "E603", "13812345678"),
    ("手机 138 - 1234 - 5678", "E603", "13812345678"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 8 else None)
def test_written_variants_are_found(text: str, code: str, key: str) -> None:
    matches = privacy.find_all(text)
    assert [(m.code, m.key) for m in matches] == [(code, key)], matches
    assert key not in matches[0].masked


def test_card_written_with_full_width_digits_and_spaces() -> None:
    card = luhn_complete("621700123456789012")
    written = "　".join(card[i:i + 4] for i in range(0, len(card), 4)).translate(
        str.maketrans("0123456789", "０１２３４５６７８９"))
    assert [(m.code, m.key) for m in privacy.find_all(f"账号{written}")] == [("E604", card)]


@pytest.mark.parametrize("text", [
    "370303851312003",  # 15 digits whose "birth date" has month 13
    "990303850612003",  # no province 99
    "2024-03-01 2024-04-01",  # two dates
    "2024.03.01-2024.03.31",
    "鲁ICP备12345678号-1",
    "鲁公网安备 37030302000123号",
    "网站标识码 3703030001",
    "0533-6010010-123",
    "0533 6010010",
    "(0533)6010010",
    "12345 0533-6010010",
    "GB/T 37668-2019、GB 11643-1999",
    "处罚金额 1 000 000 元",
    "第 1 2 3 4 5 6 7 8 9 0 1 条",
    "统一社会信用代码 " + credit_code("91370303MA3CX1234"),
    "文号 示政办发〔2024〕13号，2024年3月1日",
    "commit 3f1a9b13812345678c0d1e2f3a4b5c6d7e8f9a0b",
    "执法人员向当事人说明了依据；当事人曾多次参加培训，负责人任职以来",
    "执法人员陆续走访，消费者权益保护",
])
def test_realistic_non_personal_numbers_and_words_stay_clean(text: str) -> None:
    assert privacy.find_all(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("負責人王建國到場", "王建國"),  # traditional script
    ("某超市（负责人：李建国）", "李建国"),
    ("联系人 张伟", "张伟"),
])
def test_names_in_either_script(text: str, name: str) -> None:
    assert [m.key for m in privacy.find_names(text)][0].startswith(name)


def test_listed_public_names_pass_in_either_script() -> None:
    assert list(privacy.find_names("负责人王建国到场", allowed={"王建国"})) == []
    assert list(privacy.find_names("負責人王建國到場", allowed={"王建国"})) == []
    assert [m.key for m in privacy.find_names("负责人王建国、负责人李建国", allowed={"王建国"})] == ["李建国"]


def test_markup_that_splits_a_number_is_seen_through() -> None:
    for text in ("139<span>0533</span>1234", "139<!-- x -->05331234", "&#49;3905331234", "139\\-0533\\-1234",
                 "139**0533**1234"):
        view = privacy.without_markup(text, markdown=True)
        assert [m.code for m in privacy.find_all(view)] == ["E603"], (text, view)


def test_mobile_typed_as_a_number_is_not_restored_as_a_landline() -> None:
    from generator.model.columns import phone_from_number

    assert phone_from_number("13812345678") is None
    assert phone_from_number("5336010001") == "0533-6010001"
    assert phone_from_number("1062345678") == "010-62345678"


# --- no regular expression is super-linear ---------------------------------------------------------

HOSTILE = {
    "digits": "1" * 200_000,
    "digit-space": "1 " * 100_000,
    "digit-hyphen": "13-" * 70_000,
    "plus86": "+86 " * 50_000,
    "short-groups": "13 8" * 50_000,
    "mobiles": "13812345678 " * 17_000,
    "ideographic": "139\u3000" * 50_000,
    "at-signs": "a@" * 100_000,
    "letters-then-at": "a" * 200_000 + "@",
    "dots": "@" + "a." * 100_000,
    "roles": "当事人" * 70_000,
    "tags": "<span " * 40_000,
    "comments": "<!--" * 50_000,
    "entities": "&#49;" * 40_000,
}


def test_hostile_text_scans_in_linear_time() -> None:
    """Every detector and the markup view over 200 KB of hostile text, in a subprocess whose
    generous timeout is only a hang guard (quadratic patterns would take hours)."""
    import subprocess
    import sys

    script = (
        "import json, sys\n"
        "from generator import egress, privacy\n"
        "for name, text in json.load(sys.stdin).items():\n"
        "    privacy.find_all(text)\n"
        "    egress.scan_text(text, name='x.html')\n"
        "    privacy.without_markup(text, markdown=True)\n"
        "print('done')\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], input=json.dumps(HOSTILE).encode(), capture_output=True,
                          timeout=120, cwd=Path(__file__).parents[1])
    assert proc.returncode == 0 and proc.stdout.strip() == b"done", proc.stderr.decode()


def test_hostile_case_body_is_checked_without_hanging(make_repo) -> None:
    import fixtures
    from conftest import run_check

    body = "联系电话 " + "+86 1 3-8 " * 20_000 + "\n" + "0" * 100_000 + "\n"
    root = make_repo(case=fixtures.CASE + body)
    code, out, err = run_check(root)  # its own timeout (120 s) is the hang guard
    assert code in (0, 1) and "Traceback" not in out + err


def test_a_line_break_written_as_a_reference_reads_as_the_space_it_shows():
    """A browser shows &#10; as white space, so the number around it reads as one; the view
    keeps the lines of its source (an egress hit names the line it is on)."""
    text = "<p>a</p>\n<p>电话 139&#10;0533&#x0A;1234 与 &#100;</p>\n<p>b</p>"
    view = privacy.without_markup(text)
    assert view.count("\n") == text.count("\n")
    assert "139 0533 1234 与 d" in view
    assert [(m.code, m.key) for m in privacy.find_all(view)] == [("E603", "13905331234")]
