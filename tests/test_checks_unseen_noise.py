"""Real catalogs' untouched messages that are no error, second reading (seed 6's new catalogs).

Each class was read among the flags on catalogs no development seed held (NetworkManager,
gtksourceview, gedit, udisks2, ...); beside each rule, the damage it must still find.
"""

from __future__ import annotations

from tests.test_checks_recall import catalog, flags_of

NOTATION = (
    'Include the "${DEVICE}" or "${MAC}" specifier in the stable-id, derived from the MAC '
    "address of the device."
)


def test_a_variable_msgid_reads_as_notation_is_notation_in_msgstr_too(tmp_path):
    path = catalog(
        tmp_path,
        [(NOTATION, 'Включите "${DEVICE}" или "${MAC}" в stable-id, по MAC-адресу устройства.')],
    )
    assert flags_of(path, ["variable"]) == []


def test_a_variable_msgid_lacks_is_still_flagged_beside_notation(tmp_path):
    path = catalog(
        tmp_path,
        [(NOTATION, 'Включите "${DEVICE}" или "${HOST}" в stable-id, по MAC-адресу устройства.')],
    )
    assert [message for *_, message in flags_of(path, ["variable"])] == [
        "variable ${HOST} is not in msgid"
    ]
