"""The docset loader: the paragraph rule, metadata, glossary and every kind of bad input."""

from __future__ import annotations

import codecs

import pytest

from aligner.docset import load
from aligner.errors import ConfigError, DocSetError, GlossaryError, TextFileError
from aligner.paragraphs import split_paragraphs
from tests.conftest import write_docset

RU = "Стороны подтвердили свою приверженность принципам Устава ООН.\n\nСовершено в Сиане 17 мая 2023 года."
ZH = "双方重申恪守《联合国宪章》宗旨和原则。\n\n本声明于2023年5月17日在西安签署。"


# --- the paragraph rule ---------------------------------------------------------------


def test_blank_lines_separate_paragraphs_and_lines_inside_are_joined_with_a_space():
    text = "First line\nsecond line\n\n\n  Second paragraph  \n"
    assert split_paragraphs(text) == ["First line second line", "Second paragraph"]


def test_a_file_without_blank_lines_has_one_paragraph_per_line():
    assert split_paragraphs("one\ntwo\n\n") == ["one", "two"]
    assert split_paragraphs("one\n   \ntwo\nthree") == ["one", "two three"]


def test_joining_chinese_lines_invents_no_space():
    assert split_paragraphs("双方同意\n加强合作。\n\n第二段") == ["双方同意加强合作。", "第二段"]


def test_whitespace_only_lines_count_as_blank():
    assert split_paragraphs("a\n \t \nb") == ["a", "b"]


# --- loading --------------------------------------------------------------------------


def test_loads_languages_paragraphs_and_defaults(tmp_path):
    root = write_docset(tmp_path / "d", {"ru.txt": RU, "zh.txt": ZH, "en.txt": "One.\n\nTwo."})
    docset = load(root)
    assert docset.languages == ("en", "ru", "zh")
    assert docset.pivot == "en"
    assert docset.paragraphs("zh")[1] == "本声明于2023年5月17日在西安签署。"
    assert docset.notes == ()


def test_docset_toml_sets_title_source_order_and_pivot(tmp_path):
    root = write_docset(
        tmp_path / "d",
        {
            "ru.txt": RU,
            "zh.txt": ZH,
            "docset.toml": 'source = "zh"\npivot = "ru"\norder = ["zh", "ru"]\n'
            '[title]\nzh = "联合声明"\nru = "Совместное заявление"\n',
        },
    )
    docset = load(root)
    assert (docset.source, docset.pivot, docset.languages) == ("zh", "ru", ("zh", "ru"))
    assert docset.title == "Совместное заявление" and docset.title_in("zh") == "联合声明"


def test_unknown_files_are_ignored_with_a_note(tmp_path):
    root = write_docset(tmp_path / "d", {"en.txt": "a", "notes.docx": b"PK", "English.txt": "x"})
    docset = load(root)
    assert docset.languages == ("en",)
    assert any("notes.docx" in n and "ignored" in n for n in docset.notes)
    assert any("English.txt" in n for n in docset.notes)


def test_empty_language_file_loads_with_zero_paragraphs_and_a_note(tmp_path):
    root = write_docset(tmp_path / "d", {"en.txt": "a", "ru.txt": " \n\n \t\n"})
    docset = load(root)
    assert docset.paragraphs("ru") == ()
    assert any("ru.txt" in n and "empty" in n for n in docset.notes)


