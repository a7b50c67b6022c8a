"""The content's history in git, shared by the public site and the legal office's review.

``git`` reads revisions from the object store, ``revision`` loads single file versions,
``diff`` compares two versions of the model field by field, ``textdiff`` marks changed words,
``changelog`` walks the default branch into the 更新记录 and publication dates, and ``record``
holds what the site reads of it. Nothing here imports the checks, the outputs or ``review``:
both the site's outputs and the review report stand on this layer.
"""
