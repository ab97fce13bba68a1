"""Country names, short copies of msgid and messages in the wrong language that issue 15's
seed 6 catalogs showed the checks missing, each beside the faithful translation that must
stay quiet."""

from __future__ import annotations

import polib

from aligner.catalog import read_catalog
from tests.test_checks_recall import catalog, flags_of


def test_a_catalog_whose_msgid_is_the_c_locale_is_checked_as_english(tmp_path):
    """gnome-terminal's zh_CN catalog names its source language "C": the POSIX locale,
    whose messages are the program's English, so msgid's country names are checked."""
    path = catalog(tmp_path, [("Croatian", "国罗地亚语"), ("Ukrainian", "乌克兰语")], lang="zh_CN")
    po = polib.pofile(str(path))
    po.metadata["X-Source-Language"] = "C"
    po.save(str(path))
    assert read_catalog(path).source_language == "en"
    found = flags_of(path, ["name"])
    assert [(msgid, expected) for msgid, _, expected, _ in found] == [("Croatian", "克罗地亚")]