@pytest.mark.parametrize(
    "bom,encoding",
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_boms_are_honoured(tmp_path, bom, encoding):
    root = write_docset(tmp_path / "d", {"ru.txt": bom + RU.encode(encoding)})
    docset = load(root)
    assert docset.paragraphs("ru")[0].startswith("Стороны")
    assert not docset.paragraphs("ru")[0].startswith("\ufeff")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(tmp_path, newline):
    root = write_docset(tmp_path / "d", {"ru.txt": RU.replace("\n", newline).encode()})
    assert load(root).paragraphs("ru") == tuple(RU.split("\n\n"))


def test_cp1251_russian_is_recognised_and_reported(tmp_path):
    root = write_docset(tmp_path / "d", {"ru.txt": RU.encode("cp1251")})
    docset = load(root)
    assert docset.paragraphs("ru") == tuple(RU.split("\n\n"))
    assert docset.texts["ru"].encoding == "cp1251" and docset.texts["ru"].encoding_assumed
    assert any("cp1251" in n for n in docset.notes)


def test_gb18030_chinese_is_recognised_and_reported(tmp_path):
    root = write_docset(tmp_path / "d", {"zh.txt": ZH.encode("gb18030")})
    docset = load(root)
    assert docset.paragraphs("zh") == tuple(ZH.split("\n\n"))
    assert docset.texts["zh"].encoding == "gb18030"


def test_chinese_in_gb18030_is_never_misread_as_cp1251(tmp_path):
    # A file named ru.txt holding GB18030 Chinese: cp1251 would "decode" it into nonsense.
    root = write_docset(tmp_path / "d", {"ru.txt": ZH.encode("gb18030")})
    with pytest.raises(TextFileError, match="--encoding"):
        load(root)


def test_unrecognised_encoding_names_the_file_and_the_option(tmp_path):
    root = write_docset(
        tmp_path / "d", {"de.txt": "Grüße aus Köln, schöne Straße".encode("cp1252")}
    )
    with pytest.raises(TextFileError) as err:
        load(root)
    assert "de.txt" in str(err.value) and "--encoding" in str(err.value)


def test_explicit_encoding_per_language(tmp_path):
    root = write_docset(
        tmp_path / "d", {"de.txt": "Grüße aus Köln".encode("cp1252"), "en.txt": "Hi"}
    )
    assert load(root, {"de": "cp1252"}).paragraphs("de") == ("Grüße aus Köln",)


def test_explicit_wrong_encoding_is_an_error(tmp_path):
    root = write_docset(tmp_path / "d", {"zh.txt": ZH.encode("gb18030")})
    with pytest.raises(TextFileError, match="not valid utf-8"):
        load(root, "utf-8")


def test_binary_file_is_refused(tmp_path):
    root = write_docset(tmp_path / "d", {"en.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"})
    with pytest.raises(TextFileError, match="NUL"):
        load(root)


def test_control_characters_are_kept_and_reported(tmp_path):
    root = write_docset(tmp_path / "d", {"en.txt": "clean\n\nred \x1b[31malert\x1b[0m here"})
    docset = load(root)
    assert "\x1b[31m" in docset.paragraphs("en")[1]
    assert any("2 control character" in n and "paragraph 1" in n for n in docset.notes)


def test_large_paragraph_and_many_paragraphs(tmp_path):
    big = "word " * 1_000_000  # 5 MB, one paragraph
    many = "\n\n".join(f"Paragraph {i}." for i in range(100_000))
    root = write_docset(tmp_path / "d", {"en.txt": big, "ru.txt": many})
    docset = load(root)
    assert len(docset.paragraphs("en")) == 1 and len(docset.paragraphs("en")[0]) == 4_999_999
    assert (
        len(docset.paragraphs("ru")) == 100_000
        and docset.paragraphs("ru")[-1] == "Paragraph 99999."
    )


@pytest.mark.parametrize(
    "make,error,fragment",
    [
        (lambda p: p / "missing", DocSetError, "no such directory"),
        (
            lambda p: write_docset(p / "d", {"en.txt": "x"}) / "en.txt",
            DocSetError,
            "not a directory",
        ),
        (lambda p: write_docset(p / "d", {"notes.md": "x"}), DocSetError, "no language file"),
    ],
)
def test_unusable_paths(tmp_path, make, error, fragment):
    with pytest.raises(error, match=fragment):
        load(make(tmp_path))


@pytest.mark.parametrize(
    "toml,fragment",
    [
        ('source = "zh\n', ":1: not valid TOML"),
        ("source = 3\n", "source must be a language code"),
        ('order = "en"\n', "order must be a list"),
        ('pivot = "fr"\n', 'pivot = "fr" but there is no fr.txt'),
        ('colour = "red"\n', "unknown key(s) colour"),
    ],
)
def test_malformed_docset_toml(tmp_path, toml, fragment):
    root = write_docset(tmp_path / "d", {"en.txt": "x", "zh.txt": "y", "docset.toml": toml})
    with pytest.raises(ConfigError) as err:
        load(root)
    assert fragment in str(err.value) and "docset.toml" in str(err.value)


def test_glossary_is_parsed_with_alternatives_and_comments(tmp_path):
    root = write_docset(
        tmp_path / "d",
        {
            "en.txt": "x",
            "glossary.tsv": "# names\nen\tzh\tru\nXi'an\t西安\tСиань\nUN;United Nations\t联合国\t\n",
        },
    )
    glossary = load(root).glossary
    assert glossary.languages == ("en", "zh", "ru") and len(glossary) == 2
    assert glossary.entries[1].forms == {"en": ("UN", "United Nations"), "zh": ("联合国",)}
    assert glossary.entries[1].line == 4


@pytest.mark.parametrize(
    "tsv,fragment",
    [
        ("English\tChinese\nXi'an\t西安\n", ":1: header cell 'English'"),
        ("en\tzh\nXi'an\t西安\textra\n", ":2: 3 columns but the header has 2"),
    ],
)
def test_malformed_glossary(tmp_path, tsv, fragment):
    root = write_docset(tmp_path / "d", {"en.txt": "x", "glossary.tsv": tsv})
    with pytest.raises(GlossaryError) as err:
        load(root)
    assert fragment in str(err.value)
