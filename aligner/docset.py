"""Document sets: a directory with one ``<code>.txt`` per language, plus optional metadata.

``load(path)`` returns a DocSet: plain, frozen data (languages in display order, paragraphs
per language, title, source and pivot languages, glossary) and the notes a user should see
(ignored files, empty files, assumed encodings, control characters).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError, DocSetError, GlossaryError, TextFileError, located
from .glossary import Glossary, load_glossary
from .paragraphs import split_paragraphs
from .textio import control_characters, read_text

CONFIG_NAME = "docset.toml"
GLOSSARY_NAME = "glossary.tsv"
ALIGNMENT_NAME = "alignment.tsv"
REVIEW_DIR = "review"
_KNOWN_NAMES = {CONFIG_NAME, GLOSSARY_NAME, ALIGNMENT_NAME, REVIEW_DIR}
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$")  # en, zh-TW, pt_BR
_LANG_FILE = re.compile(r"^([a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)\.txt$")
_CONFIG_KEYS = {"title", "source", "order", "pivot", "quality"}
_QUALITY_KEYS = {"threshold"}


@dataclass(frozen=True)
class LanguageText:
    """One language of a docset: where it came from and its paragraphs."""

    code: str
    path: Path
    encoding: str
    paragraphs: tuple[str, ...]
    encoding_assumed: bool = False

    @property
    def characters(self) -> int:
        """Characters in all paragraphs (what a reader sees, separators excluded)."""
        return sum(len(p) for p in self.paragraphs)


@dataclass(frozen=True)
class DocSet:
    """A set of versions of one document, one per language."""

    path: Path
    languages: tuple[str, ...]
    texts: dict[str, LanguageText]
    title: str = ""
    titles: dict[str, str] = field(default_factory=dict)
    source: str = ""
    pivot: str = ""
    glossary: Glossary = field(default_factory=Glossary)
    notes: tuple[str, ...] = ()
    quality_threshold: float | None = None  # [quality] threshold: LQA penalty per 1000 words

    def paragraphs(self, lang: str) -> tuple[str, ...]:
        """The paragraphs of ``lang`` (0-based indices are file order)."""
        return self.texts[lang].paragraphs

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` when docset.toml gives one, else the main title."""
        return self.titles.get(lang) or self.title


def load(path: str | Path, encoding: str | dict[str, str] | None = None) -> DocSet:
    """Load the docset at ``path``.

    ``encoding`` forces the encoding of every file (a codec name) or of some languages
    (``{"ru": "cp1251"}``); otherwise it is detected as described in ``aligner.textio``.
    Raises an AlignerError subclass with a one-line message on unusable input.
    """
    root = Path(path)
    if not root.exists() and root.is_symlink():
        raise DocSetError(
            f"{root}: a symbolic link that leads nowhere (a missing target or a "
            "loop); give the path of the document set itself"
        )
    if not root.exists():
        raise DocSetError(
            f"{root}: no such directory; give the path of a document set "
            "(a directory holding <code>.txt files such as en.txt, zh.txt)"
        )
    if not root.is_dir():
        raise DocSetError(
            f"{root}: not a directory; a document set is a directory holding "
            "one <code>.txt file per language"
        )
    notes: list[str] = []
    files = _language_files(root, notes)
    if not files:
        raise DocSetError(
            f"{root}: no language file found; add one <code>.txt per language "
            "(e.g. en.txt, zh.txt, kk.txt, ru.txt)"
        )
    encodings = _encoding_map(encoding, files)
    texts = {}
    for code, file in files.items():
        decoded = read_text(file, code, encodings.get(code))
        paragraphs = tuple(split_paragraphs(decoded.text))
        texts[code] = LanguageText(code, file, decoded.encoding, paragraphs, decoded.assumed)
        if decoded.assumed:
            notes.append(
                f"{file}: not UTF-8; read as {decoded.encoding} (pass --encoding "
                f"{code}=ENC if that is wrong)"
            )
        if not paragraphs:
            notes.append(f"{file}: empty file, no paragraphs")
        _note_control_characters(file, paragraphs, notes)
    config = _load_config(root / CONFIG_NAME, tuple(files))
    glossary_path = root / GLOSSARY_NAME
    glossary = _load_glossary(glossary_path)
    languages = _display_order(config.get("order", []), tuple(files), root, notes)
    pivot = _pick_language(config, "pivot", "en", languages, root, notes)
    source = _pick_language(config, "source", languages[0], languages, root, notes)
    titles = config.get("titles", {})
    title = config.get("title") or titles.get(pivot) or titles.get(source) or root.name
    return DocSet(
        root,
        languages,
        texts,
        title,
        titles,
        source,
        pivot,
        glossary,
        tuple(notes),
        config.get("threshold"),
    )


