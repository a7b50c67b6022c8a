"""Simplified → traditional script (generator.script).

The table below is a reviewed list of legal and administrative phrases with the form a careful
Taiwan-standard legal editor writes (s2tw: Taiwan character forms, mainland vocabulary kept —
程序 stays 程序, 文件 stays 文件, 信息 stays 信息). OpenCC converts by phrase, longest match
from the left, so the table mixes single terms with whole sentences: a word can come out right
alone and wrong in context (不得采取, 申请回避, 是只读) and the other way round.
Phrases whose standard form we were not sure of (占用/佔用, 平台/平臺, 出台/出臺, 周岁/週歲,
编制/編製, 回复/回覆/回復, 身份/身分) are deliberately left out.

Every entry of ``overrides.yaml`` is tested too: its example sentence must give its ``expect``
and the phrase alone must give its ``hant``.
"""

from __future__ import annotations

import pytest

from generator.script import Converter, mark, overrides, plain

# (simplified, expected s2tw)
TERMS = [
    # administrative law and guidance
    ("行政指导", "行政指導"),
    ("行政处罚", "行政處罰"),
    ("行政复议", "行政復議"),
    ("行政诉讼", "行政訴訟"),
    ("行政许可", "行政許可"),
    ("行政强制", "行政強制"),
    ("行政检查", "行政檢查"),
    ("行政裁决", "行政裁決"),
    ("不予处罚", "不予處罰"),
    ("首违不罚", "首違不罰"),
    ("从轻处罚", "從輕處罰"),
    ("减轻处罚", "減輕處罰"),
    ("责令改正", "責令改正"),
    ("限期整改", "限期整改"),
    ("陈述申辩", "陳述申辯"),
    ("听证", "聽證"),
    ("告知书", "告知書"),
    ("意见书", "意見書"),
    ("建议书", "建議書"),
    ("提示函", "提示函"),
    ("备案审查", "備案審查"),
    ("合法性审查", "合法性審查"),
    ("法制机构", "法制機構"),
    ("权责清单", "權責清單"),
    ("事项编码", "事項編碼"),
    ("适用情形", "適用情形"),
    ("相对人", "相對人"),
    ("当事人", "當事人"),
    ("知情权", "知情權"),
    ("参与权", "參與權"),
    ("救济权", "救濟權"),
    ("自由裁量权", "自由裁量權"),
    ("营业执照", "營業執照"),
    ("食品经营许可", "食品經營許可"),
    ("统一社会信用代码", "統一社會信用代碼"),
    ("注销登记", "註銷登記"),
    ("吊销许可证", "吊銷許可證"),
    ("发布公告", "發布公告"),
    ("公布", "公布"),
    ("发展改革", "發展改革"),
    ("制定规范性文件", "制定規範性文件"),
    ("制度", "制度"),
    ("程序", "程序"),
    ("文件", "文件"),
    # 采 / 採
    ("采取措施", "採取措施"),
    ("采集信息", "採集信息"),
    ("采信证据", "採信證據"),
    ("政府采购", "政府採購"),
    # 复 / 複 / 復 / 覆
    ("复核", "複核"),
    ("复查", "複查"),
    ("复印件", "複印件"),
    ("复制", "複製"),
    ("重复", "重複"),
    ("恢复", "恢復"),
    ("复议", "復議"),
    ("答复", "答覆"),
    ("批复", "批覆"),
    # 征 / 徵
    ("征求意见", "徵求意見"),
    ("征收", "徵收"),
    ("特征", "特徵"),
    # 准 / 準
    ("标准", "標準"),
    ("批准", "批准"),
    ("准予", "准予"),
    ("准许", "准許"),
    ("核准", "核准"),
    ("不准", "不准"),
    ("准备", "準備"),
    ("不准确", "不準確"),
    # 系 / 係 / 繫
    ("系指", "係指"),
    ("确系", "確係"),
    ("系统", "系統"),
    ("关系", "關係"),
    ("联系", "聯繫"),
    # 回避 / 迴避
    ("回避", "迴避"),
    # 范 / 範, 后 / 後, 干 / 幹 / 乾, 里 / 裡, 台 / 颱
    ("范围", "範圍"),
    ("规范", "規範"),
    ("示范", "示範"),
    ("后果", "後果"),
    ("之后", "之後"),
    ("干部", "幹部"),
    ("干预", "干預"),
    ("干燥", "乾燥"),
    ("若干", "若干"),
    ("公里", "公里"),
    ("里程", "里程"),
    ("面积", "面積"),
    ("台风", "颱風"),
    # 账 / 帳
    ("账户", "帳戶"),
    ("账簿", "帳簿"),
    # 只 / 隻, 著 / 着
    ("只有", "只有"),
    ("一只", "一隻"),
    ("著作权", "著作權"),
    ("显著", "顯著"),
    ("着手", "著手"),
    # others
    ("冲突", "衝突"),
    ("出租", "出租"),
    ("松懈", "鬆懈"),
    ("郁金香", "鬱金香"),
    ("鉴定", "鑑定"),
    ("制作", "製作"),
    ("研制", "研製"),
    ("涂改", "塗改"),
    ("余额", "餘額"),
    ("游客", "遊客"),
    ("党委", "黨委"),
    ("种植", "種植"),
    ("朴素", "樸素"),
    # surnames in 某-form names
    ("范某", "范某"),
    ("余某", "余某"),
    ("于某", "于某"),
    ("涂某", "涂某"),
    ("朴某", "朴某"),
    ("岳某", "岳某"),
    ("党某", "党某"),
    ("种某", "种某"),
    ("郁某", "郁某"),
    ("游某", "游某"),
    ("余某某", "余某某"),
    # words ending in 于 / 余 / 范 / 种 before 某: the surname entries must not break them
    ("由于某些", "由於某些"),
    ("对于某公司", "對於某公司"),
    ("关于某事", "關於某事"),
    ("位于某区", "位於某區"),
    ("属于某类", "屬於某類"),
    ("其余某些", "其餘某些"),
    ("规范某企业", "規範某企業"),
    ("示范某区", "示範某區"),
    ("防范某类", "防範某類"),
    ("用于某项目", "用於某項目"),
    ("基于某种考虑", "基於某種考慮"),
    ("鉴于某公司已经改正", "鑑於某公司已經改正"),
    ("不少于某个数额", "不少於某個數額"),
    ("一种某类", "一種某類"),
    ("各种某些情形", "各種某些情形"),
    ("此种某类情形", "此種某類情形"),
    ("剩余某些", "剩餘某些"),
    ("上游某企业", "上游某企業"),
]

