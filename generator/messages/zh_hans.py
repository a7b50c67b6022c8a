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
    "E114": "这个文件看起来是 {original} 的副本（复制文件时系统自动起的名字），不会被读取和发布。{action}",
    "W213": "{value} 没有加引号：本工具照原样读取，但 VS Code 和其他按 YAML 标准读取的工具会把它当作数字{loss}。请加上英文引号，写成 {fixed}。",
    "E115": "这一行的{where}有一个{char}，看起来像空格，YAML 却不把它当作空格（常见于从 Word、WPS 或网页复制的内容）。请删除它，改用英文半角空格（键盘上的空格键）。",
    "W110": "这里不是内容文件的位置：catalogs/ 下只放 <部门代码>.yaml，typical-cases/ 下放 <部门代码>/<案例编号>.md。请移走或改名，否则不会发布。",
    # E2xx — fields: required, types, allowed values, formats
    "E201": "缺少必填字段 {field}（{label}）。",
    "E202": "{label}应为{expected}，这里是{actual}。{hint}",
    "E203": "{label}“{value}”不是允许的值。{suggestion}可选：{allowed}。",
    "E204": "{label}“{value}”格式不对。{rule}",
    "E205": "未知字段“{key}”。{suggestion}此处允许的字段：{allowed}。",
    "E206": "{label}不能为空。",
    "E207": "{label}“{value}”不是有效的日期。请写成 2024-03-01 这样的真实日期。",
    "E208": "{label}中有重复的值，请删除重复项。",
    "E209": "{label}“{value}”两边是中文引号 {quote}，YAML 会把它当成内容的一部分。请删去引号，写成 {fixed}；确实需要引号时，用英文半角引号 \"。",
    "E210": "{label}“{value}”不是规定的日期写法。请写成 {fixed}（年份四位，月和日都写两位，用短横线“-”连接）。",
    "E211": "{label}中的“{value}”用了中文逗号、顿号或分号，YAML 把它读成了一项。列表的各项之间请用英文逗号加空格分开：{fixed}。",
    "E212": "{label}“{value}”是名称，这里要写代码。是不是“{meant}”？请写成 {fixed}。",
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
    # W915–W917 — the legal office's review (python -m generator review): said of a request, not of one file
    "W915": "事项 {id} 的{fields}有修改，但审查信息（审查日期、备案号）没有变化。修改后的内容需要重新进行合法性审查：请在审查后更新审查日期和备案号；确实不需要重新审查的，请在请求中说明理由。",
    "W916": "新增的事项 {id} 与本请求删除的事项 {old} 内容相同，像是改了编号。事项编号一经发布就不再改变（网址、引用和案例都依赖它）：请恢复原编号 {old}。",
    "W917": "事项 {id} 的审查日期是 {date}，到本请求最近一次提交（{day}）已过 {days} 个工作日（按法定节假日计算）。政府信息应当在形成或者变更之日起 {limit} 个工作日内公开（政府信息公开条例第二十六条）：请尽快审查合并；审查日期填错的，请改正。",
    # W918–W919 — the departments' 权责清单 (powers/)
    "W918": "关联权责事项编码“{code}”不在{department}的权责清单（powers/）中。请对照权责清单核对编码；权责清单有更新的，请同时更新 powers/ 中的文件。",
    "W919": "权责清单的部门代码“{code}”没有对应的目录清单（catalogs/{code}.yaml），这个文件不会被使用。请核对部门代码。",
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

# The output-boundary check (generator/htmlguard.py, egress.Scan): a built file holds, or is, what it may not.
UNSAFE_OUTPUT = "{source}: 生成的文件 {page} 中有不允许的内容：{what}"
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
    "not_a_file": "它不是普通文件，而是符号链接或特殊文件（服务器会送出它指向的内容，那些内容没有经过检查）",
}
UNSAFE_OUTPUT_END = "没有发布网站：生成的网站没有通过安全检查，{out} 保持原样。这是生成程序或模板的问题（或内容绕过了检查），不是编辑能改正的，请把上面的信息交给网站维护人员。"

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

# --- Editors' usual mistakes: Word-paste spaces and quotes, dates, lists, labels, file copies -----
# (generator/load/paste.py, dates.py, choices.py, files.py; codes E114, E115, E209–E212)
ODD_SPACE_NAMES = {"\u3000": "全角空格", "\u00a0": "不换行空格", "\u200b": "看不见的零宽空格",
                   "\u200c": "看不见的零宽字符", "\u200d": "看不见的零宽字符", "\u2060": "看不见的零宽字符",
                   "\ufeff": "看不见的零宽字符（BOM）"}
ODD_SPACE_OTHER = "特殊空格"
# Where in the line the odd space is (E115 {where}).
ODD_SPACE_PLACES = {"indent": "缩进中（字段名或“- ”前面）", "dash": "“-”后面", "key": "字段名和冒号之间",
                    "colon": "冒号后面"}
# Quotes that Word and input methods type: not YAML quotes (E209).
CURLY_QUOTES = "“”‘’＂＇「」『』〝〞〟„‟‚‛"
ENUM_DID_YOU_MEAN = "是不是“{value}”？"
# E114 {action}: the original is there, or the copy is all there is.
# W213 {loss}: what a tool that reads the value as a number shows instead.
NUMBER_LOSES_DIGITS = "，读成 {number}（开头的 0 会丢失）"
COPY_DELETE = "请删除这个文件；要修改的内容请直接改在 {original} 中。"
COPY_RENAME = "{original} 不存在：如果这个文件就是要发布的内容，请把它改名为 {original}。"

