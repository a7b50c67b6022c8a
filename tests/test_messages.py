"""Every Chinese sentence users read lives in ``generator/messages/``, not in the code.

A sentence is told from a label or a pattern by its shape: Chinese words ending in a full stop
(。). Docstrings and comments are for maintainers and are not read; string constants are.
"""

from __future__ import annotations

import ast
import re

from conftest import PROJECT

SENTENCE = re.compile(r"[\u4e00-\u9fff][^\[\]]*[\u4e00-\u9fff）”][。？！]")
# The traditional-script tables write their own generated-file headers (data, not messages).
ELSEWHERE = ("generator/script/",)


def _constants(tree: ast.AST) -> list[ast.Constant]:
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def _sentences_in_code() -> list[str]:
    found = []
    for path in sorted((PROJECT / "generator").rglob("*.py")):
        rel = path.relative_to(PROJECT).as_posix()
        if rel.startswith(("generator/messages/", *ELSEWHERE)):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # f-strings are split into their constant parts: a sentence built around a value still shows.
        found += [f"{rel}:{node.lineno}: {node.value[:60]}" for node in _constants(tree) if SENTENCE.search(node.value)]
    return found


def test_no_sentence_users_read_is_written_in_the_code():
    assert _sentences_in_code() == []


def test_the_shape_of_a_sentence_is_recognised():
    """The rule finds the sentences it is meant to find, and passes labels and patterns."""
    assert SENTENCE.search("没有生成网站：请先改正上面的错误。")
    assert SENTENCE.search("”无法识别为指导依据。请每行写一条“《法律法规名称》第几条”。")
    assert not SENTENCE.search("[，。；！？、,.;!?]") and not SENTENCE.search("不罚清单")
