"""Every sentence the checker says, in simplified Chinese.

One line per finding: what is wrong, then what to do. Codes are stable: CONTRIBUTING.md
explains each one, and tests pin them. Keep the wording plain — department editors are not
programmers.
"""

MESSAGES: dict[str, str] = {
    # E1xx — the file itself: encoding, YAML syntax, limits
    "E101": "文件不是 UTF-8 编码{guess}。请另存为 UTF-8：VS Code 点击右下角编码名称→“通过编码保存”→UTF-8；记事本用“另存为”，编码选 UTF-8。",
    "E102": "YAML 格式错误：{hint}",
    "E103": "这一行用 Tab 键缩进，YAML 只允许空格。请把行首的 Tab 换成空格（每层两个空格）。",
    "E104": "字段“{key}”重复出现（第 {first} 行已有）。请删除或合并其中一个。",
    "E105": "文件大小 {size}，超过上限 {limit}。请检查是否误粘贴了大段内容或其他文件。",
    "E106": "YAML 锚点和别名（& 和 *）展开过多或嵌套过深，无法安全读取。请不要使用锚点和别名，直接写出内容。",
    "E107": "不支持 YAML 标签“{tag}”。请删除以 ! 开头的标记，直接写值。",
    "E108": "一个文件只能有一份内容，这里出现了第二个“---”。请删除多余的“---”。",
    "E109": "典型案例文件必须以单独一行“---”开头，写完案例信息后再用单独一行“---”结束，然后才是正文。",
    "E111": "文件是空的，或最外层不是“字段: 值”的形式。请参照示例文件填写。",
    "E112": "文件中的值太多（超过 {limit} 个），无法安全读取。一个部门的目录清单通常只有几千个值：请检查是否误粘贴了表格或其他文件的内容。",
    "E113": "这是一个符号链接（快捷方式），不是文件本身。内容文件夹中的链接不会被读取，也不会发布：链接指向的内容没有经过审查。请把它换成文件本身，或删除。",
    "W110": "这里不是内容文件的位置：catalogs/ 下只放 <部门代码>.yaml，typical-cases/ 下放 <部门代码>/<案例编号>.md。请移走或改名，否则不会发布。",
    # E2xx — fields: required, types, allowed values, formats
    "E201": "缺少必填字段 {field}（{label}）。",
    "E202": "{label}应为{expected}，这里是{actual}。{hint}",
    "E203": "{label}“{value}”不是允许的值。可选：{allowed}。",
    "E204": "{label}“{value}”格式不对。{rule}",
    "E205": "未知字段“{key}”。{suggestion}此处允许的字段：{allowed}。",
    "E206": "{label}不能为空。",
    "E207": "{label}“{value}”不是有效的日期。请写成 2024-03-01 这样的真实日期。",
    "E208": "{label}中有重复的值，请删除重复项。",
    # E3xx — identifiers and references
    "E301": "编号“{id}”重复：{other} 已经使用。每个编号在整个仓库中只能出现一次，请换一个未使用的编号。",
    "E302": "关联事项“{id}”不存在。请核对编号，或先在 catalogs/ 中添加该事项。",
    "E303": "不罚清单条目“{id}”在本部门文件的 no_penalty 中不存在。请核对编号。",
    "E304": "部门代码“{code}”没有对应的目录文件 catalogs/{code}.yaml。请核对部门代码。",
    "E305": "文件名应与部门代码一致：部门代码是“{code}”，文件应命名为 {expected}。",
    "E306": "编号“{id}”应以本部门代码“{code}-”开头。",
    "E307": "指导方式为“{mode}”的事项必须在 no_penalty 中关联至少一条本部门不罚清单条目。",
    "E308": "案例放错了文件夹：部门代码是“{code}”，文件应放在 typical-cases/{code}/ 下。",
    "E309": "案例编号“{id}”与文件名不一致，文件应命名为 {expected}。",
    "E310": "关联事项“{id}”不予公开，公开的案例不能关联它。请删除该关联。",
    "E311": "部门代码“{code}”与网站的固定页面 {page} 同名，那个页面会被覆盖。请另选一个部门代码（2 到 20 位英文小写字母或数字，以字母开头，如部门名称的拼音首字母），文件名和各编号的开头随之改为新代码。",
    "W301": "不罚清单条目“{id}”没有被任何事项引用。请在对应劝导警示事项的 no_penalty 中加上它，或删除该条目。",
    # E4xx — openness: what the public must be able to read
    "E401": "{label}只写了“{value}”，这不是实际内容。{need}",
    "E402": "不予公开（{ground}）的事项必须在 exemption_reason 中写明不予公开的理由。",
    "E403": "{label}写的是“{value}”，要读者去看附件；网站不发布附件，公众只能读到这里写的文字。{need}",
    "E404": "{label}“{value}”没有说出是哪一部法律法规。{need}",
    "E405": "{label}只有 {count} 个字（“{value}”），说不清指导什么、怎么指导。{need}",
    "W403": "公开事项不需要 exemption_reason。请删除该字段，或核对公开属性。",
    "W404": "审查日期 {review} 晚于生效日期 {effective}。合法性审查应在事项生效前完成，请核对日期。",
    # W5xx — voluntariness
    "W501": "这里读起来像强制：“{phrase}”。行政指导以相对人自愿为前提，不得强制或变相强制，请改为建议、提示的说法。",
    # E6xx — personal data (the matched text is always masked)
    "E601": "疑似居民身份证号码 {masked}。公开内容不得包含身份证号，请删除。",
    "E602": "疑似个体工商户的统一社会信用代码 {masked}，可识别到个人。请删除，或写作“某个体工商户”。",
    "E603": "疑似手机号码 {masked}。请删除；需要联系方式时，填写单位办公电话。",
    "E604": "疑似银行卡号 {masked}。请删除。",
    "E605": "疑似个人电子邮箱 {masked}。请删除，或改用单位公务邮箱。",
    "E606": "相对人称谓“{masked}”没有去标识化。自然人写作“张某”（同姓写“张某甲”“张某乙”），单位写作“某公司”“某餐饮店”。",
    "E607": "疑似未去标识化的人名“{masked}”{context}。人名请写作“姓+某”，如“张某”；确需公开的姓名（如依职务公开的公职人员），在 public_names 中列出并写明理由，由法制机构审查。",
    "E608": "案例标题中没有相对人称谓“{counterpart}”。标题应写成“地区+去标识化的相对人+事由+行政指导案”，相对人照 counterpart 的写法，不写真实名称或姓名。",
    "E609": "文件或文件夹的名称中疑似有{what}“{masked}”。文件名同样会公开，请改名（用编号命名），不要把个人信息写进文件名。",
    # E66x — what the generator wrote (the scan of the built site before it replaces the old one)
    "E660": "生成的文件 {output}（第 {line} 行，共 {files} 个文件）中有疑似{what}“{masked}”，{source}。网站没有更新，原有的网站保持原样。请删除内容中的个人信息后重新生成。",
    # E7xx — markup that could run in a reader's browser
    "E701": "含有可以执行脚本的内容：{what}。公开网页不允许脚本、内嵌框架和 javascript: 链接，发布时会被删除，请删除。",
    "E702": "正文中的 HTML 标签 {what} 不能使用，发布时会被去掉（其中的文字保留）。请改用 Markdown 的标题、段落、列表、表格、加粗等格式（见 CONTRIBUTING.md 6.3 节）。",
    "E703": "正文中的 {what} 不能使用，发布时会被去掉。请删除：网页的字体、颜色和版式由网站统一设置。",
    "E704": "链接地址不能使用：{what}。链接只能指向本站页面，或以 https://、mailto:（邮箱）、tel:（电话）开头；对方网站只有 http:// 地址时，请把网址写成文字，不做链接。",
    "E705": "引用了其他网站的图片或媒体：{what}。读者打开网页时会向那个网站发出请求（泄露访问记录，内网读者也看不到），发布时会被去掉。请把图片文件放在本案例所在的文件夹中，用 ![说明](文件名.jpg) 引用；视频、音频请改为 https:// 链接。",
    "E706": "图片“{what}”在本案例所在的文件夹中不存在，发布时会被去掉。请把图片文件放在 typical-cases/<部门代码>/ 下，用 ![说明](文件名.jpg) 引用，并核对文件名（区分大小写）。",
    "E707": "正文嵌套过深或 HTML 标签过多，无法安全生成网页。请检查这里是否误粘贴了大段内容；列表和引用不要嵌套超过几层。",
    "E708": "图片文件不能发布：{detail}。",
    "W701": "“{text}”是属性列表写法，网站不支持，会原样显示在网页上。请删除。",
    "W702": "这个图片文件没有被任何案例引用，不会发布。请在本部门案例的正文中用 ![说明](文件名) 引用它，或删除这个文件。",
    # E8xx — site settings in mkdocs.yml
    "E801": "网站设置有误：{detail}",
    "E802": "繁体转换方案“{variant}”不能使用：s2twp 会改写法律用语（程序→程式、文件→檔案、注销→登出）。请改为 s2tw、s2hk 或 s2t。",
    "E803": "指导方式代码“{code}”与网站的固定页面 {page} 同名，那个页面会被覆盖。请在 mkdocs.yml 的 extra.modes 中另选一个代码（英文小写字母和下划线），并运行 python -m generator schema 更新编辑器提示。",
    "W801": "编辑器提示用的 {path} 与 mkdocs.yml 中的指导方式不一致。请运行 python -m generator schema 更新。",
    "W802": "代码所有者文件 {path} 已过期，与目录清单中的审核人（department.reviewers）或 mkdocs.yml 的 extra.legal_office_reviewers、extra.maintainer_reviewers 不一致，合并请求可能没有送给正确的审查人。请运行 python -m generator codeowners 更新，并与本次修改一起提交。",
    # E9xx — legal basis: the statute library (laws/) and the citations checked against it
    "E901": "法规文本无法可靠使用：{detail}引用它的条款可能无法正确核对。请对照国家法律法规数据库中的正式文本改正这个文件。",
    "W902": "法规文本：{detail}",
    "E903": "法规信息文件有误：{detail}",
    "W904": "这个法规文本没有在任何法规信息文件（同一文件夹中 <简称>.yaml 的 versions）中登记，检查和网站不会使用它。请用 python -m generator laws add 加入法规库，或删除这个文件。",
    "W905": "《{law}》不在法规库（laws/）中，无法核对条款和条文（共 {count} 处引用，这里是第一处）。{suggestion}名称无误的，请网站运维人员用 python -m generator laws add 把它的正式文本加入法规库。",
    "E906": "《{law}》{level}，而网站设置（mkdocs.yml 的 extra.laws_complete_levels）要求{levels}全部收入法规库（laws/），库中却没有它（共 {count} 处引用，这里是第一处）。{suggestion}名称无误的，请网站运维人员用 python -m generator laws add 把它的正式文本加入法规库。",
    "E907": "《{law}》（{version} 版）{missing}。请对照正式文本核对条款。",
    "E908": "条文内容与《{law}》{label}的正式文本（{version} 版）不一致：{diff}{hint}请按正式文本逐字改正；只引用其中一部分时，用“……”标出省略的地方。",
    "E909": "《{law}》已废止{replacement}，不能再作为依据。请改为引用现行有效的规定。",
    "W910": "引用的是《{law}》{version} 版，这个版本已被 {newer} 版{how}。请核对新版本的条款和条文，改为引用现行版本（不写版本即为现行版本）。",
    "W911": "{label}的条文内容与 {other} 处的引文不同。同一条文的引文应当一字不差：请对照正式文本，统一两处引文。",
    "W912": "法律法规名称不要加书名号：网站会自动加上《》，写了会显示成《《…》》。请删去书名号。",
    "W913": "条款“{value}”的写法无法识别，无法核对。请写成“第三十三条”“第三十五条第一款”“第九条第三项”这样的形式，几条之间用顿号隔开，如“第三十三条、第三十四条”。",
    "W914": "写了条文内容，但没有写条款（article），无法核对条文。请补上条款，如“第三十三条第一款”。",
}