# --- Spreadsheet import (python -m generator import; generator/importer/) ------------------------
# Every line of an import report has a stable code, documented in CONTRIBUTING.md（导入表格）:
# I0xx–I4xx are errors (nothing is written), I5xx–I9xx warnings. A problem the content checks
# find in the imported result keeps its check code (E204…).
IMPORT_MESSAGES: dict[str, str] = {
    # I00x — the command line (exit code 2)
    "I001": "部门代码“{code}”不对：应为小写字母开头的小写字母和数字（2—20 位），与 catalogs/ 下的文件名相同，如 scjg。",
    "I002": "找不到要导入的文件 {file}。",
    "I003": "找不到映射文件 {file}。",
    "I004": "--write-mapping 的文件 {file} 已经存在，没有覆盖。请换一个文件名，或先删除它。",
    # I01x — reading the file
    "I010": "不支持旧版 Excel 文件（.xls）。请在 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入。",
    "I011": "不支持 {suffix} 文件。请另存为 Excel 工作簿（.xlsx）或 CSV 后再导入。",
    "I012": "只能导入 .xlsx 或 .csv 文件，这个文件的扩展名是“{suffix}”。",
    "I013": "无法作为 Excel 工作簿打开（{kind}）。文件可能已损坏、加了密码，或者其实不是 .xlsx：请在 Excel 中打开后另存为 .xlsx 再试。",
    "I014": "无法识别文件的编码（既不是 UTF-8 也不是 GBK）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”。",
    # I02x — the repository and the department
    "I021": "现有的目录文件有 {count} 个错误，导入前请先改正（运行 python -m generator check 查看），或者删除这个文件后重新导入。",
    "I022": "{target} 还不存在，需要部门信息。请在映射文件中写 department:（name、address、office_phone、legal_office 的 name 和 phone），或者先参照其他部门的文件写好本部门文件的 department 部分，再导入。",
    "I023": "导入后的内容中有疑似{what}“{masked}”，没有写入任何文件。请删除表格中的个人信息后重新导入。",
    # I03x — sheets and headers
    "I030": "工作簿中没有名为“{sheet}”的工作表。现有的工作表：{sheets}。",
    "I031": "在工作表 {sheets} 中都找不到含“事项名称”列的表头。请检查表头，或在映射文件中用 sheet 和 columns 指明。",
    "I032": "有几张工作表都像事项表：{sheets}。请在映射文件中写 sheet: 工作表名称，指明导入哪一张。",
    "I033": "找不到表头：{rows}中没有“{label}”列（也可以叫：{names}）。请检查表头的写法，或在映射文件中用 columns 指明哪一列是{label}、用 header_row 指明表头所在的行。",
    "I034": "缺少必填列“{label}”{also}。请在表格中加上这一列；如果它在表中用了别的名称，请在映射文件的 columns 下写“表中的名称: {label}”；如果所有事项都相同，可以在映射文件的 defaults 下写“{label}: 值”。",
    "I035": "表头下面没有任何事项。请检查是否选对了工作表。",
    # I04x — cells
    "I040": "“{label}”没有填写，这是必填项。",
    "I041": "{rows}是同一个事项（事项名称是合并单元格），“{label}”却有不同的值：{values}。请只保留一个值，或把这几行拆成不同的事项。",
    "I042": "{label}与{rows}重复。同一部门的{label}不能相同：请删除重复的一行，或改成不同的名称。",
    "I043": "一个事项只能有一种指导方式，这里写了{modes}。请拆成几个事项，或只保留一种。",
    "I044": "指导方式“{value}”不在本站设置的指导方式中。{suggestion}可选：{labels}。如果这是其中一种的别称，请在映射文件的 values 下写明对应关系。",
    "I045": "实施环节“{value}”无法识别。只能填写{stages}中的一个或几个，用“；”或“、”隔开。",
    "I046": "日期“{value}”无法识别。请写成 2024-03-01 或 2024年3月1日。",
    "I047": "“{value}”无法识别为指导依据。请每行写一条“《法律法规名称》第几条”。",
    "I048": "“{value}”中“{rest}”无法识别为指导依据。请每行写一条“《法律法规名称》第几条”，条文内容写在“：”之后。",
    "I049": "依据条文无法对应到指导依据。请让每段条文以“《法律法规名称》条款：”开头，与“指导依据”列中的写法一致。",
    "I050": "“{value}”只是指向其他行或其他地方（如“同上”“与上一行同一科室”），导入后会原样公开，读者看不懂。请写出实际内容；{label}可以不填时，清空这一格。",
    "I051": "这一行的指导方式是{mode}，必须关联至少一条本部门的不罚清单条目，“关联不罚清单”却没有填写。请填写条目编号（如 {code}-bf-001），并在“不罚清单”工作表或 --no-penalty 文件中列出这些条目。",
    # I06x — the mapping file
    "I060": "映射文件不是 UTF-8 编码。请另存为 UTF-8 后再试。",
    "I061": "映射文件的 YAML 格式错误（{detail}）。",
    "I062": "映射文件应由“名称: 值”组成，请参照说明填写。",
    "I063": "映射文件中没有“{key}”这一项。可以写：{keys}。",
    "I064": "{key} 应写工作表的名称。",
    "I065": "header_row 应写表头所在的行号，如 3。",
    "I066": "department 应写部门信息（name、address、office_phone、legal_office）。",
    "I067": "{key} 下应写“名称: 值”，每行一个。",
    "I068": "“{name}”要对应到标准列名之一：{labels}；不需要的列写“{ignore}”。",
    "I069": "values 下先写标准列名，再在下一层写“表中的值: 应当使用的值”。",
    "I070": "defaults 下写“标准列名: 值”，标准列名是：{labels}。",
    # I5xx — warnings: imported, but look at it
    "I502": "表中有其他部门的事项，没有导入：{listed}。只导入了实施部门为本部门的行。",
    "I503": "共 {count} 行的实施部门是“{text}”，与本部门名称不同；这些行已按 --department {code} 导入。如果它们属于其他部门，请从表格中删除后重新导入。",
    "I504": "表格中没有下列不予公开的事项，已原样保留（公开导出的文件本来就不含不予公开的事项）：{ids}。如果确实要删除，请直接编辑目录文件。",
    "I505": "现有目录中的下列事项不在表格中，已原样保留：{items}。如果它们确实已经停止实施，请把状态改为暂停或废止；确实要删除的，加 --delete-missing 重新导入。",
    "I506": "现有目录中的下列事项不在表格中，按 --delete-missing 删除：{items}。",
    "I507": "编号“{id}”不是本部门（{code}）的编号，已按本部门的编号顺序重新编号。",
    "I508": "“{text}”不是已知的列名，这一列没有导入。已知的列名：{known}。如果这一列要导入，请在映射文件的 columns 下写“{text}: 标准列名”。",
    "I509": "“{text}”与前面的一列都对应“{label}”，只导入了前面一列，这一列没有导入。请删掉多余的一列，或在映射文件中指明。",
    "I510": "电话号码 {stored} 按数字保存，开头的 0 丢失了，已按 {phone} 导入，请核对。以后请把这一列的单元格格式设为“文本”再输入电话号码。",
    "I511": "第 {rows} 行的电话号码按数字保存，开头的 0 丢失了，已补回（如 {stored} → {phone}），请核对。以后请把这一列的单元格格式设为“文本”再输入电话号码。",
    "I512": "这一行是跨列合并的说明文字（“{note}”），没有作为事项导入。",
    "I513": "“{label}”中的 {text} 按数字保存：Excel 只保留 15 位有效数字，末尾几位可能已经变了。请把这一列的单元格格式设为“文本”后重新输入，再导入。",
    "I514": "日期按数字 {text} 保存，已按 {day} 导入，请核对。",
    "I515": "文件不是 UTF-8 编码，已按 GBK（GB18030）读取。",
    "I516": "现有目录中的下列不罚清单条目不在表格中，已原样保留：{ids}。确实要删除的，加 --delete-missing 重新导入。",
}
IMPORT_SEVERITY_WORDS = {"error": "错误", "warning": "警告"}
IMPORT_FAILED = "导入失败：{errors} 个错误，{warnings} 个警告。没有写入任何文件，请改正后重新导入。"
IMPORT_WRITTEN = "已写入 {target}：{items} 个事项（沿用原编号 {kept} 个，新编号 {new} 个{exempt}），{entries} 条不罚清单。请用 git diff 查看改动，确认后提交。"
IMPORT_WRITTEN_EXEMPT = "，原样保留不予公开的事项 {count} 个"
IMPORT_CHECK_WHERE = "{target}（导入后的内容第 {line} 行）"
IMPORT_KEPT_WHERE = "{target}（{id}，沿用现有目录中的内容）"
IMPORT_CASE_ROWS = ("第 {first} 行", "第 {first}—{last} 行")
IMPORT_MAPPING_WRITTEN = "已写入映射文件 {file}：表头在第 {row} 行，{known} 列已认出，{unknown} 列要你填写（标着“？”的行）。填好后运行：python -m generator import {sheet} --department {code} --mapping {file}"
IMPORT_MAPPING_HEADER = """\
# 导入映射文件（python -m generator import --write-mapping 生成）。说明见 CONTRIBUTING.md“导入表格”一节。
# columns：表中的列名 → 标准列名；不导入的列写“忽略”。标着“？”的列程序没有认出，请改成标准列名或“忽略”。
# 标准列名：{labels}
"""

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
            "accessibility": "无障碍声明",
            "no_penalty": "不罚清单"}
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
REVIEW_LABELS = {"modes": "指导方式列表（mkdocs.yml）", "remedy": "救济途径（mkdocs.yml 的 extra.remedy，每个事项页面都显示）"}
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