def _language_files(root: Path, notes: list[str]) -> dict[str, Path]:
    try:
        entries = sorted(root.iterdir())
    except OSError as exc:
        raise DocSetError(
            f"{root}: cannot list the directory ({exc.strerror or exc}); make it "
            "readable (chmod u+rx) or work on a copy you own"
        ) from None
    files = {}
    for entry in entries:
        name = entry.name
        if name in _KNOWN_NAMES:
            _check_kind(entry, want_dir=name == REVIEW_DIR)
            continue
        if name.startswith(".") or name.lower().startswith("readme"):
            continue
        match = _LANG_FILE.match(name)
        if match:
            _check_kind(entry, want_dir=False)
            files[match.group(1)] = entry
        else:
            notes.append(f"{entry}: ignored (not a <code>.txt language file)")
    return files


def _check_kind(entry: Path, want_dir: bool) -> None:
    """DocSetError unless ``entry`` (if it exists) is a regular file (a directory: ``want_dir``).

    A dangling symbolic link, a directory named like a file, a FIFO (reading it would hang)
    or a device is never skipped in silence: the language or the setting would be missing.
    """
    try:
        mode = entry.stat().st_mode
    except FileNotFoundError:
        target = os.readlink(entry) if entry.is_symlink() else "?"
        raise DocSetError(
            f"{entry}: a symbolic link to {target}, which does not exist; restore "
            "the file it points to or remove the link"
        ) from None
    except OSError as exc:
        raise DocSetError(
            f"{entry}: cannot be read ({exc.strerror or exc}); fix it or move "
            "it out of the document set"
        ) from None
    if want_dir:
        if not stat.S_ISDIR(mode):
            raise DocSetError(
                f"{entry}: is a file, not a directory; move it away (aligner "
                "keeps the review files in a directory of that name)"
            )
    elif stat.S_ISDIR(mode):
        raise DocSetError(
            f"{entry}: is a directory, not a file; move it out of the document "
            "set (or put the text file there instead)"
        )
    elif not stat.S_ISREG(mode):
        raise DocSetError(
            f"{entry}: not a regular file (a FIFO, socket or device); replace it "
            "with a plain text file or move it out of the document set"
        )


def _encoding_map(encoding: str | dict[str, str] | None, files: dict[str, Path]) -> dict[str, str]:
    if encoding is None:
        return {}
    if isinstance(encoding, str):
        return {code: encoding for code in files}
    unknown = sorted(set(encoding) - set(files))
    if unknown:
        raise DocSetError(
            f"--encoding names {', '.join(unknown)} but the docset has no such "
            f"language file; name one of {', '.join(files)}"
        )
    return dict(encoding)


def _note_control_characters(file: Path, paragraphs: tuple[str, ...], notes: list[str]) -> None:
    count, first = 0, None
    for index, paragraph in enumerate(paragraphs):
        found = control_characters(paragraph)
        if found and first is None:
            first = index
        count += len(found)
    if count:
        notes.append(
            f"{file}: {count} control character(s) kept as data (first in paragraph {first})"
        )