SENTENCES = [
    ("对首次违法且危害后果轻微并及时改正的，可以不予行政处罚。",
     "對首次違法且危害後果輕微並及時改正的，可以不予行政處罰。"),
    ("行政机关应当告知当事人依法享有的陈述、申辩、要求听证等权利。",
     "行政機關應當告知當事人依法享有的陳述、申辯、要求聽證等權利。"),
    ("当事人对行政处罚决定不服的，有权依法申请行政复议或者提起行政诉讼。",
     "當事人對行政處罰決定不服的，有權依法申請行政復議或者提起行政訴訟。"),
    ("复议机关维持原行政行为。", "復議機關維持原行政行為。"),
    ("责令当事人限期整改，并于十五个工作日内提交整改报告。",
     "責令當事人限期整改，並於十五個工作日內提交整改報告。"),
    ("执法人员不得少于两人，并应当主动出示执法证件。",
     "執法人員不得少於兩人，並應當主動出示執法證件。"),
    ("行政处罚决定书应当在七日内送达当事人。", "行政處罰決定書應當在七日內送達當事人。"),
    ("制定规范性文件应当进行合法性审查。", "制定規範性文件應當進行合法性審查。"),
    ("规范性文件应当自公布之日起三十日内报送备案审查。",
     "規範性文件應當自公布之日起三十日內報送備案審查。"),
    ("法制机构负责对草案进行合法性审查。", "法制機構負責對草案進行合法性審查。"),
    ("本办法所称行政指导，系指行政机关在法定职权范围内采取的非强制性行为。",
     "本辦法所稱行政指導，係指行政機關在法定職權範圍內採取的非強制性行為。"),
    ("行政指导不具有强制力，相对人可以自主决定是否接受。",
     "行政指導不具有強制力，相對人可以自主決定是否接受。"),
    ("行政机关不得因相对人拒绝接受行政指导而对其采取不利措施。",
     "行政機關不得因相對人拒絕接受行政指導而對其採取不利措施。"),
    ("行政指导不得采取强制手段。", "行政指導不得採取強制手段。"),
    ("不得采用欺骗手段。", "不得採用欺騙手段。"),
    ("保障行政相对人的知情权、参与权、表达权和监督权。",
     "保障行政相對人的知情權、參與權、表達權和監督權。"),
    ("申请人应当提交营业执照复印件和法定代表人的授权委托书。",
     "申請人應當提交營業執照複印件和法定代表人的授權委託書。"),
    ("食品经营许可证有效期届满需要延续的，应当提前提出申请。",
     "食品經營許可證有效期屆滿需要延續的，應當提前提出申請。"),
    ("统一社会信用代码由十八位阿拉伯数字或者大写英文字母组成。",
     "統一社會信用代碼由十八位阿拉伯數字或者大寫英文字母組成。"),
    ("企业歇业后未办理注销登记的，由登记机关责令改正。",
     "企業歇業後未辦理註銷登記的，由登記機關責令改正。"),
    ("项目经发展改革部门批准后方可开工建设。", "項目經發展改革部門批准後方可開工建設。"),
    ("区人民政府发布公告，公开征求意见。", "區人民政府發布公告，公開徵求意見。"),
    ("公开征求意见的期限一般不少于三十日。", "公開徵求意見的期限一般不少於三十日。"),
    ("权责清单实行动态调整，事项编码全省统一。", "權責清單實行動態調整，事項編碼全省統一。"),
    ("每个事项应当列明适用情形、实施依据和办理程序。",
     "每個事項應當列明適用情形、實施依據和辦理程序。"),
    ("准予行政许可的，应当自作出决定之日起十日内颁发证件。",
     "准予行政許可的，應當自作出決定之日起十日內頒發證件。"),
    ("未经批准，不准擅自改变房屋用途。", "未經批准，不准擅自改變房屋用途。"),
    ("数据不准确的，应当及时更正。", "數據不準確的，應當及時更正。"),
    ("当事人表示不准备申请听证。", "當事人表示不準備申請聽證。"),
    ("经复核，原处理意见维持不变。", "經複核，原處理意見維持不變。"),
    ("行政机关应当在收到意见之日起七日内书面答复。",
     "行政機關應當在收到意見之日起七日內書面答覆。"),
    ("依照法律规定采集信息，不得超出必要范围。", "依照法律規定採集信息，不得超出必要範圍。"),
    ("未取得采矿许可证擅自采矿的，责令停止开采。", "未取得採礦許可證擅自採礦的，責令停止開採。"),
    ("对合理的意见建议，值得采纳的应当采纳。", "對合理的意見建議，值得採納的應當採納。"),
    ("记者使用中文采访了当事人。", "記者使用中文採訪了當事人。"),
    ("发挥典型案例的示范作用。", "發揮典型案例的示範作用。"),
    ("案件办结之后，应当及时归档。", "案件辦結之後，應當及時歸檔。"),
    ("领导干部要带头尊法学法守法用法。", "領導幹部要帶頭尊法學法守法用法。"),
    ("药品应当存放在阴凉干燥处。", "藥品應當存放在陰涼乾燥處。"),
    ("养殖场距离水源地不足五公里。", "養殖場距離水源地不足五公里。"),
    ("运输车辆的行驶里程应当如实记录。", "運輸車輛的行駛里程應當如實記錄。"),
    ("违法建筑面积共计三百平方米。", "違法建築面積共計三百平方米。"),
    ("受台风影响，户外广告设施应当及时加固。", "受颱風影響，戶外廣告設施應當及時加固。"),
    ("罚款应当缴入指定账户。", "罰款應當繳入指定帳戶。"),
    ("只有在紧急情况下，才可以先行处置。", "只有在緊急情況下，才可以先行處置。"),
    ("这是只能由法律设定的处罚种类。", "這是只能由法律設定的處罰種類。"),
    ("查询页面是只读的，不能修改数据。", "查詢頁面是只讀的，不能修改數據。"),
    ("现场发现一只走失的宠物犬。", "現場發現一隻走失的寵物犬。"),
    ("侵犯著作权的复制品应当予以没收。", "侵犯著作權的複製品應當予以沒收。"),
    ("整改成效显著。", "整改成效顯著。"),
    ("各部门要着手清理过时的规范性文件。", "各部門要著手清理過時的規範性文件。"),
    ("随着改革的深入，审批事项逐步减少。", "隨著改革的深入，審批事項逐步減少。"),
    ("新旧规定发生冲突的，适用新的规定。", "新舊規定發生衝突的，適用新的規定。"),
    ("出租房屋应当依法办理登记备案。", "出租房屋應當依法辦理登記備案。"),
    ("涂改、出租、出借营业执照的，依法予以处罚。", "塗改、出租、出借營業執照的，依法予以處罰。"),
    ("不得因检查合格而松懈日常管理。", "不得因檢查合格而鬆懈日常管理。"),
    ("花卉市场销售的郁金香种球应当经过检疫。", "花卉市場銷售的鬱金香種球應當經過檢疫。"),
    ("涉案产品的外观特征与注册商标近似。", "涉案產品的外觀特徵與註冊商標近似。"),
    ("生产经营者应当执行国家标准和行业标准。", "生產經營者應當執行國家標準和行業標準。"),
    ("建立健全行政指导制度。", "建立健全行政指導制度。"),
    ("严格遵守法定程序。", "嚴格遵守法定程序。"),
    ("听证应当制作笔录，由当事人签字确认。", "聽證應當製作筆錄，由當事人簽字確認。"),
    ("执法人员与当事人有直接利害关系的，当事人有权申请回避。",
     "執法人員與當事人有直接利害關係的，當事人有權申請迴避。"),
    ("当事人认为执法人员与案件有利害关系的，可以提请回避。",
     "當事人認為執法人員與案件有利害關係的，可以提請迴避。"),
    # 系 meaning "is"
    ("经查，当事人系个体工商户，系首次违法。", "經查，當事人係個體工商戶，係首次違法。"),
    ("当事人系未成年人的，应当通知其监护人到场。", "當事人係未成年人的，應當通知其監護人到場。"),
    ("经核实，确系当事人所为。", "經核實，確係當事人所為。"),
    ("执法人员应当联系当事人，核实有关情况。", "執法人員應當聯繫當事人，核實有關情況。"),
    # surnames and the words around them
    ("当事人范某对违法事实供认不讳。", "當事人范某對違法事實供認不諱。"),
    ("当事人郁某对违法事实无异议。", "當事人郁某對違法事實無異議。"),
    ("经营者余某某及时整改。", "經營者余某某及時整改。"),
    ("当事人于某日在辖区内销售超过保质期的食品。", "當事人於某日在轄區內銷售超過保質期的食品。"),
    ("事故发生于某日凌晨。", "事故發生於某日凌晨。"),
    ("该公司注册于某地，实际经营地在本区。", "該公司註冊於某地，實際經營地在本區。"),
    ("由于某些经营者法律意识淡薄，违法行为时有发生。",
     "由於某些經營者法律意識淡薄，違法行為時有發生。"),
    ("对于某公司的违法行为，执法人员当场责令改正。",
     "對於某公司的違法行為，執法人員當場責令改正。"),
    ("关于某事项的答复", "關於某事項的答覆"),
    ("位于某区的门店已经停业。", "位於某區的門店已經停業。"),
    ("属于某类情形的，适用简易程序。", "屬於某類情形的，適用簡易程序。"),
    ("其余某些事项另行规定。", "其餘某些事項另行規定。"),
    ("依法规范某企业的经营行为。", "依法規範某企業的經營行為。"),
    ("在示范某区推行首违不罚。", "在示範某區推行首違不罰。"),
    ("有效防范某类风险。", "有效防範某類風險。"),
    ("账户余额不足的，不予办理。", "帳戶餘額不足的，不予辦理。"),
]


