"""``python -m generator.script``: write the generated tables again (boundaries.tsv,
word-ends.tsv, context-words.txt) after OpenCC, jieba, overrides.yaml or context.yaml change."""

from __future__ import annotations

import sys

from . import boundaries, boundary_table, context, word_ends_table

context.WORDS.write_text(context.generate(), encoding="utf-8")
boundaries.TABLE.write_text(boundary_table(), encoding="utf-8")
boundaries.ENDS_TABLE.write_text(word_ends_table(), encoding="utf-8")
print(f"{context.WORDS}\n{boundaries.TABLE}: {len(boundaries.entries())} 条\n"
      f"{boundaries.ENDS_TABLE}: {len(boundaries.end_entries())} 条", file=sys.stderr)