# What E701–E705 name (the markup the sanitizer removes from a case body).
MARKUP_WHAT = {
    "tag": "<{tag}> 标签",
    "element": "<{tag}>",
    "event": "{name}= 事件属性",
    "scheme": "{scheme}: 链接",
    "http": "http: 链接（请改用 https:）",
    "root": "以 / 开头的地址 {value}",
    "style": "<{tag}> 的 style 属性",
    "css_url": "style 中的 url()",
    "attribute": "<{tag}> 的 {name} 属性",
    "class": "<{tag}> 的 class=\"{value}\"",
    "remote_element": "<{tag}>（{host}）",
    "remote_attribute": "<{tag}> 的 {name}（{host}）",
}
# Why an image file beside the cases cannot be published (E708).
MEDIA_PROBLEMS = {
    "name": "文件名只能用英文字母、数字、短横线和下划线（如 shop-front.jpg），不能有空格和汉字",
    "size": "文件大于 {limit} MB，请缩小图片后再放入",
    "content": "文件内容不是完整的 {suffix} 图片（可能是改了扩展名，或文件已损坏）",
}

# The output-boundary check (generator/htmlguard.py): a built page holds what it may not.
UNSAFE_OUTPUT = "{source}: 生成的网页 {page} 中有不允许的内容：{what}"
UNSAFE_OUTPUT_WHAT = {
    "markup": "无法识别的标记 {text}",
    "element": "<{name}> 元素",
    "attribute": "<{name}> 的 {attribute} 属性",
    "repeated": "<{name}> 的 {attribute} 属性重复",
    "css_url": "<{name}> 的 {attribute} 中的 url()",
    "url": "<{name}> 的 {attribute}=\"{value}\"",
    "script_content": "<script> 元素中有脚本内容",
    "title_markup": "<title> 中有标记",
    "no_policy": "<head> 中没有 Content-Security-Policy",
    "policy_late": "Content-Security-Policy 不在页面开头",
}
UNSAFE_OUTPUT_END = "没有发布网站：生成的网页没有通过安全检查，{out} 保持原样。这是生成程序或模板的问题（或内容绕过了检查），不是编辑能改正的，请把上面的信息交给网站维护人员。"

