"""The ``aligner`` command line: argument parsing and turning core errors into exit codes.

Every command's work lives in the core modules; this file only parses, calls and prints.
Errors are one line on stderr (``aligner: error: ...``) with exit code 2; warnings and
notes go to stderr as ``aligner: warning: ...``.
"""

from __future__ import annotations

import os
import signal
import sys


def _interrupted_while_starting(signum, frame) -> None:  # pragma: no cover - timing
    os.write(2, b"aligner: interrupted\n")
    os._exit(130)


def _is_the_command() -> bool:
    """Whether this process is the ``aligner`` command starting (not a program importing us,
    nor a worker process, which imports the main script again with the caller's argv)."""
    if not (
        os.path.basename(sys.argv[0]) == "aligner"
        or sys.argv[0].endswith(os.path.join("aligner", "__main__.py"))
    ):
        return False
    process = sys.modules.get("multiprocessing.process")
    if process is not None and (
        getattr(process.current_process(), "_inheriting", False)
        or process.parent_process() is not None
    ):
        return False
    # Started from a background job, nohup or cron, SIGINT comes in ignored: still the command.
    return signal.getsignal(signal.SIGINT) in (signal.default_int_handler, signal.SIG_IGN)


_YOUNG_OBJECTS = 50_000  # allocations between collections of the youngest generation

# Ctrl-C in the first fraction of a second lands in an import: without this, a traceback.
_STARTING = _is_the_command()
if _STARTING:
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # an ignored Ctrl-C stays so
        signal.signal(signal.SIGINT, _interrupted_while_starting)
    import gc

    # A command builds hundreds of thousands of small objects (imports, parsed entries,
    # facts) and frees few of them before it ends: with the default threshold (700) the
    # collector walks the young ones thousands of times and finds almost nothing to free.
    # A larger first threshold collects the same cycles less often; what a command
    # computes never depends on when a collection runs.
    gc.set_threshold(_YOUNG_OBJECTS, *gc.get_threshold()[1:])
    from . import pattern_cache  # before any pattern of ours is compiled

    pattern_cache.install()

import argparse  # noqa: E402 - after the Ctrl-C handler
import codecs  # noqa: E402
import importlib  # noqa: E402
from pathlib import Path  # noqa: E402

from . import __version__  # noqa: E402
from .errors import AlignerError, UsageError, os_error_reason  # noqa: E402
from .progress import Progress  # noqa: E402,F401 - the commands' progress display
from .terminal import SafeStream, one_line  # noqa: E402

EXIT_OK, EXIT_FLAGS, EXIT_USAGE = 0, 1, 2
# Commands are discovered from aligner/commands/: one module each, with ORDER (position in
# the help), HELP, configure(parser) and run(args) -> exit code.
BUNDLED_DOCSET = Path(__file__).resolve().parent.parent / "translations" / "joint-statement-2023"


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in our one-line format, exit 2."""

    def error(self, message: str) -> None:  # noqa: D102 - argparse API
        self.exit(EXIT_USAGE, f"aligner: error: {one_line(message)}; see '{self.prog} --help'\n")


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, one subcommand per job.

    Given the command line, only the command it names is imported and configured (the others
    are listed by name): a command module imports what its work needs (the aligner, the
    store), and importing all of them would cost every call a tenth of a second. Without a
    command (``aligner --help``) every command is loaded for the help.
    """
    parser = _Parser(
        prog="aligner",
        description="Line up the language versions of a document, flag suspect spots, "
        "keep reviewer fixes as PO files.",
    )
    parser.add_argument("--version", action="version", version=f"aligner {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    for name, module in _command_modules(_command_named(argv)):
        if module is None:  # not the command asked for: its name is enough
            commands.add_parser(name)
            continue
        sub = commands.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(sub)
        sub.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            help="no progress on stderr (warnings and errors still)",
        )
        sub.set_defaults(run=module.run, parser=sub)
    return parser


def add_lang_argument(
    parser: argparse.ArgumentParser, help: str, metavar: str = "L[,L...]"
) -> None:
    """``--lang``, the one spelling of the language option: repeatable and comma-separated
    (``--lang en,zh``, ``--lang en --lang zh``); ``args.lang`` is a list or None (read it
    with ``language_list``). ``--langs en zh`` and ``--langs en,zh``, the old spellings of
    some commands, still work, hidden from the help."""
    parser.add_argument("--lang", action="append", metavar=metavar, help=help)
    parser.add_argument("--langs", nargs="+", action="extend", dest="lang", help=argparse.SUPPRESS)


def progress_for(args: argparse.Namespace) -> Progress:
    """The progress display of a command (silent with ``--quiet``)."""
    return Progress(quiet=getattr(args, "quiet", False))


def _command_named(argv: list[str] | None) -> str | None:
    """The command a command line names (its first word), or None when an option comes
    first (``aligner --help``) or there is none."""
    words = sys.argv[1:] if argv is None else argv
    for word in words:
        return None if word.startswith("-") else word
    return None


