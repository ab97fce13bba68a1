"""The review files' PO text: the fast reader and writer agree with polib, byte for byte.

aligner reads and writes review files without polib's (slow) parser and renderer; these tests
generate hostile entries and files and check that what aligner writes is what polib writes,
and that what aligner reads is what polib reads, or that aligner hands the file to polib.
"""

from __future__ import annotations

import random

import polib
import pytest

from aligner.review.entry import (
    FUZZY_ONLY,
    Entry,
    Extra,
    original_lines,
    parse_comment,
    record_flags,
)
from aligner.review.po_format import Unsupported, from_polib, render_entry, to_polib, wrap
from aligner.review.pofile_io import _read_fast, read_po, read_po_text
from aligner.review.store import ReviewStore
from tests.test_store_fixtures import TEXTS, make_docset, msgfmt_check, one_to_one

PIECES = [
    "a",
    "b",
    "word",
    " ",
    "  ",
    "   ",
    "-",
    "--",
    "co-operation",
    "x-y-z",
    '"',
    "\\",
    "\\n",
    "\n",
    "\t",
    "\r",
    "\r\n",
    "\v",
    "\b",
    "\f",
    "\x1b[31m",
    "\x00",
    "\x85",
    "\u00a0",
    "\u2028",
    "\u3000",
    "\u200b",
    "中文",
    "两国联合声明。",
    "Қазақстан",
    "ё",
    "#",
    "#.",
    "|",
    "original:",
    "msgid",
    "[b]x[/b]",
    ",",
    "fuzzy",
    "\U0001f600",
]


def hostile(rng: random.Random, longest: int = 60) -> str:
    """A string made of pieces that stress PO escaping, wrapping and line splitting."""
    text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, longest)))
    if rng.random() < 0.2:
        text = "w" * rng.randint(60, 120) + text  # a word wider than a line
    return text


def random_entry(rng: random.Random) -> Entry:
    obsolete = rng.random() < 0.15
    flags = record_flags(hostile(rng, 8) for _ in range(rng.randint(0, 2)))
    return Entry(
        msgctxt=None if rng.random() < 0.1 else f"r{rng.randint(1, 99999)}",
        msgid=hostile(rng) or "x",
        msgstr=hostile(rng),
        po_flags=rng.choice([(), FUZZY_ONLY, ("fuzzy", "c-format"), ("no-wrap",)]),
        flags=() if obsolete else flags,
        original=None if obsolete or rng.random() < 0.1 else hostile(rng),
        note=" ".join(hostile(rng, 5) for _ in range(rng.randint(0, 30))).replace("\r", ""),
        previous_msgctxt=hostile(rng, 5) if rng.random() < 0.1 else None,
        previous_msgid=hostile(rng) if rng.random() < 0.2 else None,
        obsolete=obsolete,
        extra=Extra(occurrences=(("src/a.py", "12"),)) if rng.random() < 0.05 else None,
    )


def test_wrapping_is_textwraps():
    import textwrap

    rng = random.Random(7)
    for _ in range(3000):
        escaped = polib.escape(hostile(rng, 120))
        assert wrap(escaped) == textwrap.wrap(
            escaped, 76, drop_whitespace=False, break_long_words=False
        ), escaped


def test_entries_render_exactly_as_polib_renders_them():
    rng = random.Random(11)
    for _ in range(3000):
        entry = random_entry(rng)
        assert render_entry(entry) == to_polib(entry).__unicode__(78), entry


def test_the_original_text_survives_any_characters():
    rng = random.Random(13)
    for _ in range(2000):
        text = hostile(rng, 100)
        lines = original_lines(text)
        assert all(len(line) <= 75 and line == line.strip() for line in lines)
        assert parse_comment("\n".join(lines))[1] == text


def _po_text(entries: list[Entry], generator: str = "aligner 0.1") -> str:
    po = polib.POFile(wrapwidth=78)
    po.header = "Review file"
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "X-Generator": generator}
    po.extend(to_polib(entry) for entry in entries)
    return po.__unicode__()


def _polib_entries(text: str) -> list[Entry]:
    return [from_polib(entry) for entry in read_po_text(text)]


def test_the_fast_reader_reads_what_polib_reads():
    rng = random.Random(17)
    for _ in range(200):
        entries = [random_entry(rng) for _ in range(rng.randint(1, 8))]
        text = _po_text(entries)
        try:
            fast = _read_fast(text.encode("utf-8"), None)[2]
        except Unsupported:  # occurrences and "#~|" lines are polib's
            assert any(
                e.extra or e.obsolete and (e.previous_msgid, e.previous_msgctxt) != (None, None)
                for e in entries
            )
            continue
        assert fast == _polib_entries(text)


