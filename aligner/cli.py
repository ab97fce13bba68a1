"""The ``aligner`` command line: argument parsing and turning core errors into exit codes.

Every command's work lives in the core modules; this file only parses, calls and prints.
Errors are one line on stderr (``aligner: error: ...``) with exit code 2; warnings and
notes go to stderr as ``aligner: warning: ...``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path

from . import __version__, parallel
from .errors import AlignerError

EXIT_OK, EXIT_FLAGS, EXIT_USAGE = 0, 1, 2
# Commands are discovered from aligner/commands/: one module each, with ORDER (position in
# the help), HELP, configure(parser) and run(args) -> exit code.
BUNDLED_DOCSET = Path(__file__).resolve().parent.parent / "translations" / "joint-statement-2023"


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in our one-line format, exit 2."""

    def error(self, message: str) -> None:  # noqa: D102 - argparse API
        self.exit(EXIT_USAGE, f"aligner: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, one subcommand per job."""
    parser = _Parser(
        prog="aligner",
        description="Line up the language versions of a document, flag suspect spots, "
                    "keep reviewer fixes as PO files.",
    )
    parser.add_argument("--version", action="version", version=f"aligner {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    for name, module in _command_modules():
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(sub)
        sub.set_defaults(run=module.run)
    return parser


def _command_modules() -> list[tuple[str, object]]:
    from . import commands as package

    modules = [(info.name, importlib.import_module(f"{package.__name__}.{info.name}"))
               for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")]
    return sorted(modules, key=lambda item: (getattr(item[1], "ORDER", 100), item[0]))


def add_docset_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("docset", nargs="?", default=None, metavar="DOCSET",
                        help="document set directory (default: the bundled joint statement)")
    parser.add_argument("--encoding", metavar="ENC",
                        help="encoding of the language files: one codec for all (cp1251) or "
                             "per language (ru=cp1251,zh=gb18030); default: detect")


def add_format_argument(parser: argparse.ArgumentParser,
                        choices: tuple[str, ...] = ("text", "json")) -> None:
    parser.add_argument("--format", choices=choices, default=choices[0],
                        help=f"output format (default: {choices[0]})")


def parse_encoding(value: str | None) -> str | dict[str, str] | None:
    """``cp1251`` -> one codec for all files; ``ru=cp1251,zh=gb18030`` -> per language."""
    if not value:
        return None
    if "=" not in value:
        return value
    mapping = {}
    for part in value.split(","):
        lang, sep, codec = part.partition("=")
        if not sep or not lang.strip() or not codec.strip():
            raise AlignerError(f"--encoding {value!r}: expected ENC or LANG=ENC[,LANG=ENC...]")
        mapping[lang.strip()] = codec.strip()
    return mapping


def load_docset(args: argparse.Namespace):
    """Load the docset named on the command line, printing its notes as warnings."""
    from .docset import load

    path = Path(args.docset) if args.docset else BUNDLED_DOCSET
    parallel.start_for(path)  # a long docset: workers start while its texts load
    docset = load(path, parse_encoding(getattr(args, "encoding", None)))
    for note in docset.notes:
        warn(note)
    return docset


def warn(message: str) -> None:
    """Print a warning line on stderr."""
    print(f"aligner: warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except AlignerError as exc:
        print(f"aligner: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("aligner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