def _command_modules(only: str | None = None) -> list[tuple[str, object]]:
    """(name, module) of every command in help order; given ``only`` (a command's name),
    the others' modules are None (not imported)."""
    from . import commands as package

    names = sorted(
        {
            name[:-3]
            for folder in package.__path__
            for name in os.listdir(folder)
            if name.endswith(".py") and not name.startswith("_")
        }
    )
    if only not in [name.rstrip("_") for name in names]:  # import_.py is `aligner import`
        only = None
    modules = [
        (
            name.rstrip("_"),
            importlib.import_module(f"{package.__name__}.{name}")
            if only is None or name.rstrip("_") == only
            else None,
        )
        for name in names
    ]
    return sorted(modules, key=lambda item: (getattr(item[1], "ORDER", 100), item[0]))


def add_docset_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "docset",
        nargs="?",
        default=None,
        metavar="DOCSET",
        help="document set directory (default: the bundled joint statement)",
    )
    add_encoding_argument(parser)


def add_encoding_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        help="encoding of the language files: one codec for all (cp1251) or "
        "per language (ru=cp1251,zh=gb18030); default: detect",
    )


def add_format_argument(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")
) -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=f"output format (default: {choices[0]})",
    )


def parse_encoding(value: str | None) -> str | dict[str, str] | None:
    """``cp1251`` -> one codec for all files; ``ru=cp1251,zh=gb18030`` -> per language.

    Every codec must exist and be a text encoding (``rot13`` and ``base64`` are codecs, but
    not for text): refused here, before any file is read.
    """
    if value is None:
        return None
    if "=" not in value:
        return text_codec(value, value)
    mapping = {}
    for part in value.split(","):
        lang, sep, codec = part.partition("=")
        lang, codec = lang.strip(), codec.strip()
        if not sep or not lang or not codec:
            raise UsageError(
                f"--encoding {value!r}: expected ENC or LANG=ENC[,LANG=ENC...]; "
                "e.g. --encoding ru=cp1251,zh=gb18030"
            )
        if not _language_code(lang):
            raise UsageError(
                f"--encoding {value!r}: {lang!r} is not a language code; use the "
                "code of a language file (ru for ru.txt)"
            )
        if lang in mapping:
            raise UsageError(
                f"--encoding {value!r}: {lang} is given twice; give one codec per language"
            )
        mapping[lang] = text_codec(codec, value)
    return mapping


