"""XLIFF export: what a CAT tool (Trados, memoQ, OmegaT, Phrase) gets from `aligner export`.

One file per target language, one unit per row (id = row id), states that say what our UI
says, flags of the reviewed text as notes; valid against the OASIS schemas, read right by
translate-toolkit, and hostile text (markup, ESC, several paragraphs) kept as data.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.interchange_fixtures import (
    NS12,
    NS20,
    SCHEMA_FILES,
    XML_SPACE,
    export_files,
    load_schema,
    open_store,
    schema_dir,
    synced,
)
from tests.test_store_fixtures import HOSTILE_EN, make_docset

NAME_FIX = (
    "At the invitation of President Xi Jinping of the People's Republic of China, "
    "President of the Republic of Kazakhstan Kassym-Jomart Tokayev paid a state visit "
    "to the People's Republic of China from 16 to 17 May 2023."
)
NUMBER_SLIP = "over the past 13 years"  # zh, kk and ru say 31


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    """The bundled docset synced, with one approved fix, one unapproved fix (introducing a
    wrong number) and a note in English, exported as XLIFF 1.2 and 2.0."""
    import shutil

    from tests.conftest import BUNDLED

    root = tmp_path_factory.mktemp("xliff")
    docset = root / "joint"
    shutil.copytree(BUNDLED, docset, ignore=shutil.ignore_patterns("review", "alignment.tsv"))
    synced(docset)
    store = open_store(docset)
    rows = [row.id for row in store.alignment.rows]
    second, third = store.get(rows[1], "en"), store.get(rows[2], "en")
    assert "Kasemal" in second.text and "31 years" in third.text
    store.set_fix(rows[1], "en", NAME_FIX, approve=True)
    store.set_fix(rows[2], "en", third.text.replace("over the past 31 years", NUMBER_SLIP))
    store.set_note(rows[2], "en", "kk and ru say 31")
    files = {fmt: export_files(docset, fmt, root / fmt) for fmt in ("xliff12", "xliff20")}
    return docset, rows, files


def _file(files, lang):
    return next(path for path in files if path.name.endswith(f"-{lang}.xlf"))


def test_one_file_per_target_language_one_unit_per_row_with_the_row_ids(reviewed):
    docset, rows, files = reviewed
    for fmt, ns, unit_tag in (("xliff12", NS12, "trans-unit"), ("xliff20", NS20, "unit")):
        assert sorted(path.name for path in files[fmt]) == [
            "joint.zh-en.xlf",
            "joint.zh-kk.xlf",
            "joint.zh-ru.xlf",
        ]  # zh is the source
        root = ET.parse(_file(files[fmt], "kk")).getroot()
        assert [u.get("id") for u in root.iter(f"{{{ns}}}{unit_tag}")] == rows
    root12 = ET.parse(_file(files["xliff12"], "en")).getroot()
    file12 = root12.find(f"{{{NS12}}}file")
    assert (file12.get("source-language"), file12.get("target-language")) == ("zh", "en")
    root20 = ET.parse(_file(files["xliff20"], "en")).getroot()
    assert (root20.get("srcLang"), root20.get("trgLang")) == ("zh", "en")


def _unit12(files, row):
    root = ET.parse(_file(files["xliff12"], "en")).getroot()
    return next(u for u in root.iter(f"{{{NS12}}}trans-unit") if u.get("id") == row)


def _unit20(files, row):
    root = ET.parse(_file(files["xliff20"], "en")).getroot()
    return next(u for u in root.iter(f"{{{NS20}}}unit") if u.get("id") == row)


def test_states_say_untouched_reviewer_changed_and_approved(reviewed):
    _, rows, files = reviewed
    states12 = []
    for row in rows[:4]:
        unit = _unit12(files, row)
        states12.append((unit.get("approved"), unit.find(f"{{{NS12}}}target").get("state")))
    assert states12 == [
        (None, "needs-review-translation"),
        ("yes", "signed-off"),
        (None, "translated"),
        (None, "needs-review-translation"),
    ]
    states20 = [_unit20(files, row).find(f"{{{NS20}}}segment").get("state") for row in rows[:4]]
    assert states20 == ["initial", "final", "translated", "initial"]
    assert _unit20(files, rows[1]).find(f".//{{{NS20}}}target").text == NAME_FIX


def test_notes_carry_the_flags_of_the_reviewed_text_and_the_reviewer_note(reviewed):
    _, rows, files = reviewed
    # the fixed name is no longer flagged; the number the fix got wrong is
    fixed = [n.text for n in _unit12(files, rows[1]).findall(f"{{{NS12}}}note")]
    assert not [text for text in fixed if "Kasemal" in text], fixed
    slipped = _unit12(files, rows[2]).findall(f"{{{NS12}}}note")
    assert any(
        n.get("from") == "aligner" and n.text.startswith("number:") and "13" in n.text
        for n in slipped
    ), [n.text for n in slipped]
    assert [n.text for n in slipped if n.get("from") == "reviewer"] == ["kk and ru say 31"]
    notes20 = _unit20(files, rows[2]).findall(f".//{{{NS20}}}note")
    assert any(n.get("category") == "aligner-flag" and "13" in n.text for n in notes20)
    assert [n.text for n in notes20 if n.get("category") == "reviewer"] == ["kk and ru say 31"]


def test_translate_toolkit_reads_ids_texts_and_approval(reviewed):
    from translate.storage import xliff, xliff2

    _, rows, files = reviewed
    units12 = [
        u
        for u in xliff.xlifffile.parsefile(str(_file(files["xliff12"], "en"))).units
        if not u.isheader()
    ]
    # translate-toolkit prefixes a 1.2 id with the file's original ("joint\x04r1")
    assert [u.getid().rpartition("\x04")[2] for u in units12] == rows
    assert units12[1].target == NAME_FIX and units12[1].isapproved()
    assert not units12[2].isapproved() and NUMBER_SLIP in units12[2].target
    store20 = xliff2.Xliff2File.parsefile(str(_file(files["xliff20"], "en")))
    units20 = [u for u in store20.units if not u.isheader()]
    assert [u.getid() for u in units20] == rows
    assert units20[1].isapproved() and units20[3].isfuzzy() and units20[2].istranslated()
    assert (store20.getsourcelanguage(), store20.gettargetlanguage()) == ("zh", "en")


SCHEMAS = schema_dir()


@pytest.mark.skipif(
    SCHEMAS is None,
    reason="the OASIS XLIFF schemas are not on this machine: apt-get install "
    "php-symfony-translation (it ships them), or set ALIGNER_XLIFF_SCHEMAS to a directory "
    "with xliff-core-1.2-strict.xsd, xliff-core-2.0.xsd and xml.xsd",
)
def test_every_file_is_valid_against_the_oasis_schemas(reviewed, hostile):
    from lxml import etree

    _, _, files = reviewed
    checks = [
        ("1.2-strict", files["xliff12"] + hostile["xliff12"]),
        ("1.2-transitional", files["xliff12"] + hostile["xliff12"]),
        ("2.0", files["xliff20"] + hostile["xliff20"]),
    ]
    checked = 0
    for which, paths in checks:
        if not (SCHEMAS / SCHEMA_FILES[which]).is_file():
            continue  # transitional: only where it is present
        schema = load_schema(SCHEMAS, which)
        for path in paths:
            assert schema.validate(etree.parse(str(path))), (
                which,
                path.name,
                str(schema.error_log),
            )
            checked += 1
    assert checked >= len(files["xliff12"]) + len(files["xliff20"]) + 2


def test_the_schemas_refuse_a_broken_file(reviewed, tmp_path):
    """The validation above can fail: a unit without its source is refused by both schemas."""
    if SCHEMAS is None:
        pytest.skip("the OASIS XLIFF schemas are not on this machine")
    from lxml import etree

    _, _, files = reviewed
    for which, path, source in (
        ("1.2-strict", files["xliff12"][0], f"{{{NS12}}}source"),
        ("2.0", files["xliff20"][0], f"{{{NS20}}}source"),
    ):
        tree = etree.parse(str(path))
        first = next(tree.iter(source))
        first.getparent().remove(first)
        assert not load_schema(SCHEMAS, which).validate(tree), which


# The rules of the schemas checked without them (they hold wherever the schemas are missing).
STATES12 = {
    "new",
    "needs-translation",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-translation",
    "needs-review-adaptation",
    "needs-review-l10n",
    "translated",
    "signed-off",
    "final",
}
NMTOKEN = re.compile(r"^[\w.:-]+$")


def structural_errors(path) -> list[str]:
    """What the OASIS schemas would refuse in our files, checked by hand."""
    root = ET.parse(path).getroot()
    errors = []
    if root.tag == f"{{{NS12}}}xliff":
        ns = f"{{{NS12}}}"
        if root.get("version") != "1.2":
            errors.append("xliff version is not 1.2")
        for file in root.findall(f"{ns}file"):
            if not all(file.get(a) for a in ("original", "source-language", "datatype")):
                errors.append("file lacks original, source-language or datatype")
            if [c.tag for c in file] not in ([f"{ns}header", f"{ns}body"], [f"{ns}body"]):
                errors.append("file holds something other than header?, body")
            ids = [u.get("id") for u in file.iter(f"{ns}trans-unit")]
            if len(ids) != len(set(ids)) or not all(ids):
                errors.append("trans-unit ids are missing or not unique")
            for unit in file.iter(f"{ns}trans-unit"):
                tags = [c.tag for c in unit]
                if (
                    tags[:1] != [f"{ns}source"]
                    or tags.count(f"{ns}source") != 1
                    or tags.count(f"{ns}target") > 1
                    or (f"{ns}target" in tags and tags.index(f"{ns}target") != 1)
                ):
                    errors.append(f"{unit.get('id')}: not source, target?, then the rest")
                if unit.get("approved") not in (None, "yes", "no"):
                    errors.append(f"{unit.get('id')}: approved is not yes/no")
                target = unit.find(f"{ns}target")
                if target is not None and target.get("state") not in STATES12:
                    errors.append(f"{unit.get('id')}: state {target.get('state')!r}")
                if target is not None and len(target):
                    errors.append(f"{unit.get('id')}: markup inside the target")
                for note in unit.findall(f"{ns}note"):
                    if note.get("annotates") not in (None, "source", "target", "general"):
                        errors.append(f"{unit.get('id')}: note annotates {note.get('annotates')}")
                for context in unit.iter(f"{ns}context"):
                    if not context.get("context-type", "").startswith("x-"):
                        errors.append(f"{unit.get('id')}: context-type not x-")
                if unit.get(XML_SPACE) not in (None, "preserve", "default"):
                    errors.append(f"{unit.get('id')}: xml:space")
    elif root.tag == f"{{{NS20}}}xliff":
        ns = f"{{{NS20}}}"
        if root.get("version") != "2.0" or not root.get("srcLang"):
            errors.append("xliff version is not 2.0 or srcLang is missing")
        for file in root.findall(f"{ns}file"):
            if not file.get("id"):
                errors.append("file without id")
            ids = [u.get("id") for u in file.iter(f"{ns}unit")]
            if len(ids) != len(set(ids)) or not all(i and NMTOKEN.match(i) for i in ids):
                errors.append("unit ids are missing, not NMTOKENs or not unique")
            for unit in file.iter(f"{ns}unit"):
                tags = [c.tag for c in unit]
                if f"{ns}segment" not in tags or (
                    f"{ns}notes" in tags and tags.index(f"{ns}notes") != 0
                ):
                    errors.append(f"{unit.get('id')}: not notes?, then segments")
                for segment in unit.findall(f"{ns}segment"):
                    if segment.get("state") not in (
                        None,
                        "initial",
                        "translated",
                        "reviewed",
                        "final",
                    ):
                        errors.append(f"{unit.get('id')}: state {segment.get('state')!r}")
                    if [c.tag for c in segment] not in (
                        [f"{ns}source"],
                        [f"{ns}source", f"{ns}target"],
                    ):
                        errors.append(f"{unit.get('id')}: segment is not source, target?")
                    for cp in segment.iter(f"{ns}cp"):
                        if not re.fullmatch(r"[0-9A-F]{4,6}", cp.get("hex", "")):
                            errors.append(f"{unit.get('id')}: cp hex {cp.get('hex')!r}")
                for note in unit.iter(f"{ns}note"):
                    if note.get("appliesTo") not in (None, "source", "target"):
                        errors.append(f"{unit.get('id')}: note appliesTo")
            if root.get("trgLang") is None and list(file.iter(f"{ns}target")):
                errors.append("targets without trgLang")
    else:
        errors.append(f"root is {root.tag}")
    return errors


def test_every_file_keeps_the_structural_rules_of_the_schemas(reviewed, hostile):
    _, _, files = reviewed
    for path in [*files["xliff12"], *files["xliff20"], *hostile["xliff12"], *hostile["xliff20"]]:
        assert structural_errors(path) == [], path.name


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A docset whose English holds markup, an ESC sequence and a row of two paragraphs."""
    root = tmp_path_factory.mktemp("hostile")
    texts = {
        "en": [
            "Joint statement.",
            HOSTILE_EN,
            "<b>bold</b> & 'apostrophes'",
            "Bell \x07 and form feed \x0c here.",
        ],
        "zh": ["联合声明。", "标记与转义。", "粗体。", "铃声。"],
    }
    docset = make_docset(root / "doc", texts, 'source = "zh"\norder = ["zh", "en"]\n')
    synced(docset.path)
    store = open_store(docset.path)
    first = store.alignment.rows[0].id
    store.set_fix(first, "en", "Joint statement.\n\nA second paragraph, \x1b[1mbold\x1b[0m.")
    return {fmt: export_files(docset.path, fmt, root / fmt) for fmt in ("xliff12", "xliff20")} | {
        "docset": docset.path,
        "first": first,
    }