# Shown after the findings.
SUMMARY = "{errors} 个错误，{warnings} 个警告，共检查 {files} 个文件。"
SUMMARY_CLEAN = "检查通过：{files} 个文件，没有发现问题。"

TYPE_NAMES = {
    "string": "文本",
    "array": "列表（每项一行，以“- ”开头）",
    "object": "一组字段",
    "boolean": "true 或 false",
    "null": "空值",
    "integer": "整数",
    "number": "数字",
}

TYPE_HINTS = {
    ("string", "boolean"): "YAML 把 yes/no/true/false 读作是非值，如要写文字请加引号。",
    ("string", "object"): "文字中的“: ”（冒号加空格）会被当作字段，请给整段文字加上引号，或使用 | 写成多行文本。",
    ("array", "string"): "请写成列表：每项另起一行，以“- ”开头。",
    ("string", "array"): "这里只需要一段文字，不要以“- ”开头。",
}

ENCODING_GUESS = "（看起来是 {name} 编码，Windows 中文版编辑器常默认用它保存）"

# Libyaml's English problem text → what an editor should do about it.
YAML_HINTS: list[tuple[str, str]] = [
    ("mapping values are not allowed", "这一行的冒号位置不对：可能缩进没有对齐，或文字中有“: ”（冒号加空格）。请对齐缩进，或给整段文字加上引号。"),
    ("could not find expected ':'", "缺少冒号“:”，或上一行的引号没有闭合。字段要写成“字段名: 值”，冒号用英文半角并在后面加一个空格。"),
    ("did not find expected key", "缩进没有对齐：同一层的字段必须左端对齐，请检查这一行和上一行的空格数。"),
    ("did not find expected '-' indicator", "列表缩进没有对齐：同一列表的每一项“- ”必须左端对齐。"),
    ("expected <block end>", "缩进没有对齐：这一行比同一层的其他行多或少了空格。"),
    ("found unexpected end of stream", "文件在引号中间结束了：请检查引号是否成对，文件是否完整。"),
    ("while scanning a quoted scalar", "引号没有闭合：请检查这段文字开头和结尾的引号是否成对。"),
    ("found unknown escape character", "双引号中的反斜杠“\\”有特殊含义：请改用单引号，或写成“\\\\”。"),
    ("found undefined alias", "使用了未定义的别名“*”：请直接写出内容。"),
    ("found character '\\t'", "这里有 Tab 字符：YAML 只允许用空格缩进和分隔。"),
    ("special characters are not allowed", "文件中有不可见的控制字符：请删除（常见于从其他软件复制粘贴的内容）。"),
    ("found character that cannot start any token", "这一行以 YAML 的特殊符号开头（如 @、`、%）：请给整段文字加上引号。"),
    ("while parsing a flow", "方括号或花括号没有闭合：请检查 [ ] 或 { } 是否成对。"),
    ("while scanning an anchor", "“&”后面的内容不合规则：如果是文字，请加上引号。"),
    ("while scanning an alias", "“*”后面的内容不合规则：如果是文字，请加上引号。"),
]
YAML_HINT_FALLBACK = "无法读取这一行（解析器提示：{detail}）。请对照示例文件检查缩进、冒号和引号。"
FULLWIDTH_COLON_HINT = "这一行有中文冒号“：”，字段名后面要用英文冒号“:”加一个空格。"

DID_YOU_MEAN = "是不是“{key}”（{label}）？"