# --- Command line (python -m generator …): the help of every verb, and what the verbs print --------
CLI_DESCRIPTION = "行政指导事项目录清单网站生成器"
# argparse help and descriptions: "<verb>" is a verb's own line, "<verb>.<option>" one of its options.
CLI_HELP = {
    "debug": "内部错误时显示 Python 调用栈",
    "root": "内容仓库根目录（默认当前目录）",
    "check": "检查目录清单和典型案例",
    "check.format": "输出格式：text 供人阅读，github 为 GitHub Actions 注释，gitlab 为 GitLab 代码质量报告，json 供工具读取",
    "schema": "按 mkdocs.yml 中的指导方式更新编辑器使用的 JSON Schema",
    "build": "检查内容并生成简体、繁体两个版本的网站",
    "build.out": "输出目录（默认 <root>/site）",
    "build.no_cache": "不使用 <root>/.build-cache，全部重新生成（输出与使用缓存时完全相同）",
    "serve": "本地预览：修改内容或模板后自动重新生成并刷新浏览器",
    "serve.host": "监听地址（默认 127.0.0.1）",
    "serve.port": "端口（默认 8000）",
    "convert": "简繁转换：从标准输入读入，输出到标准输出；--review 列出内容中繁体写法取决于上下文的字",
    "convert.to": "hant 转繁体，hans 转简体",
    "convert.review": "审查报告：内容中每个繁体写法取决于上下文的字（发、干、后、系……），所选写法、依据和位置",
    "convert.format": "审查报告的格式（默认 markdown）",
    "import": "从部门的 Excel（.xlsx）或 CSV 表格导入目录清单，写入 catalogs/<部门代码>.yaml",
    "import.file": "要导入的 .xlsx 或 .csv 文件",
    "import.department": "部门代码，如 scjg",
    "import.mapping": "表头名称不常见时使用的 YAML 映射文件",
    "import.no_penalty": "不罚清单所在的另一个 .csv 或 .xlsx 文件（工作簿中没有“不罚清单”工作表时）",
    "import.delete_missing": "删除现有目录中表格没有列出的公开事项和不罚清单条目（默认保留并列出）",
    "import.write_mapping": "不导入，按表格的表头写一个映射文件的初稿，供填写后用 --mapping 导入",
    "review": ("比较两个版本（git 提交）的内容，为法制机构生成审查报告。"
               "退出码：0 已生成报告且可以审查合并，1 已生成报告但新版本有错误或请求的某次提交含个人信息，2 版本或仓库有误"),
    "review.base": "修改前的版本，如 origin/main 或提交编号",
    "review.head": "修改后的版本（默认 HEAD）",
    "review.format": "输出格式（默认 markdown）",
    "review.preview_url": "预览网站的地址，报告中附上变更页面的链接",
    "review.output": "写入文件而不是标准输出",
    "review.max_chars": "报告的最大长度（如 GitHub 留言上限 65536），超出时省略靠后的变更",
    "codeowners": "按各部门的审核人和法制审核团队生成 .github/CODEOWNERS 和 CODEOWNERS",
    "script": "简体（默认）或繁体",
    "document": ("为一个事项生成预先填好的行政指导文书（Word .docx），供执法人员填写。"
                 "退出码：0 已生成，1 内容有错误或事项不予公开、已停止实施，2 事项、文书种类或文件名有误"),
    "document.item": "如 scjg-001",
    "document.kind": "documents/kinds.yaml 中的文书代码，如 opinion",
    "document.out": "输出的 .docx 文件（不覆盖已有文件）",
    "document.year": "文书编号中的年份（默认今年）",
    "notice": ("把一个部门的全部公开事项印成办公场所公示（A4 PDF，大字号，附二维码）。"
               "退出码：0 已生成，1 内容有错误，2 部门代码、日期或文件名有误"),
    "notice.department": "如 scjg",
    "notice.out": "输出的 .pdf 文件（不覆盖已有文件）",
    "notice.date": "印在公示上的版本日期（默认为该部门公开事项中最近的实施或审核日期）",
    "laws": "法规库 laws/：加入法规文本（add），列出法规修改后受影响的引用（impact）",
    "laws.add": "把法规正式文本加入 laws/，并登记到法规信息文件",
    "laws.add.description": ("把法规正式文本（国家法律法规数据库的格式）规范后写入 laws/<位阶>/<简称>(<版本日期>).md，"
                             "并新建或更新法规信息文件。有无法识别的行时逐条报告（文件:行），并且不写任何文件。"),
    "laws.add.files": "法规文本文件（.md）",
    "laws.add.date": "版本日期（修改记录和文件名中都没有日期时使用）",
    "laws.impact": "列出引用了两个版本之间有变化的条文的事项和不罚清单条目",
    "laws.impact.description": ("比较同一法规的两个版本，逐条列出修改、移动（条号变化）和删除的条文，"
                                "以及引用它们的事项和不罚清单条目（条号按旧版本理解），并附条文对比。"),
    "laws.impact.law": "法规名称，如 行政复议法 或 中华人民共和国行政复议法",
    "laws.impact.from": "旧版本的日期或年份，如 2017-09-01 或 2017",
    "laws.impact.to": "新版本的日期或年份",
}
# How the help names an argument's value.
CLI_METAVARS = {
    "command": "命令", "action": "操作", "file": "文件", "department": "部门代码", "mapping": "映射文件",
    "revision": "版本", "url": "网址", "chars": "字数", "law": "法规", "item": "事项编号", "kind": "文书代码",
    "year": "年份",
}
CLI_NO_ROOT = "找不到目录 {root}"
CLI_INTERNAL_ERROR = "生成器内部错误（不是内容的问题）。请加 --debug 重新运行，并把输出报告给维护人员。"
BUILD_REFUSED = "没有生成网站：请先改正上面的错误。{out} 保持原样。"
BUILD_DONE = "已生成 {out}：{pages} 个页面，简体和繁体各一份。"
SCHEMA_WRITTEN = "已更新 {path}"
SCHEMA_CURRENT = "schema 已是最新。"
SERVE_UPDATED = "预览已更新（{seconds:.1f} 秒）。"
SERVE_KEPT = "内容有错误，预览保持上一次的结果。"
SERVE_ADDRESS = "预览地址：http://{host}:{port}/ （简体）和 http://{host}:{port}/zh-Hant/ （繁体），按 Ctrl+C 结束。"

