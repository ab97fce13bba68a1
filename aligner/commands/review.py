"""``aligner review``: open the review UI (the Textual app in ``tui``) on a docset.

The core library never imports the UI; this command hands over to it by a lazy import when
it runs, so ``import aligner`` stays free of textual.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from .. import parallel
from ..cli import BUNDLED_DOCSET, EXIT_OK, add_docset_argument, load_docset, progress_for

ORDER = 5
HELP = "open the review UI: the versions side by side, flags, fixes saved to review/<lang>.po"


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``aligner review``."""
    add_docset_argument(parser)


def run(args: argparse.Namespace) -> int:
    """Check the docset loads (errors exit 2 before the screen opens), then run the app."""
    from ..cli import parse_encoding
    from ..review.session import open_rows

    parallel.share_with_caller()  # the app's loading thread works too: one worker fewer
    path = Path(args.docset) if args.docset else BUNDLED_DOCSET
    with progress_for(args) as progress:
        progress.show(f"reading {path}")
        load_docset(args)  # bad input: one line, exit 2, no half-drawn screen
        encoding = parse_encoding(args.encoding)
        progress.show("starting the review screen", force=True)
        ui = importlib.import_module("tui.app")
    ui.ReviewApp(path, lambda where, progress: open_rows(where, progress, encoding)).run()
    return EXIT_OK