# What a field the public must read says nothing with (openness, generator/checks/substance.py).
# Compared after width and case folding, without spaces, brackets or punctuation ("（略）" → 略).
# A value made up entirely of these words is a placeholder (E401).
FILLER_WORDS = (
    "无", "没有", "暂无", "暂缺", "缺", "空", "空白", "略", "省略", "从略", "同上", "如上", "见上", "同前",
    "同左", "见", "详见", "参见", "见下", "如下", "待定", "待补充", "待完善", "待填写", "待更新", "待确认",
    "补充", "完善", "后补", "稍后补充", "另行通知", "另行公布", "另定", "不详", "未知", "不适用", "无内容",
    "内容", "此处", "填写", "请填写", "正文", "按规定执行", "按有关规定执行", "依法执行", "依规执行", "执行",
    "等", "测试", "示例", "na", "n/a", "none", "null", "nil", "tbd", "tba", "todo", "xx", "x", "test",
)
# A value that opens with these (after any lead words) sends the reader to an attachment (E403).
ATTACHMENT_WORDS = ("附件", "附表", "附录", "附页", "附图", "附后", "另附", "随附")
ATTACHMENT_LEADS = ("具体内容", "具体", "详细内容", "详细", "内容", "请", "详见", "参见", "见", "如")
# A legal basis made up entirely of these (and filler) names no law (E404): 相关法律法规, 有关规定.
GENERIC_BASIS_WORDS = (
    "相关", "有关", "国家", "中华人民共和国", "国务院", "部门", "省", "市", "县", "区", "上级", "上位",
    "地方", "地方性", "现行", "其他", "各项", "一切", "的", "和", "及", "与", "以及", "或", "法", "法律",
    "法规", "法律法规", "行政", "行政法规", "规章", "规定", "条例", "办法", "细则", "决定", "通知", "意见",
    "标准", "文件", "规范性", "政策", "精神", "要求", "条款", "依据", "根据", "按照", "依照",
)

# What a reader needs in each field the public reads (E401, E403–E405 end with it).
OPENNESS_NEEDS = {
    "name": "请写出事项名称，说明对什么事实施哪种指导，如“户外招牌设置政策指引”。",
    "office": "请写出承办科室的名称，如“市容景观科”。",
    "subjects": "请写出这项指导面向哪些人或单位，如“在本区临街设置门头招牌的个体工商户和企业”。",
    "situations": "请写出在什么情况下实施这项指导，如“巡查中首次发现……且符合本局不罚清单适用条件的”。",
    "content": "请写出指导的具体内容：向相对人说明什么、建议怎么做、提供哪些帮助，让公众读了就知道会得到什么样的指导。",
    "procedure": "请写出相对人会经历的步骤：怎样联系、表明身份、告知目的依据和内容、听取意见、应要求出具书面意见、记录归档，每步一行。",
    "rights": "请写出相对人的每一项权利：知情权、参与（陈述意见）权、救济权，以及可以拒绝指导、拒绝不影响其合法权益，每项一行。",
    "law": "请写出法律法规的全称（不加书名号），如“中华人民共和国行政处罚法”；依据有几部就写几条，条款写在 article 中。",
    "article": "请写出具体条款，如“第三十三条第一款”；不确定时把这一行整行删除，不要留占位文字。",
    "text": "请照现行有效文本一字不差地抄写条文；没有把握时把这一行整行删除。",
    "field": "请写出监管领域，如“网络交易监管”。",
    "violation": "请写明是什么违法行为，如“电子商务经营者未在首页显著位置公示营业执照信息”。",
    "violation_basis": "请写出被违反的具体规定：法律法规名称和条款，如“《中华人民共和国电子商务法》第十五条第一款”。",
    "penalty_basis": "请写出设定处罚的具体规定：法律法规名称和条款，如“《中华人民共和国电子商务法》第七十六条第一款第一项”。",
    "conditions": "请写出不予处罚的每一个条件，如“首次被发现”“在责令改正期限内改正”，每条一行。",
}

# Voluntariness (W501): phrases that read as compulsion.
COMPULSION_PHRASES = (
    "必须接受", "应当接受指导", "不得拒绝", "不准拒绝", "拒不接受指导",
    "强制要求", "强制接受", "强行", "否则将予以处罚", "否则将依法处罚", "否则予以处罚",
    "否则将从重处罚", "否则将被处罚", "一律处罚", "一律从重", "必须签字", "必须签署",
    "必须参加", "必须配合",
)

# Where a name was found (E607).
NAME_AFTER_ROLE = "（在“{role}”之后）"
NAME_IN_COUNTERPART = "（在相对人称谓中）"
NAME_SEEN_BEFORE = "（与第 {line} 行发现的人名相同）"
# Where the personal data found in the built site came from (E660).
EGRESS_SOURCE = "内容文件 {path} 第 {line} 行有同样的内容"
EGRESS_SOURCE_UNKNOWN = "在现有的内容文件中没有找到同样的文字（可能来自修改记录中的旧版本、网站设置或页面模板），请联系维护人员"
# The importer's file about to be written still shows personal data: nothing is written.
IMPORT_LEAK = "导入后的内容中有疑似{what}“{masked}”，没有写入任何文件。请删除表格中的个人信息后重新导入。"
# What each kind of personal data is called where a message names the kind (E609, E660).
PERSONAL_KINDS = {"E601": "居民身份证号码", "E602": "个体工商户的统一社会信用代码", "E603": "手机号码",
                  "E604": "银行卡号", "E605": "个人电子邮箱", "E607": "人名"}

# Roles after which a person's name usually follows in a case (E607).
NAME_ROLES = (
    "当事人", "负责人", "法定代表人", "经营者", "店主", "业主", "户主", "股东", "员工",
    "职工", "工人", "劳动者", "患者", "投诉人", "举报人", "申请人", "实际控制人", "厂长", "老板",
    "执法人员", "工作人员", "联系人", "代理人", "经办人", "监护人", "法人代表", "摊主", "房东", "租户",
    "承租人", "驾驶员", "消费者",
)