def text_codec(name: str, given: str) -> str:
    """The canonical name of text codec ``name``; UsageError when it is unknown or not text."""
    try:
        info = codecs.lookup(name.strip())
    except LookupError:
        raise UsageError(
            f"--encoding {given!r}: unknown encoding {name!r}; use a Python codec "
            "name such as utf-8, cp1251, gb18030, utf-16"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(
            f"--encoding {given!r}: {name} is not a text encoding; use a text "
            "codec such as utf-8, cp1251, gb18030, utf-16"
        )
    return info.name


def language_list(
    values: str | list[str] | None, option: str, known: tuple[str, ...] | None = None
) -> tuple[str, ...] | None:
    """``"en,zh"`` or ``["en,zh", "kk"]`` -> ``("en", "zh", "kk")``; None stays None.

    UsageError for an empty list, an empty item, something that is not a language code, a
    language named twice, or (given ``known``, the docset's languages) one it does not have.
    """
    if values is None:
        return None
    given = ",".join([values] if isinstance(values, str) else values)
    parts = [
        part.strip()
        for value in ([values] if isinstance(values, str) else values)
        for part in value.split(",")
    ]
    if not any(parts):
        raise UsageError(
            f"{option} {given!r}: no language given; name languages like en,zh "
            "or leave the option out for all of them"
        )
    for part in parts:
        if not part:
            raise UsageError(
                f"{option} {given!r}: an empty language code (a stray comma?); "
                "give codes separated by commas, like en,zh"
            )
        if not _language_code(part):
            raise UsageError(
                f"{option} {given!r}: {part!r} is not a language code; use the "
                "code of a language file (en for en.txt, zh-TW for zh-TW.txt)"
            )
    if len(set(parts)) != len(parts):
        twice = sorted({part for part in parts if parts.count(part) > 1})
        raise UsageError(
            f"{option} {given!r}: {', '.join(twice)} named twice; name each language once"
        )
    if known is not None:
        unknown = [part for part in parts if part not in known]
        if unknown:
            raise UsageError(
                f"{option} {given!r}: no language {', '.join(unknown)} in the "
                f"document set; choose from {', '.join(known)}"
            )
    return tuple(parts)


def _language_code(text: str) -> bool:
    from .docset import LANGUAGE_CODE

    return LANGUAGE_CODE.match(text) is not None


def positive_int(limit: int):
    """An argparse ``type``: a whole number from 1 to ``limit``."""

    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not 1 <= number <= limit:
            raise argparse.ArgumentTypeError(
                f"{text} is out of range; give a number from 1 to {limit}"
            )
        return number

    return parse


def load_docset(args: argparse.Namespace):
    """Load the docset named on the command line, printing its notes as warnings."""
    from . import parallel
    from .docset import load

    encoding = parse_encoding(getattr(args, "encoding", None))  # refused before any reading
    path = Path(args.docset) if args.docset else BUNDLED_DOCSET
    parallel.start_for(path)  # a long docset: workers start while its texts load
    docset = load(path, encoding)
    for note in docset.notes:
        warn(note)
    return docset


def warn(message: str) -> None:
    """Print a warning line on stderr (one line, controls shown as symbols)."""
    print(f"aligner: warning: {one_line(message)}", file=sys.stderr)


def error(message: str) -> None:
    """Print an error line on stderr (one line, controls shown as symbols)."""
    print(f"aligner: error: {one_line(message)}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code.

    Everything printed while it runs goes through ``aligner.terminal.SafeStream``: no byte
    of a document, a title or a file name can drive the terminal. Whatever goes wrong ends as
    one line on stderr and exit 2 (130 for Ctrl-C), never a traceback.
    """
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        if _STARTING and signal.getsignal(signal.SIGINT) is _interrupted_while_starting:
            signal.signal(signal.SIGINT, signal.default_int_handler)  # KeyboardInterrupt now
        code = _run(argv)
    except KeyboardInterrupt:
        print("aligner: interrupted", file=sys.stderr)
        if _STARTING:
            _exit_now(130, out, err)
        return 130
    finally:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):
            pass
        sys.stdout, sys.stderr = out, err
    if _STARTING and argv is None:
        pattern_cache.store()  # for the next run, if this one compiled new patterns
    if _STARTING and argv is None and _command_named(None) not in _INTERACTIVE:
        # The work is done and printed; what is left is the interpreter freeing every object
        # one by one (and a last garbage collection over them all): a third of a second of
        # CPU after checking a large catalog, for memory the system takes back at once.
        _exit_now(code, out, err)
    return code


_INTERACTIVE = ("review",)  # commands whose exit is left to the interpreter (the UI's own)


def _exit_now(code: int, *streams) -> None:
    """End the ``aligner`` process at once (a command done, or Ctrl-C), skipping the
    interpreter's exit.

    The exit hooks of concurrent.futures join the worker pool's threads, which can wait
    for ever on workers that stopped mid-message. Nothing is left to save at this point:
    files are written atomically (an interrupted write leaves the old file) and locks were
    released while the exception unwound; the workers end with us (their lifeline pipe).
    """
    for stream in (sys.stdout, sys.stderr, *streams):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _run(argv: list[str] | None) -> int:
    try:
        parser = build_parser(argv)
        args = parser.parse_args(argv)
        if not getattr(args, "run", None):
            parser.print_usage(sys.stderr)
            error("no command given; name one (see 'aligner --help')")
            return EXIT_USAGE
        _refuse_empty_values(args)
        return args.run(args)
    except AlignerError as exc:
        error(str(exc))
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except OSError as exc:
        error(os_error_message(exc))
    except RecursionError:
        error(
            "input nested too deeply to be read (a file holds thousands of nested brackets?); "
            "fix the file"
        )
    except MemoryError:
        error("out of memory; close other programs or work on a smaller document set")
    except Exception as exc:  # the last line of defence: a bug, still one line
        if os.environ.get("ALIGNER_TRACEBACK"):
            raise
        error(
            f"unexpected {type(exc).__name__}: {exc}; this is a bug in aligner, please "
            "report it (ALIGNER_TRACEBACK=1 shows where)"
        )
    return EXIT_USAGE


def _refuse_empty_values(args: argparse.Namespace) -> None:
    """An option given as an empty string is a mistake, never "the default"."""
    parser = getattr(args, "parser", None)
    for action in parser._actions if parser is not None else ():
        value = getattr(args, action.dest, None)
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and not v.strip() for v in values):
            name = action.option_strings[-1] if action.option_strings else action.metavar
            shown = " ".join(value) if isinstance(value, list) else value
            raise UsageError(
                f"{name} {shown!r}: empty value; give one (see 'aligner "
                f"{args.command} --help') or leave it out for the default"
            )


def _quiet_stdout() -> None:
    """After a closed pipe, send what is left to /dev/null (no "Exception ignored" at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def os_error_message(exc: OSError) -> str:
    """One line for an OSError nobody caught: the file, what is wrong, what to do."""
    what, remedy = os_error_reason(exc)
    where = exc.filename if exc.filename is not None else "aligner"
    if exc.filename2 is not None:
        where = f"{exc.filename} -> {exc.filename2}"
    return f"{where}: {what}; {remedy}"