# --- Open data (site/data/, the 数据下载 page): what each combined file holds --------------------
DATA_DESCRIPTIONS = {
    "catalog.json": "全部部门的公开事项、不罚清单和典型案例信息，供程序读取",
    "catalog.schema.json": "catalog.json 的格式说明（JSON Schema），可用于校验数据",
    "catalog.csv": "全部公开事项，每个事项一行",
    "catalog.xlsx": "每个部门一张工作表，另有一张不罚清单工作表",
    "no-penalty.csv": "全部部门的不罚清单，每个条目一行",
}

# --- Site settings (mkdocs.yml, E801 details) -----------------------------------------------------
SETTINGS_MISSING = "找不到 mkdocs.yml，请从项目模板复制一份。"
SETTINGS_YAML = "YAML 无法读取（{detail}）。"
SETTINGS_SITE_NAME = "site_name 必须填写网站名称。"
SETTINGS_TEXT = "extra.{key} 应为文字。"
SETTINGS_SITE_URL = "site_url 应为网站的完整地址，以 https:// 或 http:// 开头，如 https://xzzd.example.gov.cn/xzzd/。"
SETTINGS_ERROR_REPORT_URL = "extra.error_report_url 应为以 https:// 或 http:// 开头的网址，或留空。"
SETTINGS_HANT_VARIANT = "extra.hant_variant 只能是 {variants}。"
REVIEW_REMEDY = ("行政复议：{reconsideration_body}，{reconsideration_days} 日内申请",
                 "行政诉讼：{litigation_court}，{litigation_months} 个月内起诉")
