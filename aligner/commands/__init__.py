"""One module per ``aligner`` command: HELP, configure(parser), run(args) -> exit code."""