@pytest.fixture(scope="module")
def tw() -> Converter:
    return Converter("s2tw")


def test_table_is_large_enough():
    assert len(TERMS) + len(SENTENCES) >= 120
    phrases = [s for s, _ in TERMS + SENTENCES]
    assert len(phrases) == len(set(phrases)), "duplicate phrase in the table"


@pytest.mark.parametrize(("hans", "hant"), TERMS + SENTENCES, ids=[s for s, _ in TERMS + SENTENCES])
def test_s2tw(tw: Converter, hans: str, hant: str):
    assert tw.to_hant(hans) == hant


def test_a_remembered_conversion_is_the_conversion():
    """Short texts are converted once and remembered; asked again, alone or with a mark,
    each gives what converting it afresh inside a long text gives."""
    converter = Converter("s2tw")
    texts = [hans for hans, _ in TERMS + SENTENCES] + [mark("台湾", "臺灣") + "的账户", "账户"]
    padding = "。" * 200  # a long text is never remembered
    for _ in range(2):
        for text in texts:
            assert converter.to_hant(text) == converter.to_hant(text + padding)[:-200], text


def test_default_variant_is_s2tw():
    assert Converter().variant == "s2tw"
    assert Converter().to_hant("里面") == "裡面"


# --- the override dictionary ------------------------------------------------------------------