# --- Site pages: the sections (栏目) the navigation names, and page titles ----------------------
SECTIONS = {"home": "首页", "departments": "实施部门", "items": "行政指导事项", "modes": "分类索引",
            "cases": "典型案例", "search": "检索", "stats": "统计数据", "data": "数据下载",
            "changes": "更新记录", "about": "关于数据",
            "accessibility": "无障碍声明"}
# A page's title when it is not its section's name ("home": the site's name).
PAGE_TITLES = {"modes": "按指导方式和实施环节"}
STAGE_PAGE_TITLE = "{stage}指导"
NAV_ALL_DEPARTMENTS = "全部部门"

# --- Git: reading other revisions (review report, change history) ------------------------------
GIT_MISSING = "找不到 git 命令。审查报告和更新记录要从 git 记录中读取内容：请先安装 git。"
GIT_NOT_A_REPO = "{root} 不是 git 仓库，也不在 git 仓库中。审查报告要从 git 记录中读取两个版本的内容。"
GIT_BAD_REVISION = "git 中找不到版本“{rev}”。请核对分支名或提交编号；在 CI 中请取回完整历史（GitHub：actions/checkout 设置 fetch-depth: 0；GitLab：GIT_DEPTH: \"0\"）。"
GIT_OBJECT_MISSING = "git 仓库中缺少对象 {oid}，可能是浅克隆。请取回完整历史后重试。"
GIT_DUBIOUS = "git 拒绝读取这个仓库：目录的所有者不是当前用户。请运行 git config --global --add safe.directory <仓库目录> 后重试。"
GIT_FAILED = "git {command} 运行失败：{detail}"

# --- Review report (python -m generator review) -------------------------------------------------
REVIEW_LABELS = {"modes": "指导方式列表（mkdocs.yml）"}
REVIEW_KINDS = {"item": "行政指导事项", "no_penalty": "不罚清单条目", "case": "典型案例",
                "department": "部门信息", "settings": "网站设置"}
REVIEW_ACTIONS = {"added": "新增", "removed": "删除", "changed": "修改", "unreadable": "有错误"}
REVIEW_SETTINGS_TITLE = "网站设置（mkdocs.yml）"
REVIEW_MODE_NEEDS_NO_PENALTY = "，须关联不罚清单"
REVIEW_YES, REVIEW_NO = "是", "否"
REVIEW_SCRIPTS = {"zh-Hans": "简体", "zh-Hant": "繁体"}
REVIEW_EMPTY_VALUE = "（未填写）"
REVIEW_KEY_MARK = "（重点）"
REVIEW_WITHHELD_TITLE = "〔不予公开的事项〕"
REVIEW_WITHHELD_NOTE = "不予公开的事项在报告中只显示编号、公开属性和不予公开的理由，请在仓库文件 `{path}` 中审查其内容。"
REVIEW_HIDDEN_FIELDS = "其他有修改的字段：{labels}"
REVIEW_NOW_PUBLIC = "这个事项由不予公开改为公开，下面是将要公开的全部内容。"
REVIEW_REMOVED_NOTE = "这个事项从 `{path}` 中删除了。已发布的事项停止实施时，应把状态改为暂停或废止，而不是删除。"
REVIEW_UNREADABLE_NOTE = "修改后的 `{path}` 中这一项有错误，程序读不出它的内容，无法列出具体修改。请编辑先改正“自动检查结果”中的错误，报告会随之更新。"
REVIEW_REMOVED_OTHER = "从 `{path}` 中删除。"
REVIEW_PREVIEW = "预览：[简体]({hans}) · [繁體]({hant})"
REVIEW_LINE_REMOVED = "〔删去〕"
REVIEW_LINE_ADDED = "〔新增〕"
REVIEW_CHANGE_MASKED = "（改动在已打码的文字中，请在仓库文件中核对）"
REVIEW_HEAD_UNREADABLE = "修改后的网站设置 mkdocs.yml 无法读取，程序读不出修改后的内容，无法列出修改。请编辑先改正下面的错误，报告会随之更新。"
REVIEW_TRUNCATED = "报告过长，还有 {count} 项变更没有列出。完整报告见检查任务的摘要（GitHub）或附件 review.md（GitLab）。"
# When the finished report itself still shows personal data (a defect: everything is masked
# before it is written), nothing is printed or written.
REVIEW_BLOCKED = "审查报告中仍有未打码的个人信息（{what}“{masked}”），为防止泄露，没有输出报告。这是程序的缺陷，请联系维护人员。"
# Written to standard error after the report when --output is used.
REVIEW_WRITTEN = "审查报告已写入 {path}。"