REVIEW_REMEDY_UNNAMED = "（未写名称）"
SETTINGS_ENGINE = "extra.engine（生成引擎）只能是 {engines}。"
SETTINGS_REMEDY = "extra.remedy（救济途径）中，reconsideration_body（行政复议机关）和 litigation_court（管辖法院）写名称，reconsideration_days（申请复议的天数）和 litigation_months（起诉的月数）写正整数，如 60 和 6。"
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
# The comments on top of the generated code-owners files (every line starts with "# ").
CODEOWNERS_HEADER = """\
# 代码所有者：由 python -m generator codeowners 根据 mkdocs.yml 的 extra.legal_office_reviewers、
# extra.maintainer_reviewers 和各部门目录清单的 department.reviewers 生成。请不要手工修改：改审核人后重新运行上面的命令，
# 与修改一起提交（文件过期时 check 报 W802）。
"""
CODEOWNERS_GITHUB_NOTE = """\
# GitHub：最后一条匹配的规则生效；同一行中任何一位所有者批准，即满足“需要代码所有者审查”。
# 因此每个内容文件都列出法制审核团队，程序文件列出程序维护团队，并在分支规则中只允许法制审核团队合并
# （见 CONTRIBUTING.md 第 8 节）。
"""
CODEOWNERS_GITLAB_NOTE = """\
# GitLab：每一节单独生效。“法制审核”一节必须由法制审核团队批准（[1] 表示至少一人），“程序维护”一节
# 必须由程序维护团队批准；各部门一节为可选审批（^），只负责把合并请求送给本部门审核人。
"""

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
CONVERT_RULE_WORD_END = "切词表“{word}”：常用词整体切出，词尾不被 OpenCC 词语“{phrase}”截走（word-ends.tsv）"
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

# --- Guidance documents (documents/: 文书种类、Word 模板) and office notices (办公场所公示) -----------
# Findings of documents/kinds.yaml and its Word templates (E950–E952, W950–W951).
MESSAGES.update({
    "E950": "文书设置有误：{detail}",
    "E951": "文书模板 {template} 无法使用：{detail}。请用 Word 另存为 .docx 格式，或运行 python -m generator.documents.templates 重新生成样式模板。",
    "E952": "文书模板中的“{text}”不能填写：{detail}。可以填写的字段：{fields}。请在 Word 中改正（字段写成 {{{{ 字段名 }}}}，英文半角花括号，见 CONTRIBUTING.md 10.2 节）。",
    "W950": "部门“{code}”（{name}）在 documents/kinds.yaml 的 numbering.agencies 中没有机关简称，它的文书编号中缺少机关简称。请补上，如 {code}: 市监。",
    "W951": "numbering.agencies 中的“{code}”不是任何部门的代码（catalogs/ 中没有 {code}.yaml），这一行不会被使用。请核对部门代码，或删除这一行。",
})
# E950 {detail}: what is wrong in documents/kinds.yaml beyond its schema (E2xx report those).
DOCUMENT_CONFIG_PROBLEMS = {
    "duplicate_kind": "文书种类代码“{code}”重复。每种文书只写一次。",
    "duplicate_short": "文书简称“{short}”已被“{other}”使用，两种文书的编号会分不清。请另选一个简称。",
    "unknown_mode": "modes 中的“{mode}”不是网站设置（mkdocs.yml 的 extra.modes）中的指导方式代码。可选：{allowed}。",
    "pattern_field": "编号格式中的“{{{field}}}”不是可用的部分。可用：{allowed}。",
    "pattern_year": "编号格式必须包含 {{年份}} 和 {{序号}}，文书编号才不会重复。",
    "template_path": "模板“{template}”应是 templates/ 文件夹中的 .docx 文件，文件名只用英文字母、数字、短横线和下划线，如 templates/opinion.docx。",
}
# E951 {detail}: why a template cannot be used.
DOCUMENT_TEMPLATE_PROBLEMS = {
    "missing": "文件不存在",
    "not_docx": "不是 Word 的 .docx 文件（可能是 .doc 或 .wps 格式，或文件已损坏）",
    "too_large": "文件大于 {limit} MB",
}
# E952 {detail}.
DOCUMENT_FIELD_PROBLEMS = {
    "unknown": "没有名为“{name}”的字段",
    "unclosed": "花括号没有成对",
}
# What each field of a template holds (CONTRIBUTING lists them; E952 names the allowed ones).
DOCUMENT_FIELDS = {
    "sample_mark": "示例标注（示例数据时为“示例”说明，否则这一段不出现）",
    "department": "部门名称",
    "number": "文书编号（序号留空，由执法人员填写）",
    "item_name": "事项名称",
    "item_id": "事项编号",
    "mode": "指导方式",
    "office": "承办科室",
    "subjects": "适用对象",
    "basis": "指导依据：法律法规名称、条款和条文，一条一段",
    "content": "指导内容，一段一段",
    "no_penalty": "关联的不罚清单条目，一条一段（没有时这一段不出现）",
    "supervision_phone": "监督电话",
    "department_phone": "部门办公电话",
    "department_address": "部门办公地址",
    "legal_office": "部门法制机构名称",
    "legal_office_phone": "部门法制机构电话",
    "complaint_body": "受理投诉的机关（documents/kinds.yaml 的 remedies.complaint.name）",
    "complaint_phone": "受理投诉的电话（remedies.complaint.phone）",
    "review_body": "行政复议机关（remedies.review_body）",
    "court": "管辖法院（remedies.court）",
}
# Text the filler writes into a document.
DOCUMENT_SAMPLE_MARK = "【示例】本文书样式由虚构的示例数据生成，仅供参考，不是真实文书。"
DOCUMENT_BASIS_LINE = "《{law}》{article}：{text}"
DOCUMENT_BASIS_LAW = "《{law}》{article}"
DOCUMENT_NO_PENALTY_LINE = "{id}　{violation}（违法依据：{violation_basis}；适用情形：{conditions}）"
DOCUMENT_NUMBER_BLANK_YEAR = "　　　　"
DOCUMENT_NUMBER_BLANK_SERIAL = "　　"