ENTRIES = overrides()


def test_override_entries_are_complete():
    for e in ENTRIES:
        assert set(e) == {"phrase", "hant", "why", "example", "expect"}, e
        assert all(isinstance(v, str) and v.strip() for v in e.values()), e
        assert e["phrase"] in e["example"], e
    phrases = [e["phrase"] for e in ENTRIES]
    assert len(phrases) == len(set(phrases)), "duplicate override phrase"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["phrase"] for e in ENTRIES])
def test_override_example(tw: Converter, entry: dict):
    assert tw.to_hant(entry["example"]) == entry["expect"]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["phrase"] for e in ENTRIES])
def test_override_phrase(tw: Converter, entry: dict):
    assert tw.to_hant(entry["phrase"]) == entry["hant"]


# OpenCC's s2t.json has no "segmentation" section; _config() must add one for our phrases.
VARIANTS = ["s2tw", "s2hk", "s2t"]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", ["范某", "余某", "于某", "涂某", "朴某", "岳某", "党某", "种某", "郁某", "游某"])
def test_surnames_in_every_variant(variant: str, name: str):
    assert Converter(variant).to_hant(f"当事人{name}签收了告知书").startswith(f"當事人{name}")


# --- author fixes, traditional sources, variants -----------------------------------------------


def test_inline_fix():
    c = Converter("s2tw")
    text = "保持{{干|乾}}爽"
    page = c.source(text)  # simplified source: the author's fix becomes a mark
    assert c.to_hant(page) == "保持乾爽"
    assert c.to_hans(page) == "保持干爽"
    assert plain(text) == "保持干爽"
    assert plain(page) == "保持干爽"
    # the fix holds only where it is written; the rest is converted as usual
    assert c.to_hant(c.source("干部应当保持{{干|乾}}爽")) == "幹部應當保持乾爽"


