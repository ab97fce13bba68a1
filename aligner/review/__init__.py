"""The review: every fix, approval, note and decision a reviewer makes, and the files that keep them.

``session`` is what a front end talks to (one docset opened for review); ``store`` keeps the
work as ``DOCSET/review/<lang>.po`` through ``file`` (one review file in memory, merged and
saved safely), whose entries ``entry`` defines and ``po_format`` / ``pofile_io`` read and
write; ``sync`` brings a file up to date with the texts and the alignment; ``safe_files``,
``dir_lock`` and ``recovery`` keep every save atomic, locked and never lost; ``disk_sync`` is
the session's side of other programs' saves. Import from the modules: this package imports
nothing, so ``aligner check`` on a catalog never pays for the session.
"""