# The legality checklist. The first five lines are always asked when content changed; the rest
# are added for what this particular change touches ({ids}: the items concerned).
REVIEW_CHECKLIST_BASE = (
    "依据是否在本部门法定职权范围内：法律法规是否现行有效，名称、条款是否准确，条文是否与原文一致，事项是否属于本部门权责清单。",
    "是否存在强制或变相强制：通读新增和修改的文字，留意把接受指导、签承诺书、参加培训作为不处罚或少检查的条件，暗示不接受就从严处理，示范引领中收费或指定服务机构。",
    "公开范围是否适当：应当公开的是否都已公开；不予公开的理由和依据是否成立，不予公开事项的文字本身是否泄露秘密；不罚清单没有写成“仅限以下情形”。",
    "是否含个人信息：逐字阅读新增和修改的文字（包括案例正文、请求说明和注释）。自动检查只能发现一部分。",
    "程序和相对人权利是否完整：表明身份，告知目的、依据和内容，听取意见，应要求出具书面意见，记录归档；写明知情权、参与权、救济权，以及可以拒绝指导。",
)
REVIEW_CHECKLIST = {
    "errors": "自动检查有 {count} 个错误：改正之前不能批准和合并。",
    "personal": "自动检查发现 {count} 处疑似个人信息：不要批准。请通知仓库管理员清除提交记录（CONTRIBUTING.md 8.4 节），留言中不要重复这些信息。",
    "personal_history": "请求的中间提交中有 {count} 处疑似个人信息，最新版本中已经没有，但仍保留在提交记录里：不要批准，按 CONTRIBUTING.md 8.4 节处理。",
    "coercion": "自动检查发现 {count} 处读起来像强制的用语（W501）：逐处核对；确需保留的（如引用法律原文），编辑应在请求中说明理由。",
    "warnings": "自动检查有 {count} 个警告：编辑是否已经改正，或在请求中逐条说明了理由。",
    "public_names": "本请求新列出（或修改了理由）{count} 个允许公开的姓名（public_names，见报告“允许公开的姓名”一节）：逐个核对是否确实可以公开（如依职务公开的公职人员）；不能公开的，请编辑删除该项并把人名改为“姓+某”。",
    "basis": "指导依据有变化（{ids}）：逐条核对新的法律法规名称、条款和条文，确认仍在本部门法定职权范围内。",
    "mode": "指导方式有变化（{ids}）：新的方式是否适合该事项；改为劝导警示的，是否关联了适用的不罚清单条目。",
    "rights": "相对人权利有变化（{ids}）：确认没有删减知情权、参与权、救济权和拒绝指导的权利。",
    "to_exempt": "新增或改为不予公开的事项（{ids}）：不予公开的理由和依据是否成立。报告不显示这些事项的内容，请在仓库文件中审查。",
    "exempt_changed": "不予公开的事项有修改（{ids}）：不予公开的理由和依据是否仍然成立。报告不显示这些事项的内容，请在仓库文件中审查。",
    "to_public": "由不予公开改为公开的事项（{ids}）：确认公开的文字中没有国家秘密、商业秘密和个人隐私。",
    "removed": "删除了事项（{ids}）：已发布的事项停止实施时应把状态改为暂停或废止，而不是删除；请确认删除的原因，编号不得再给新事项使用。",
    "status": "状态有变化（{ids}）：暂停或废止是否有依据，是否需要另行公告。",
    "added": "新增事项（{ids}）：审查信息（审查单位、审查日期、备案号）是否与实际的合法性审查和备案记录一致。",
    "review": "审查信息有变化（{ids}）：是否与实际的合法性审查和备案记录一致；不得为赶时限改写日期。",
    "procedure": "指导程序有变化（{ids}）：是否仍包括表明身份，告知目的、依据和内容，听取意见，应要求出具书面意见，记录归档。",
    "content": "指导内容、适用对象或适用情形有变化（{ids}）：是否仍在依据的范围内，有没有给相对人增加义务。",
    "entries": "不罚清单有变化（{ids}）：违法行为、违法依据、处罚依据和适用条件是否符合《中华人民共和国行政处罚法》第三十三条；不得写成封闭清单。",
    "entries_removed": "删除了不罚清单条目（{ids}）：删除的理由是否充分，有没有劝导警示事项仍需要它。",
    "cases": "典型案例有变化（{ids}）：按去标识化规则（CONTRIBUTING.md 6.5 节）核对相对人称谓、人名、地点（写到区县）和时间（写到月），留意几个细节拼起来就能认出人的描述。",
    "departments": "部门信息有变化（{ids}）：核对部门名称、地址、电话和法制机构；审核人的变化会改变合并请求送审的对象（CODEOWNERS）。",
    "settings": "网站设置中的指导方式列表有变化：名称是否符合本地区的规定；已发布的代码不得修改。",
}

# --- Public change history (更新记录) ------------------------------------------------------------
HISTORY_NOT_GIT = "内容所在的文件夹不是 git 仓库，没有修改记录：无法列出更新记录，各事项和案例的首次发布、最近更新日期也无法确定。"
HISTORY_SHALLOW = "这是一个浅克隆（只取回了最近的提交），修改记录不完整：无法列出更新记录，各事项和案例的首次发布、最近更新日期也无法确定。请用完整历史生成网站（GitHub：actions/checkout 设置 fetch-depth: 0；GitLab：GIT_DEPTH: \"0\"；本地：git fetch --unshallow）。"
HISTORY_EMPTY = "git 仓库中还没有提交，没有修改记录：无法列出更新记录，各事项和案例的首次发布、最近更新日期也无法确定。"
HISTORY_GIT_FAILED = "读取修改记录失败（{detail}）：无法列出更新记录，各事项和案例的首次发布、最近更新日期也无法确定。"
HISTORY_NOT_READ = "本次生成没有读取修改记录：各事项和案例的首次发布、最近更新日期无法确定。"
# Labels of the date under an item or case page (and its PubDate meta).
DATE_LAST_CHANGED = "最近更新"
DATE_EFFECTIVE = "生效日期"
DATE_MONTH = "指导时间"
HISTORY_BUILD_NOTICE = "注意：{reason}"
HISTORY_FEED_TITLE = "{site_name} · 更新记录"
HISTORY_FEED_ENTRY = "{date} {departments}：{summary}"
HISTORY_FEED_SUMMARY_PART = "{action}{kind} {count} 项"
HISTORY_FEED_PR = "（合并请求 {pr}）"
# An old title that held personal data, of something that no longer exists (or whose title
# still does not pass the checks): shown instead of it on the change history and in the feed.
HISTORY_TITLE_WITHHELD = "（标题含个人信息，已隐去）"