MUTATIONS = [
    lambda line: line + " ",
    lambda line: line + "\t",
    lambda line: line + "\u3000",
    lambda line: " " + line,
    lambda line: line.replace(" ", "  ", 1),
    lambda line: line.replace(" ", "\t", 1),
    lambda line: line + "\r",
    lambda line: line.replace('"', "", 1),
    lambda line: line + '"',
    lambda line: "#~| " + line,
    lambda line: "#: a.c:1\n" + line,
    lambda line: "",
    lambda line: line + "\n",
    lambda line: "#,",
    lambda line: "#.",
    lambda line: "#",
    lambda line: line.replace("#. ", "#.", 1),
    lambda line: line.replace("# ", "#", 1),
    lambda line: line.replace("original:", "original: "),
    lambda line: line.replace("|", "| ", 1),
    lambda line: "\ufeff" + line,
    lambda line: line.replace("msgstr", "msgstr[0]"),
]


def test_on_damaged_files_the_fast_reader_agrees_with_polib_or_steps_aside():
    rng = random.Random(19)
    checked = 0
    for _ in range(1500):
        entries = [random_entry(rng) for _ in range(rng.randint(1, 4))]
        lines = _po_text([e for e in entries if e.extra is None]).split("\n")
        where = rng.randrange(len(lines))
        lines[where] = rng.choice(MUTATIONS)(lines[where])
        data = "\n".join(lines).encode("utf-8")
        try:
            fast = _read_fast(data, None)[2]
        except Unsupported:
            continue
        text = data.decode("utf-8")
        assert fast == _polib_entries(text), text
        checked += 1
    assert checked > 300  # most mutations keep a file the fast reader takes


def test_a_store_written_file_is_read_back_fast_and_polib_saves_it_unchanged(tmp_path):
    docset = make_docset(tmp_path / "doc")
    store = ReviewStore.open(docset, one_to_one(docset))
    store.set_fix("r2", "en", 'A "quoted" fix\\ with\ttab\n\nand a second paragraph.')
    store.set_note("r2", "en", "note\nwith two lines " + "long " * 20)
    store.approve("r3", "en")
    path = docset.path / "review" / "en.po"
    data = path.read_bytes()
    parsed = read_po(path, generator="aligner")
    assert parsed.spans is not None  # read by the fast reader
    assert parsed.entries == _polib_entries(data.decode("utf-8"))
    po = polib.pofile(str(path))
    po.save(str(tmp_path / "again.po"))
    assert (tmp_path / "again.po").read_bytes() == data


def test_reopening_shares_the_docsets_strings(tmp_path):
    docset = make_docset(tmp_path / "doc")
    ReviewStore.open(docset, one_to_one(docset)).save()
    review = ReviewStore.open(docset, one_to_one(docset)).get("r2", "en")
    assert review.original is docset.paragraphs("en")[1]  # not a second copy of the text
    assert review.text is review.original
    assert review.source is docset.paragraphs("zh")[1]


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("\n", "\r\n"),  # CRLF
        lambda text: text.replace('msgctxt "r3"', '#: somewhere.c:3\nmsgctxt "r3"'),  # occurrences
        lambda text: text.replace("X-Generator: aligner", "X-Generator: Poedit"),
        lambda text: text.replace("\n\n#. original: They", "\n\n\n#. original: They"),
    ],
)
def test_files_other_tools_wrote_are_read_and_saved_in_polibs_form(tmp_path, edit):
    docset = make_docset(tmp_path / "doc")
    store = ReviewStore.open(docset, one_to_one(docset))
    store.set_fix("r1", "en", "kept fix")
    path = docset.path / "review" / "en.po"
    path.write_bytes(edit(path.read_text(encoding="utf-8")).encode("utf-8"))
    store = ReviewStore.open(docset, one_to_one(docset))
    assert store.get("r1", "en").text == "kept fix"
    store.set_fix("r2", "en", "second fix")
    assert msgfmt_check(path).returncode == 0
    po = polib.pofile(str(path))
    po.save(str(tmp_path / "again.po"))
    assert (tmp_path / "again.po").read_bytes() == path.read_bytes()
    assert {e.msgctxt: e.msgstr for e in po}["r2"] == "second fix"
    assert {e.msgctxt: e.msgstr for e in po}["r4"] == TEXTS["en"][3]
