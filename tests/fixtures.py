"""Small valid content files for the checker tests.

The fixture repository (see ``conftest.make_repo``) holds exactly these files plus a copy of the
real ``mkdocs.yml``. Together they pass ``python -m generator check`` with no finding at all, so
a test can make one small bad change and expect exactly the findings that change causes.

The text is fictional (示例区城市管理局) but written the way a department would write it.
Every line of these constants is meant to be unique enough for ``line_of`` to find it.
"""

from __future__ import annotations

CATALOG_PATH = "catalogs/demo.yaml"
CASE_PATH = "typical-cases/demo/demo-2024-01.md"

CATALOG = """\
# yaml-language-server: $schema=../generator/schema/catalog.schema.json
# 示例数据：示例区城市管理局行政指导事项目录清单（虚构，仅用于测试）
department:
  code: demo
  name: 示例区城市管理局
  short_name: 区城管局
  address: 示例区文昌路 99 号
  office_phone: 0533-6090001
  legal_office:
    name: 法制科
    phone: 0533-6090002
  reviewers: ["@demo-editors"]
  sample: true

items:
  - id: demo-001
    name: 户外招牌设置政策指引
    mode: policy_guidance
    stages: [事前]
    power_codes: ["370303000CG-XK-0001"]
    office: 市容景观科
    basis:
      - law: 城市市容和环境卫生管理条例
      - law: 优化营商环境条例
    subjects: 拟在本区临街建筑物外立面设置门头招牌的个体工商户和企业。
    situations: 经营者开业前或者更换门头招牌前，不清楚招牌的位置、尺寸、材质和安全要求的。
    content: |
      向经营者讲解本区户外招牌设置的基本规范，包括一店一招、与建筑立面协调、不遮挡窗户和消防设施等要求；
      提示招牌安装应当牢固，定期检查维护，台风和大风天气前做好加固。
      根据经营者提供的设计方案提出修改建议，帮助其一次设置到位，避免返工。
    procedure:
      - 经营者到政务服务窗口咨询，或者通过电话预约上门指导。
      - 工作人员说明指导的目的、依据和内容。
      - 查看设计方案或者现场情况，逐项讲解设置要求。
      - 经营者提出要求的，出具书面指导意见。
      - 记录指导情况并归档。
    rights:
      - 知情权：有权了解招牌设置规范的依据和具体要求。
      - 参与权：有权说明经营需要，提出意见和建议。
      - 自主选择权：可以自主决定是否采纳建议，不采纳的不影响其合法权益。
      - 救济权：对工作人员的行为有异议的，可以向本局或者示例区司法局投诉、举报。
    supervision_phone: 0533-6090010
    disclosure: 公开
    status: 有效
    effective_date: 2024-03-01
    review:
      unit: 示例区司法局
      date: 2024-02-20
      filing_no: 示司备〔2024〕31号

  - id: demo-002
    name: 店外超出门窗经营劝导警示
    mode: persuasion_warning
    stages: [事中]
    office: 市容秩序科
    basis:
      - law: 中华人民共和国行政处罚法
        article: 第三十三条第一款
    subjects: 在本区沿街从事经营活动的个体工商户和企业。
    situations: 巡查中首次发现经营者超出门窗和外墙摆放商品，且符合本局不罚清单适用条件的。
    content: 指出店外摆卖对通行和市容的影响，讲解相关规定，告知其符合不予处罚的条件，建议当场将商品收回店内，并提供店内陈列的改进建议。
    procedure:
      - 执法人员表明身份，告知发现的问题和相关规定。
      - 说明劝导警示的目的、依据和内容，听取经营者的陈述和申辩。
      - 对照不罚清单核实适用条件，依法作出不予行政处罚的决定。
      - 经营者提出要求的，出具书面指导意见；整改后回访核实。
    rights:
      - 知情权：有权了解问题所涉及的法律规定和不予处罚的适用条件。
      - 陈述申辩权：有权陈述事实和理由，执法人员应当听取并记录。
      - 自主选择权：可以自主决定是否采纳整改建议，不接受劝导的，不因此受到额外的不利对待。
      - 救济权：对执法过程中作出的行政行为不服的，可以依法申请行政复议或者提起行政诉讼。
    supervision_phone: '12345'
    disclosure: 公开
    status: 有效
    effective_date: 2024-04-01
    review:
      unit: 示例区城市管理局法制科
      date: 2024-03-15
      filing_no: 示司备〔2024〕32号
    no_penalty: [demo-bf-001]

no_penalty:
  - id: demo-bf-001
    field: 市容管理
    violation: 超出门窗和外墙摆卖商品或者进行其他经营活动
    violation_basis: 城市市容和环境卫生管理条例
    penalty_basis: 城市市容和环境卫生管理条例
    conditions:
      - 首次被发现
      - 未影响道路通行和周边居民生活
      - 经劝导后当场改正
    note: 本清单未列明的轻微违法行为，符合《中华人民共和国行政处罚法》第三十三条规定情形的，依法不予行政处罚。
"""

CASE = """\
---
# yaml-language-server: $schema=../../generator/schema/case.schema.json
id: demo-2024-01
title: 示例区某水果店超出门窗摆卖商品行政指导案
department: demo
items: [demo-002]
mode: persuasion_warning
month: 2024-06
region: 示例区
counterpart_kind: 个体工商户
counterpart: 某水果店
tags: [首违不罚, 市容管理]
sample: true
---

## 基本案情

2024年6月，执法人员在日常巡查中发现，示例区某水果店将十余箱水果摆放在店门外的人行道上销售。
经了解，该店开业不足一个月，此前未因同类问题受到处理，摆放的商品未造成行人通行困难。

## 指导过程

执法人员向经营者王某说明了本次指导的目的、依据和内容，告知其享有陈述、申辩的权利。
王某对发现的事实没有异议，表示愿意把商品收回店内，并请执法人员对店内陈列提出建议。

## 指导结果

王某当场将商品收回店内。经核实符合不罚清单所列条件，本局依法对该店不予行政处罚。

## 典型意义

本案以劝导代替处罚，帮助新开业的经营者了解规定、及时改正。不罚清单并未穷尽所有可以不予处罚的情形。
"""


def png(width: int = 2, height: int = 1, text: bytes = b"") -> bytes:
    """A valid RGB PNG (written here with zlib, no imaging library); ``text`` adds a tEXt
    chunk, the way cameras and editors leave a comment or an author's name in a picture."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + (chunk(b"tEXt", text) if text else b"") + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