# --- Where build writes (python -m generator build --out …); exit code 2 ----------------------
OUT_IS_REPOSITORY = "不能生成到 {out}：它是内容仓库本身或包含内容仓库的文件夹，生成网站会先删除原有的文件夹。请用 --out 指定一个新的或空的文件夹，如 site。"
OUT_IS_FILE = "不能生成到 {out}：它是一个文件，不是文件夹。请用 --out 指定一个新的或空的文件夹。"
OUT_NOT_OURS = "不能生成到 {out}：这个文件夹里已有其他文件，也不是本程序生成的网站（根目录没有 {mark} 标记），生成网站会替换整个文件夹。请用 --out 指定一个新的或空的文件夹；如果它确实是旧版本生成的网站，请先自己删除它。"
CACHE_NOT_OURS = "缓存文件夹 {cache} 不是本程序的生成缓存（或其中有指向别处的链接），程序不会改动它。请删除或改名后重新生成，或加 --no-cache。"

# --- Site settings (mkdocs.yml, E801 details) -----------------------------------------------------
SETTINGS_MISSING = "找不到 mkdocs.yml，请从项目模板复制一份。"
SETTINGS_YAML = "YAML 无法读取（{detail}）。"
SETTINGS_SITE_NAME = "site_name 必须填写网站名称。"
SETTINGS_TEXT = "extra.{key} 应为文字。"
SETTINGS_SITE_URL = "site_url 应为网站的完整地址，以 https:// 或 http:// 开头，如 https://xzzd.example.gov.cn/xzzd/。"
SETTINGS_ERROR_REPORT_URL = "extra.error_report_url 应为以 https:// 或 http:// 开头的网址，或留空。"
SETTINGS_HANT_VARIANT = "extra.hant_variant 只能是 {variants}。"
SETTINGS_DEMO_BANNER = "extra.demo_banner 只能是 true 或 false。"
SETTINGS_MODES = "extra.modes 必须列出至少一种指导方式（code 和 label）。"
SETTINGS_MODE_ENTRY = "指导方式要写成 code（英文小写字母和下划线）和 label（中文名称）。"
SETTINGS_MODE_TWICE = "指导方式代码“{code}”重复。"
SETTINGS_LEGAL_OFFICE = "extra.legal_office_reviewers 应是代码托管平台账号或团队的列表，每项以 @ 开头并加引号，如 [\"@legal-office\"]。"
SETTINGS_MAINTAINERS = "extra.maintainer_reviewers 应是代码托管平台账号或团队的列表，每项以 @ 开头并加引号，如 [\"@site-maintainers\"]。"

# --- Code owners (python -m generator codeowners) -------------------------------------------------
CODEOWNERS_NO_LEGAL_OFFICE = "mkdocs.yml 中没有设置 extra.legal_office_reviewers（法制审核团队在代码托管平台上的账号，如 \"@legal-office\"），无法生成代码所有者文件。"
CODEOWNERS_WRITTEN = "已更新 {path}"
CODEOWNERS_CURRENT = "{path} 已是最新。"

# --- Traditional-script review (python -m generator convert --review) -----------------------------
CONVERT_REVIEW_TITLE = "# 繁体转换审查（{variant}）"
CONVERT_REVIEW_INTRO = ("内容中共有 {count} 处字的繁体写法取决于上下文（{chars} 个字）。按字分组，同一字下按所选写法和依据排列；"
                        "逐处核对“上下文”一栏。写法不对时，在原文中写 {{{{简|繁}}}} 标注这一处，或按 CONTRIBUTING.md"
                        "“繁体转换”一节补充覆盖词典。")
CONVERT_REVIEW_SKIPPED = "以下文件用繁体写成，繁体网站照原文显示，不在本报告中：{files}"
CONVERT_REVIEW_CHAR = "## {char}：{forms}"
CONVERT_REVIEW_HEADER = "| 繁体 | 依据 | 位置 | 上下文 |"
CONVERT_RULE_AUTHOR = "作者标注 {mark}"
CONVERT_RULE_CONTEXT = "上下文规则：“{word}”中的“{char}”（context.yaml）"
CONVERT_RULE_CONTEXT_DEFAULT = "上下文规则：“{char}”不在所列词语中，取默认写法（context.yaml）"
CONVERT_RULE_OVERRIDE = "覆盖词典“{phrase}”（overrides.yaml）"
CONVERT_RULE_BOUNDARY = "词边界表“{text}”：常用词“{word}”优先于 OpenCC 词语“{phrase}”（boundaries.tsv）"
CONVERT_RULE_OPENCC_PHRASE = "OpenCC 词语“{phrase}”"
CONVERT_RULE_OPENCC_CHAR = "OpenCC 单字默认"
CONVERT_RULE_VARIANT = "用字表 {variant}：{entry}（variants.yaml）"
CONVERT_NEEDS_TO = "请指定 --to hant 或 --to hans，或用 --review 生成审查报告。"

