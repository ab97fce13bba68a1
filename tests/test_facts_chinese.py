"""Chinese numerals read without cn2an give exactly what the cn2an reading gives."""

from __future__ import annotations

import cn2an

from aligner.facts.chinese import _read_with_cn2an, _usual_forms, _written, to_number


def test_written_like_cn2an_from_1_to_9999():
    assert [_written(n) for n in range(1, 10000)] == [
        cn2an.an2cn(n, "low") for n in range(1, 10000)
    ]


def test_usual_forms_read_as_cn2an_reads_them():
    forms = _usual_forms()
    assert len(forms) == 9990
    for numeral, value in forms.items():
        assert to_number(numeral) == _read_with_cn2an(numeral, numeral) == str(value)


def test_other_numerals_still_go_to_cn2an():
    for numeral in ("两千", "一万", "二〇二三", "三点五", "一十二", "十万零一千", "五六十"):
        plain = numeral.replace("两", "二").replace("〇", "零")
        if any(unit in plain for unit in "十百千万亿") or "点" in plain:
            assert to_number(numeral) == _read_with_cn2an(numeral, plain)
