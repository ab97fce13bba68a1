"""``python -m aligner`` runs the CLI."""

from .cli import main

raise SystemExit(main())