@pytest.mark.parametrize("variant", VARIANTS)
def test_inline_fix_in_every_variant(variant: str):
    c = Converter(variant)
    assert c.to_hant(c.source("{{干|乾}}")) == "乾"


def test_simplified_source_is_unchanged():
    c = Converter("s2tw")
    assert c.source("行政指导") == "行政指导"
    assert c.source("行政指导", "zh-Hans") == "行政指导"
    assert c.source("保持{{干|乾}}爽") == "保持" + mark("干", "乾") + "爽"


def test_traditional_source_keeps_authors_text():
    c = Converter("s2tw")
    original = "經查，當事人係首次違法，依法發布公告，並於十五個工作日內完成整改。"
    page = c.source(original, "zh-Hant")
    assert c.to_hant(page) == original
    assert c.to_hans(page) == "经查，当事人系首次违法，依法发布公告，并于十五个工作日内完成整改。"
    assert plain(page) == c.to_hans(page)


def test_traditional_source_with_author_fix():
    c = Converter("s2tw")
    page = c.source("倉庫應當保持{{干|乾}}燥", "zh-Hant")
    assert c.to_hant(page) == "倉庫應當保持乾燥"
    assert c.to_hans(page) == "仓库应当保持干燥"


def test_hong_kong_traditional_source():
    c = Converter("s2hk")
    original = "檔案裏面的資料"
    page = c.source(original, "zh-Hant")
    assert c.to_hant(page) == original
    assert c.to_hans(page) == "档案里面的资料"