# python -m generator document ITEM --kind KIND --out FILE
DOCUMENT_NO_CONFIG = "仓库中没有文书设置 documents/kinds.yaml，无法生成文书。文书种类和模板的写法见 CONTRIBUTING.md 第 10 节。"
DOCUMENT_CONFIG_BROKEN = "文书设置或模板有错误（见上），没有生成文书。"
DOCUMENT_CONTENT_BROKEN = "内容有错误（见上），没有生成文书。请先改正，或运行 python -m generator check 查看全部问题。"
DOCUMENT_UNKNOWN_ITEM = "没有编号为“{item}”的事项。请核对事项编号，如 scjg-001。"
DOCUMENT_EXEMPT_ITEM = "事项 {item} 不予公开（{ground}），不生成文书样式：文书会带出不予公开的内容。需要时请承办科室按保密规定另行制作。"
DOCUMENT_INACTIVE_ITEM = "事项 {item} 的状态是“{status}”，不生成文书：停止实施的事项不能再据此出具指导文书。"
DOCUMENT_UNKNOWN_KIND = "事项 {item}（{mode}）没有“{kind}”这种文书。这个事项可用的文书：{allowed}。"
DOCUMENT_NO_KIND = "事项 {item}（{mode}）的指导方式没有对应的文书种类（documents/kinds.yaml 的 modes）。"
DOCUMENT_OUT_EXISTS = "{out} 已存在，没有覆盖。请换一个文件名，或先删除它。"
DOCUMENT_OUT_FOLDER = "找不到文件夹 {folder}，请先建立它，或换一个输出位置。"
DOCUMENT_OUT_SUFFIX = "输出文件名应以 .docx 结尾，如 意见书.docx。"
DOCUMENT_WRITTEN = "已生成 {out}（{kind}，事项 {item}，{script}）。请在 Word 中填写灰色的【请填写】部分和文书序号。"
DOCUMENT_TEMPLATES_WRITTEN = "已写入 {path}"
DOCUMENT_TEMPLATES_KEPT = "{path} 已存在，没有覆盖（法制机构可能已在 Word 中修改过它）；要重新生成请加 --force。"

