"""aligner: line up the language versions of a document, flag suspect spots, keep fixes as PO.

The core library never imports the UI (``tui``); see README.md for the architecture.
"""

__version__ = "0.1.0"
