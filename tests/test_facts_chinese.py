"""Chinese numerals read without cn2an give exactly what the cn2an reading gives."""

from __future__ import annotations

import cn2an

from aligner.facts.chinese import (
    _read_with_cn2an,
    _usual_forms,
    _usual_value,
    _written,
    to_number,
)


def test_written_like_cn2an_from_1_to_9999():
    assert [_written(n) for n in range(1, 10000)] == [
        cn2an.an2cn(n, "low") for n in range(1, 10000)
    ]


def test_usual_forms_read_as_cn2an_reads_them():
    forms = _usual_forms()
    assert len(forms) == 9990
    for numeral, value in forms.items():
        assert to_number(numeral) == _read_with_cn2an(numeral, numeral) == str(value)


def test_usual_value_is_the_table_s_answer():
    """Every key of the table, and 200,000 random strings of its characters (and others):
    the reading without the table answers as the table does."""
    import random

    forms = _usual_forms()
    for numeral, value in forms.items():
        assert _usual_value(numeral) == value
    rng = random.Random(15)
    alphabet = "零一二三四五六七八九十百千万点两〇"
    for _ in range(200_000):
        numeral = "".join(rng.choices(alphabet, k=rng.randint(1, 8)))
        assert _usual_value(numeral) == forms.get(numeral), numeral


def test_other_numerals_still_go_to_cn2an():
    for numeral in ("两千", "一万", "二〇二三", "三点五", "一十二", "十万零一千", "五六十"):
        plain = numeral.replace("两", "二").replace("〇", "零")
        if any(unit in plain for unit in "十百千万亿") or "点" in plain:
            assert to_number(numeral) == _read_with_cn2an(numeral, plain)