# Office notices (办公场所公示): the page and PDF of one department's catalog.
NOTICE = {
    "title": "行政指导事项公示",
    "sample": "示例",
    "sample_banner": "示例：本公示由虚构的示例数据生成，仅用于演示，不是真实的行政指导事项。",
    "intro": "本单位依法实施以下行政指导事项。行政指导不具有强制力，是否接受由您自主决定，不接受不影响您的合法权益。需要书面指导意见的，可以向承办科室提出。",
    "item_id": "事项编号",
    "mode": "指导方式",
    "stages": "实施环节",
    "office": "承办科室",
    "subjects": "适用对象",
    "basis": "指导依据",
    "content": "指导内容",
    "procedure": "指导程序",
    "rights": "您的权利",
    "phone": "监督电话",
    "status": "状态",
    "no_penalty": "关联的不罚清单条目",
    "qr": "扫码查看网上公开页面",
    "no_qr": "网站设置中没有填写网站地址（mkdocs.yml 的 site_url），本公示不附二维码。",
    "np_title": "不罚清单",
    "np_intro": "下列轻微违法行为符合适用情形的，依法不予行政处罚。本清单不是全部情形：清单未列明的轻微违法行为，符合《中华人民共和国行政处罚法》第三十三条规定的，同样依法不予行政处罚。",
    "np_field": "监管领域",
    "np_violation": "违法行为",
    "np_violation_basis": "违法依据",
    "np_penalty_basis": "处罚依据",
    "np_conditions": "适用情形",
    "contact": "办公地址：{address}　办公电话：{phone}　法制机构：{legal_office}（{legal_phone}）",
    "source": "来源：{site}　{department}　版本日期：{date}",
    "source_url": "网上查看：{url}",
    "page": "第 {page} 页　共 {pages} 页",
    "none": "本单位目前没有公开的行政指导事项。",
}
# python -m generator notice DEPT --out FILE.pdf
NOTICE_OUT_SUFFIX = "输出文件名应以 .pdf 结尾，如 公示.pdf。"
NOTICE_BAD_DATE = "--date 的“{date}”不是有效日期。请写成 YYYY-MM-DD，如 2025-06-30。"
NOTICE_UNKNOWN_DEPARTMENT = "没有代码为“{code}”的部门。可选的部门代码：{allowed}。"
NOTICE_CONTENT_BROKEN = "内容有错误（见上），没有生成公示。请先改正，或运行 python -m generator check 查看全部问题。"
NOTICE_WRITTEN = "已生成 {out}（部门 {department}，{items} 个公开事项，{script}，版本日期 {date}）。请用 A4 纸打印，不要缩放。"

# --- search (issue 13: search that understands readers) ---
# mkdocs.yml: extra.search_synonyms is not a mapping of catalog words to lists of words (E801 {detail}).
SETTINGS_SEARCH_SYNONYMS = ("extra.search_synonyms 应是“规范写法: [读者的说法, …]”的对照表，"
                            "如 不罚: [首违免罚, 初犯不罚]；说法不能为空，也不能是规范写法的一部分（如 健康证 之于 健康证明）。")

# --- The legal office's desk (issue 14): the review by the five elements, law texts side by side --
# Where the official text of a cited provision cannot be shown in the review.
REVIEW_BASIS_NO_LIBRARY = "（这一版本的仓库没有法规库 laws/，无法显示条文）"
REVIEW_BASIS_NOT_IN_LIBRARY = "（法规库中没有这部法规，无法显示条文）"
REVIEW_BASIS_NO_VERSION = "（法规库中没有这部法规的 {version} 版）"
REVIEW_BASIS_NOT_UNDERSTOOD = "（条款的写法无法识别，无法显示条文）"
REVIEW_BASIS_WHOLE_LAW = "（引用整部法规，没有指明条款）"
REVIEW_BASIS_NO_ARTICLE = "（{version} 版中没有这一条款）"
REVIEW_BASIS_HEADING = "**指导依据的条文（修改前后对照）**"
REVIEW_BASIS_INTRO = "修改前的条文取自修改前版本的法规库（{old}），修改后的取自修改后版本的法规库（{new}）。"
REVIEW_BASIS_COLUMNS = ("修改前", "修改后")
REVIEW_BASIS_NONE = "（无）"
REVIEW_BASIS_VERSION = "（{version} 版）"
# The five elements of a legality review (合法性审查), in the order lawyers ask them.
REVIEW_ELEMENTS_HEADING = "**合法性审查五要素**"
REVIEW_ELEMENTS_COLUMNS = ("要素", "程序已核对", "请审查人判断")
REVIEW_ELEMENTS = {"body": "主体", "power": "权限", "basis": "依据", "procedure": "程序", "content": "内容"}
REVIEW_ELEMENT_OK = "✔ "
REVIEW_ELEMENT_PROBLEM = "✘ "
REVIEW_ELEMENT_JUDGE = {
    "body": "该部门是否依法享有这一领域的行政执法职权；承办科室是否为其内设机构；审查单位是否有权审查。",
    "power": "事项是否属于所关联的权责事项，有没有超越本部门的职权。",
    "basis": "依据的位阶是否足以支持这一事项；所引条文是否确实规定了所指导的内容；有没有遗漏更直接的依据。",
    "procedure": "程序是否可行、与实际做法一致；有没有设置法定以外的环节或期限。",
    "content": "内容是否合法、必要、适当；有没有给相对人增加法定以外的义务，或把接受指导作为条件；相对人可以拒绝。",
}
REVIEW_ELEMENT_FACTS = {
    "department": "实施部门：{name}",
    "office": "承办科室：{office}",
    "unit": "审查单位：{unit}，审查日期 {date}，备案号 {filing}",
    "no_powers": "没有填写关联权责事项编码，无法核对是否属于本部门的权责清单",
    "powers_unchecked": "关联权责事项编码 {codes}；本部门没有提供权责清单，编码未核对",
    "power_found": "权责事项 {code}：{name}",
    "power_unknown": "权责事项编码 {code} 不在本部门的权责清单中",
    "cited": "{label}{version}：法规库中有（{level}，{status}），条款存在",
    "quoted": "，引文与正式文本一致",
    "not_quoted": "，没有引用条文（网站显示法规库中的条文）",
    "uncited": "{label}：{note}",
    "no_library": "仓库没有法规库（laws/），依据无法核对",
    "finding": "{code}（第 {line} 行）：见“自动检查结果”",
    "procedure_has": "指导程序写明了：{what}",
    "procedure_lacks": "指导程序中没有找到：{what}",
    "rights_has": "相对人权利写明了：{what}",
    "rights_lacks": "相对人权利中没有找到：{what}",
    "no_coercion": "没有发现读起来像强制的用语（W501）",
}
# What a complete procedure and a complete list of rights must mention: label → words, any of
# which counts (every word of a tuple inside one step for the procedure's notification).
REVIEW_PROCEDURE_NEEDS = {
    "表明身份或说明来意": (("身份",), ("证件",), ("来意",), ("咨询",), ("预约",)),
    "告知目的、依据和内容": (("目的", "依据", "内容"),),
    "应要求出具书面意见": (("书面",),),
    "记录归档": (("记录",), ("归档",)),
}
REVIEW_RIGHTS_NEEDS = {
    "知情权": (("知情",), ("了解",)),
    "参与权": (("参与",), ("陈述",), ("申辩",), ("意见",)),
    "救济权": (("救济",), ("复议",), ("诉讼",), ("投诉",)),
    "可以拒绝指导": (("拒绝",), ("自主",), ("自愿",), ("不接受",), ("不采纳",)),
}
# When a request changes the statute library (laws/).
REVIEW_LAWS_HEADING = "## 法规库的修改"
REVIEW_LAWS_INTRO = "本请求修改了法规库（laws/）。下面按法规列出现行版本的变化，以及引用了有变化条文的事项和不罚清单条目：这些依据需要重新核对。"
REVIEW_LAW_NEW = "《{law}》：新加入法规库（{version} 版，{status}）。"
REVIEW_LAW_REMOVED = "《{law}》：从法规库中删除。引用它的条款不能再核对，自动检查会报 W905。"
REVIEW_LAW_CHANGED = "《{law}》：现行版本由 {old} 版改为 {new} 版。"
REVIEW_LAW_WITHHELD = "另有不予公开的事项引用了有变化的条文：{ids}。报告不显示其内容，请在仓库文件中核对。"
REVIEW_LAW_ROW = "{id}（{kind}）：{label} —— {change}"
REVIEW_LAW_ARTICLES = ("条文", "{version} 版（修改前）", "{version} 版（修改后）")
# The 依据索引 pages (laws/index.md and one page per cited law).
LAW_INDEX_TITLE = "依据索引"