def test_hostile_text_is_data_controls_are_cp_in_2_0_and_pictures_in_1_2(hostile):
    data20 = hostile["xliff20"][0].read_text("utf-8")
    assert "\x1b" not in data20 and "\x07" not in data20
    assert '<cp hex="001B" />[31mred' in data20 and '<cp hex="0007" />' in data20
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in data20
    data12 = hostile["xliff12"][0].read_text("utf-8")
    assert "\x1b" not in data12 and "\u241b[31mred" in data12 and "\u2407" in data12
    root = ET.parse(hostile["xliff20"][0]).getroot()
    unit = next(u for u in root.iter(f"{{{NS20}}}unit") if u.get("id") == hostile["first"])
    target = unit.find(f".//{{{NS20}}}target")
    assert target.get(XML_SPACE) == "preserve"
    assert target.text == "Joint statement.\n\nA second paragraph, "  # blank line kept


def test_xliff_needs_a_target_language_other_than_the_source(hostile, tmp_path):
    from tests.conftest import run_aligner

    result = run_aligner(
        "export",
        str(hostile["docset"]),
        "--format",
        "xliff20",
        "--out",
        str(tmp_path / "x"),
        "--langs",
        "zh",
    )
    errors = [line for line in result.stderr.splitlines() if line.startswith("aligner: error:")]
    assert result.returncode == 2 and len(errors) == 1
    assert "XLIFF needs a reviewed language other than the source (zh)" in result.stderr
    assert not (tmp_path / "x").exists()
