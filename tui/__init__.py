"""The Textual review app: a thin UI over the ``aligner`` core."""