# --- Archive of versions: version pages and withdrawn items (issue 15) ----------------------------
ARCHIVE_VERSION_TITLE = "{name}（{date} 版本）"
ARCHIVE_VERSION_DATE = "本版本发布日期"
ARCHIVE_WITHDRAWN_TITLE = "{name}（已移出目录）"
ARCHIVE_WITHDRAWN_DATE = "移出目录日期"
# Findings of a catalog's withdrawn: list (items taken out of the catalog, E990–E993).
MESSAGES.update({
    "E990": "事项“{id}”登记在 withdrawn（已移出目录）中，却仍在 items 里。要移出的事项请从 items 中删除；仍要公布的事项请从 withdrawn 中删除这一条。",
    "E991": "合并到的事项“{id}”{problem}。merged_into 请填写接替它的、公开的事项编号。",
    "E992": "{problem}",
    "E993": "事项“{id}”在 withdrawn 中登记了两次（另一条在第 {other} 行）。请删除其中一条。",
})
WITHDRAWN_MERGED_PROBLEMS = {
    "unknown": "不存在",
    "exempt": "不予公开，移出事项的页面不能指向它",
    "itself": "就是这个事项本身",
}
WITHDRAWN_REASON_PROBLEMS = {
    "missing": "移出原因是“合并”，请用 merged_into 写明合并到哪个事项，如 merged_into: scjg-001。",
    "unexpected": "移出原因是“{reason}”，不是“合并”，不要填写 merged_into。如果事项确实并入了另一个事项，请把 reason 改为“合并”。",
}

# --- Public pages: the engine setting, the site-wide 不罚清单, summary-first item pages (E980–E989) ---
MESSAGES.update({
    "E980": "网站设置的生成引擎“{engine}”没有安装在运行生成器的 Python 环境中，无法生成网站。请运维人员安装它（版本见 requirements.lock），或把 extra.engine 改回 mkdocs。",
})

# --- 一业一册: trades (行业) in mkdocs.yml, on items, and their pages and booklets (E953–E954, W953) -----
MESSAGES.update({
    "E953": "行业代码“{code}”与网站的固定页面 {page} 同名，那个页面会被覆盖。请在 mkdocs.yml 的 extra.trades 中另选一个代码（英文小写字母和下划线），并运行 python -m generator schema 更新编辑器提示。",
    "E954": "适用行业“{value}”不是网站设置的行业。{suggestion}请写行业代码，可选：{allowed}。需要新的行业，请联系运维人员在 mkdocs.yml 的 extra.trades 中增加。",
    "W953": "编辑器提示用的 {path} 与 mkdocs.yml 中的行业（extra.trades）不一致。请运行 python -m generator schema 更新。",
})
SETTINGS_TRADE_ENTRY = "extra.trades 要写成一个列表，每个行业写 code（英文小写字母和下划线）和 label（中文名称）。"
SETTINGS_TRADE_TWICE = "行业代码“{code}”重复。"
TRADES_NONE = "（mkdocs.yml 的 extra.trades 中还没有设置行业）"
TRADE_DID_YOU_MEAN = "是不是“{label}”（写成 {code}）？"
SECTIONS["trades"] = "按行业查看"
TRADE_PAGE_TITLE = "{trade}行业行政指导手册"
NOTICE_PAGE_TITLE = "{department}行政指导事项公示"
SETTINGS_NOTICE_PDF = "extra.notice_pdf 只能写 true 或 false。"