@pytest.mark.parametrize(
    ("hans", "hk", "tw"),
    [
        ("里面", "裏面", "裡面"),
        ("这里", "這裏", "這裡"),
        ("着手", "着手", "著手"),
        ("面粉", "麪粉", "麵粉"),
    ],
)
def test_hong_kong_and_taiwan_forms(hans: str, hk: str, tw: str):
    assert Converter("s2hk").to_hant(hans) == hk
    assert Converter("s2tw").to_hant(hans) == tw


def test_s2t_writes_old_forms():
    assert Converter("s2t").to_hant("为了公众，里面") == "爲了公衆，裏面"
    # the override dictionary is first in the s2t chain too
    assert Converter("s2t").to_hant("当事人有权申请回避，不准拖延") == "當事人有權申請迴避，不准拖延"


@pytest.mark.parametrize("variant", VARIANTS)
def test_vocabulary_is_kept(variant: str):
    # s2twp would give 程式、檔案、登出; the allowed variants keep the legal words
    assert Converter(variant).to_hant("程序 文件 注销").split() == ["程序", "文件", "註銷"]


@pytest.mark.parametrize("variant", ["s2twp", "s2hkp", "zh-tw", "", "t2s"])
def test_unsupported_variant(variant: str):
    with pytest.raises(ValueError):
        Converter(variant)


# --- generated tables, context rule, variant tables, identity -----------------------------------

def test_generated_tables_are_up_to_date():
    """boundaries.tsv and context-words.txt are what ``python -m generator.script`` writes from
    the pinned OpenCC and jieba and the reviewed files: regenerate after changing those."""
    from generator.script import boundaries, boundary_table, context, word_ends_table

    assert context.generate() == context.WORDS.read_text(encoding="utf-8")
    assert boundary_table() == boundaries.TABLE.read_text(encoding="utf-8")
    assert word_ends_table() == boundaries.ENDS_TABLE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("hans", "hant"), [
    ("对表现良好的", "對表現良好的"),  # 对表 "set a watch" takes 表 from 表现
    ("可以向应急管理部门报告", "可以向應急管理部門報告"),  # 向应 → 嚮應
    ("危害因素发生变化", "危害因素發生變化"),  # 素发 → 素髮
    ("对表格内容进行核对", "對表格內容進行核對"),
    # the mirror class: a word OpenCC does not list loses its end to a phrase (word-ends.tsv)
    ("应当按照规定制定应急预案", "應當按照規定制定應急預案"),  # 规|定制|定 → 規定製定
    ("按规定制作台账", "按規定製作臺帳"),  # after the cut OpenCC goes on as usual: 制作 → 製作
    ("依照本法规定准予登记", "依照本法規定准予登記"),  # 规|定准 → 規定準予
    ("不满十四周岁的未成年人", "不滿十四週歲的未成年人"),
    ("与法律相抵触的", "與法律相牴觸的"),  # 相抵 is no cut word: the model reads 相|抵触
])
def test_word_boundaries(tw: Converter, hans: str, hant: str):
    assert tw.to_hant(hans) == hant


def test_boundary_entries_start_with_an_opencc_phrase_and_end_with_a_word():
    from generator.script import boundaries

    rows = boundaries.entries()
    assert len(rows) > 1000
    for text, hant, phrase, word in rows:
        overlap = len(phrase) + len(word) - len(text)
        assert 0 < overlap < len(phrase) and text == phrase + word[overlap:], text
        assert len(hant) == len(text)