# --- Statute library (laws/) -------------------------------------------------------------------
# What a statute text file has that the parser repaired or could not use (E901 / W902 {detail});
# {0}, {1}: the parts of the problem's detail.
LAW_TEXT_PROBLEMS = {
    "no_title": "第一行应是“# 法规名称”。",
    "no_articles": "没有找到以“第X条 ”（条号后加空格）开头的条文段落。",
    "numbering": "{0}前面是{1}，条文编号不连续或重复。",
    "numbering_first": "第一个条文是{0}，不是第一条。",
    "history_without_date": "这一行在“<!-- INFO END -->”之前，却没有“某年某月某日”，不能作为修改记录读取，已略过。",
    "outside_article": "“{0}…”不在任何条文中，已略过。",
    "cut_line": "这一段没有以标点结束，与下一段连起来才是完整的一段（疑似断行），已按一段读取。请在文件中把两行连起来。",
    "name_date": "文件名中的版本日期 {0} 早于修改记录中最后的日期 {1}：文件名或修改记录有误。请核对后改正。",
}
# Problems of a law's metadata file (E903 {detail}).
LAW_META_PROBLEMS = {
    "missing_file": "versions 中的文件 {file} 不存在。文件名要与文本文件完全一致，且在同一文件夹中。",
    "listed_twice": "{file} 已在 {other} 中登记。一个文本只能属于一部法规。",
    "title_mismatch": "title 写的是“{title}”，文本 {file} 第一行的名称是“{text_title}”。请改为一致的正式名称。",
    "duplicate_title": "“{title}”已在 {other} 中登记。每部法规只登记一次，各版本都列在它的 versions 中。",
    "order": "{file} 的日期不晚于上一个版本。versions 要按日期从早到晚排列，同一日期只有一个版本。",
    "two_current": "有不止一个版本的状态是“现行有效”。只有最新施行的版本现行有效，此前的版本是“已修改”。",
    "amended_last": "最后一个版本的状态不能是“已修改”：请加入修改后的新版本，或核对状态。",
}
# mkdocs.yml: extra.laws_complete_levels is not a list of levels (E801 {detail}).
LAWS_COMPLETE_LEVELS = "extra.laws_complete_levels 应是位阶的列表，可选：{levels}，如 [法律, 行政法规]。"
# Parts of citation messages.
LAW_MISSING_ARTICLE = "没有{label}（共{count}条）"
LAW_MISSING_PARAGRAPH = "{article}只有{count}款，没有{label}"
LAW_MISSING_ITEM = "{where}只有{count}项，没有{label}"
LAW_MISSING_ITEMS = "{where}没有分项，没有{label}"
LAW_LEVEL_GUESS = "按名称看是{level}"
LAW_SUGGESTION = "是不是《{title}》？"
LAW_REPLACED_BY = "，已由《{title}》替代"
LAW_OLD_VERSION_HINT = "（引文与 {version} 版的文本一致，可能抄自已修改的旧版本。）"
LAW_DIFF_LEGEND = "（方括号内：引文→正式文本{more}）。"
LAW_DIFF_MORE = "，共 {count} 处不同，这里是第一处"
LAW_DIFF_WITHHELD = "（这个事项不予公开，这里不显示引文，请在仓库文件中核对）。"
LAW_VERSION_HOW = {"已修改": "修改", "已废止": "废止"}

# --- python -m generator laws add / impact -------------------------------------------------------
LAWS_README = """\
# 法规库

本文件夹存放网站和检查程序使用的法律法规正式文本：一个版本一个文件（`简称(版本日期).md`），
每部法规另有一个法规信息文件（`简称.yaml`：正式名称、位阶、制定机关、各版本的状态）。

- 文本来源：国家法律法规数据库（https://flk.npc.gov.cn），采用公开的 LawRefBook/Laws 项目整理的文本格式。
- 法律、法规的正式文本不适用著作权法（《中华人民共和国著作权法》第五条），可以作为数据收录，但应注明来源。
- 加入或更新文本：`python -m generator laws add 文件…`。格式、状态的填写方法见 CONTRIBUTING.md 4.9 节。
"""
LAWS_ADD_BAD_TITLE = "{path}:{line}: 名称不能用作文件名（含有斜杠、控制字符，或过长）。请核对第一行“# 法规名称”。"
LAWS_ADD_BAD_DATE = "--date 的值“{date}”不是有效的日期，请写成 2024-01-01 这样的形式。"
LAWS_ADD_PROBLEM = "{path}:{line}: {detail}"
LAWS_ADD_UNREADABLE = "{path}: 无法读取：{detail}"
LAWS_ADD_NO_DATE = "{path}: 无法确定版本日期：修改记录中没有日期，文件名中也没有“(YYYY-MM-DD)”。请用 --date 指定。"
LAWS_ADD_FAILED = "没有写入任何文件：请先处理上面的问题。"
LAWS_ADD_WROTE_TEXT = "已写入 {path}（{title}，{date} 版）"
LAWS_ADD_SAME_TEXT = "{path} 已是这个文本，没有改动。"
LAWS_ADD_WROTE_META = "已写入 {path}：请核对其中的位阶（level）、制定机关（issuer）和各版本的状态（status）{guess}。"
LAWS_ADD_GUESSED = "，位阶和制定机关是程序推测的"
LAWS_ADD_REPAIRED = "{path}:{line}: 已修正：{detail}"
LAWS_META_HEADER = (
    "# 法规信息：正式名称、位阶、制定机关和各版本的状态。格式见 CONTRIBUTING.md 4.9 节。\n"
    "# 文本来源：国家法律法规数据库（https://flk.npc.gov.cn）。"
)
LAWS_UNKNOWN_LAW = "法规库（laws/）中没有“{law}”。"
LAWS_UNKNOWN_VERSION = "《{law}》没有“{version}”这个版本。已有的版本：{versions}。"
LAWS_NO_LIBRARY = "{root} 中没有法规库文件夹 laws/。"
LAWS_IMPACT_TITLE = "《{law}》{old} 版 → {new} 版：条文变化对引用的影响"
LAWS_IMPACT_SUMMARY = "{old} 版共 {old_count} 条，{new} 版共 {new_count} 条；{changed} 条修改，{moved} 条移动，{removed} 条删除，{added} 条新增。"
LAWS_IMPACT_NONE = "没有事项或不罚清单条目引用有变化的条文。"
LAWS_IMPACT_CITING = "引用了有变化条文的事项和不罚清单条目（{count} 处）："
LAWS_IMPACT_ROW = "- {where} {id}（{kind}）：{label} —— {change}"
LAWS_IMPACT_ARTICLES = "有变化的条文："
LAWS_IMPACT_KINDS = {"item": "事项", "no_penalty": "不罚清单条目"}
LAWS_IMPACT_CHANGE = {
    "changed": "{old}已修改",
    "moved": "{old}现为{new}",
    "moved_changed": "{old}现为{new}，内容有修改",
    "removed": "{old}已删除或改写，新版本中找不到相近的条文",
}
LAWS_IMPACT_OLD = "    {version} 版：{text}"
LAWS_IMPACT_NEW = "    {version} 版：{text}"
LAWS_IMPACT_DIFF = "    改动：{text}"
LAWS_IMPACT_REMOVED_TEXT = "    （{version} 版中没有对应的条文）"