def _load_config(path: Path, codes: tuple[str, ...]) -> dict:
    if not path.is_file():
        return {}
    import tomllib  # deferred: start-up time of a catalog check, which has no docset.toml

    text = _read_metadata(path).text
    try:
        raw = tomllib.loads(text)
    except RecursionError:
        raise ConfigError(
            located(
                path,
                "nested too deeply (thousands of brackets?); write "
                "title, source, order and pivot as plain values",
            )
        ) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+)", str(exc))
        line = int(found.group(1)) if found else max(1, text.rstrip("\n").count("\n") + 1)
        message = str(exc).split(" (at ")[0]
        raise ConfigError(
            located(
                path,
                f"not valid TOML: {message}; fix that line (strings "
                'need double quotes, e.g. title = "...")',
                line,
            )
        ) from None
    unknown = sorted(set(raw) - _CONFIG_KEYS)
    if unknown:
        raise ConfigError(
            located(
                path,
                f"unknown key(s) {', '.join(unknown)}; "
                f"known keys: {', '.join(sorted(_CONFIG_KEYS))}",
            )
        )
    config: dict = {}
    title = raw.get("title")
    if isinstance(title, str):
        config["title"] = title
    elif isinstance(title, dict) and all(isinstance(v, str) for v in title.values()):
        config["titles"] = dict(title)
    elif title is not None:
        raise ConfigError(
            located(
                path,
                "title must be a string or a table of language = "
                '"title"; e.g. title = "Joint Statement"',
            )
        )
    for key in ("source", "pivot"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(
                located(path, f'{key} must be a language code string; write e.g. {key} = "en"')
            )
        if value is not None:
            config[key] = value
    order = raw.get("order")
    if order is not None:
        if not isinstance(order, list) or not all(isinstance(v, str) for v in order):
            raise ConfigError(
                located(
                    path, 'order must be a list of language codes; write e.g. order = ["en", "zh"]'
                )
            )
        if len(set(order)) != len(order):
            raise ConfigError(
                located(path, "order lists a language twice; name each language once")
            )
        config["order"] = order
    if "quality" in raw:
        config["threshold"] = _quality_threshold(path, raw["quality"])
    return config


def _quality_threshold(path: Path, quality: object) -> float | None:
    """``[quality] threshold``: the most LQA penalty points per 1000 words a passing
    translation may have (a number, 0 or more)."""
    if not isinstance(quality, dict):
        raise ConfigError(
            located(
                path,
                "quality must be a table; write it as a [quality] section with e.g. threshold = 10",
            )
        )
    unknown = sorted(set(quality) - _QUALITY_KEYS)
    if unknown:
        hint = (
            "; every key after a [quality] line belongs to it: move the section to the end "
            "of the file"
            if set(unknown) & _CONFIG_KEYS
            else ""
        )
        raise ConfigError(
            located(
                path,
                f"unknown key(s) {', '.join(unknown)} in [quality]; "
                f"known keys: {', '.join(sorted(_QUALITY_KEYS))}{hint}",
            )
        )
    value = quality.get("threshold")
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 0 <= value < float("inf")
    ):
        raise ConfigError(
            located(
                path,
                f"[quality] threshold = {value!r} is not a penalty; "
                "give the most penalty points per 1000 words a "
                "passing translation may have, a number of 0 or "
                "more (e.g. threshold = 10)",
            )
        )
    return float(value)


def _read_metadata(path: Path):
    """docset.toml or glossary.tsv as text: UTF-8 (--encoding is for the language files)."""
    try:
        return read_text(path)
    except TextFileError as exc:
        what = str(exc).split("; ")[0]
        raise TextFileError(
            f"{what}; save it as UTF-8 text (--encoding applies to the language files only)"
        ) from None


def _load_glossary(path: Path) -> Glossary:
    """glossary.tsv when there is one; its errors always say what to do."""
    if not path.exists():
        return Glossary()
    try:
        _read_metadata(path)  # its encoding errors say what to do with this file
        return load_glossary(path)
    except GlossaryError as exc:
        message = str(exc)
        if "; " not in message.split(": ", 1)[-1]:
            message += (
                "; fix the file (first line: the language codes, tab-separated; then "
                "one concept per line)"
            )
        raise GlossaryError(message) from None


def _display_order(
    order: list[str], codes: tuple[str, ...], root: Path, notes: list[str]
) -> tuple[str, ...]:
    missing = [code for code in order if code not in codes]
    if missing:
        notes.append(
            f"{root / CONFIG_NAME}: order lists {', '.join(missing)} but there is no "
            "such language file; ignored"
        )
    listed = [code for code in order if code in codes]
    return tuple(listed + [code for code in codes if code not in listed])


def _pick_language(
    config: dict, key: str, default: str, languages: tuple[str, ...], root: Path, notes: list[str]
) -> str:
    value = config.get(key)
    if value is not None:
        if value not in languages:
            raise ConfigError(
                located(
                    root / CONFIG_NAME,
                    f'{key} = "{value}" but there is no {value}.txt; '
                    f"name one of {', '.join(languages)}",
                )
            )
        return value
    if default in languages:
        return default
    return languages[0]
