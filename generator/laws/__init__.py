"""The statute library (``laws/``) and citations as data: what the legality review (合法性审查)
checks about a legal basis — the law exists, is in force, the article, 款 and 项 exist, a quoted
text is the official text — made checkable.

Modules, each with one job (import them directly; this package imports nothing, so the content
model can use ``citation`` without a cycle):

- ``numerals``  Chinese numerals ↔ int: ``to_int("一百零八")`` → 108, ``to_chinese(33)`` → "三十三".
- ``statute``   one text file → ``Statute``: ``title``, ``events`` (dated 通过/公布/修正/修订/施行),
                ``headings``, ``articles`` (``Article.number/sub/label/text/heading/paragraphs``;
                ``Paragraph.text/items``; ``Item.number/text``), ``article(n, sub)``,
                ``version_date``, ``effective_date``, ``problems`` (file:line); ``normalise``.
- ``citation``  what editors write → data: ``parse_article("第33条第1款")`` →
                ``(Provision(33, 0, 1),)``; ``parse_law`` (marks and version qualifier off);
                ``law_key`` (the form titles match in); ``find_citations`` (free text);
                ``labels`` (compact printed form: 第五十七条第一款、第二款).
- ``library``   ``load(root, settings, memo)`` → ``Library`` (None without ``laws/``):
                ``laws`` sorted by level and title; ``find(title)`` → ``Law`` (``title``,
                ``short_title``, ``level``, ``issuer``, ``versions`` oldest first, ``current``,
                ``repealed``, ``version("2017")``, ``newer(v)``); ``Version`` (``path``, ``date``,
                ``status``, ``effective``, ``statute``); ``unit(statute, provision)`` → the text
                of a cited provision or why it is missing; ``enclosing`` (its 款 and article).
- ``quote``     ``compare(quotation, official)`` → None or ``Mismatch`` (snippet, position);
                ``fold`` (the width- and space-free form).
- ``impact``    ``compare_versions(old, new)`` → which articles changed, moved, were removed;
                ``citing(loaded, law, comparison)``; the ``laws impact`` command.
- ``levels``    ranks (法律 … 地方政府规章), statuses (现行有效 …), guessing a rank.
- ``add``       the ``laws add`` command.

For pages, search and the review report: the loaded library is ``Loaded.library`` (parsed once
per run by the loader, with the catalogs); an item's ``LegalBasis`` carries ``provisions``,
``version``, ``citation`` and ``article_label``, a 不罚清单 entry its ``violation_citations``
and ``penalty_citations``; ``library.find(c.law)`` and ``unit(law.current.statute, p)`` give
the official text to show.
"""