def test_cut_words_end_inside_an_opencc_phrase():
    from generator.script import boundaries, opencc_data

    rows = boundaries.end_entries()
    phrases = opencc_data.phrases()
    assert len(rows) > 1000
    for word, hant, phrase in rows:
        assert phrase in phrases and word not in phrases and len(hant) == len(word), word
        assert any(word.endswith(phrase[:k]) for k in range(1, len(phrase))), word


@pytest.mark.parametrize(("hans", "hant"), [
    ("当事人系个体工商户", "當事人係個體工商戶"),
    ("经查确系初次违法", "經查確係初次違法"),
    ("本办法所称行政指导，系指", "本辦法所稱行政指導，係指"),
    ("该合同系于某日签订", "該合同係於某日簽訂"),
    ("该主体系依法设立的企业", "該主體係依法設立的企業"),
    ("该同学系本校学生", "該同學係本校學生"),
    ("物品系当事人所有", "物品係當事人所有"),
    ("当事人是否系故意", "當事人是否係故意"),
    ("驾驶人未按规定系安全带", "駕駛人未按規定繫安全帶"),
    # 系 inside words keeps OpenCC's form
    ("系统 关系 联系 体系 系列 一系列 派系 院系 维系 中文系 系数 太阳系",
     "系統 關係 聯繫 體系 系列 一系列 派系 院系 維繫 中文系 係數 太陽系"),
    ("确系统一采购的", "確係統一採購的"),
    ("上述关系系指", "上述關係係指"),
])
def test_xi_meaning_is(tw: Converter, hans: str, hant: str):
    assert tw.to_hant(hans) == hant


def test_context_rule_leaves_marks_alone(tw: Converter):
    # an author's own form wins over the rule
    assert tw.to_hant(tw.source("当事人{{系|繫}}个体工商户")) == "當事人繫個體工商戶"


@pytest.mark.parametrize(("variant", "hans", "hant"), [
    ("s2tw", "账户 帐户 账号 台账 记账 家具 占用 侵占 水污染", "帳戶 帳戶 帳號 臺帳 記帳 家具 占用 侵占 水污染"),
    ("s2hk", "账户 帐户 账号 台账 记账 家具 占用 帐篷", "賬户 賬户 賬號 台賬 記賬 家具 佔用 帳篷"),
    ("s2t", "账户 帐户 账号 台账 记账 帐篷", "賬戶 賬戶 賬號 臺賬 記賬 帳篷"),
])
def test_one_spelling_per_family(variant: str, hans: str, hant: str):
    assert Converter(variant).to_hant(hans) == hant


def test_variant_table_leaves_authors_traditional_text_alone():
    c = Converter("s2tw")
    assert c.to_hant(c.source("銀行賬戶和傢俱", "zh-Hant")) == "銀行賬戶和傢俱"


def test_identity_changes_with_every_table(monkeypatch, tmp_path):
    import generator.script as script

    before = Converter("s2tw").identity
    assert Converter("s2hk").identity != before
    for i, table in enumerate(script.TABLES):
        copy = tmp_path / f"{i}-{table.name}"
        copy.write_bytes(table.read_bytes() + b"\n# changed\n")
        tables = list(script.TABLES)
        tables[i] = copy
        monkeypatch.setattr(script, "TABLES", tuple(tables))
        assert Converter("s2tw").identity != before, table.name
        monkeypatch.setattr(script, "TABLES", tuple(script.TABLES[:i]) + (table,) + tuple(script.TABLES[i + 1:]))
    assert Converter("s2tw").identity == before


def test_search_page_example_shows_both_scripts_on_both_sites():
    """The search page says that 發展 and 发展 find the same: the traditional site must not turn
    the simplified example into 發展 as well."""
    from pathlib import Path

    from generator import checks
    from generator.outputs.pages import render
    from generator.view import PublishedView

    root = Path(__file__).parents[1]
    result, settings, _ = checks.run(root)
    c = Converter(settings.hant_variant)
    page = next(p for p in render.render(PublishedView.of(result.content, settings, converter=c))
                if p.path == "search.md")
    assert "输入“發展”与“发展”结果相同" in c.to_hans(page.body)
    assert "輸入“發展”與“发展”結果相同" in c.to_hant(page.body)
