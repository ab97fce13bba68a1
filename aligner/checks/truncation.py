"""``truncation``: a catalog msgstr cut short ("Очистка пометок коммитов" for "Clearing commit
marks in commit graph", "如果您删除" for "If you delete an item, it will be permanently lost.").

Length alone cannot tell a cut from a terse translation, nor can the last word alone, so the
catalog is its own evidence, learned afresh from each catalog (each language pair):

- how long its msgstrs are for a msgid of a given length (the median and spread of the
  log ratio, by msgid length), so a msgstr far shorter than its msgid predicts stands out;
- which of its msgid words it translates with which msgstr words (a word and its
  translation that go together in most messages that have either), so a msgid word whose
  translation is missing from the msgstr is seen;
- which words end its msgstrs (Russian "и", "для", Chinese "的", "不" end almost none), and
  whether msgid's final "." ":" "!" "?" is there.

A msgstr is flagged when it is much shorter than predicted and its end looks cut (a word that
ends no other message, msgid's end mark missing), or shorter and missing the translations of
several msgid words. A flag points at msgstr's end, where the rest is missing.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from statistics import median

from ..flags import Flag
from .base import Check, Document, Unit, register

_LATIN = re.compile(r"[A-Za-z]{3,}")
_WORD = re.compile(r"[^\W\d_]{2,}")
_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_SPACE = re.compile(r"\s+")
_END_MARK = re.compile(r"[.:!?。：！？](?:[\"'»”’)）]*)\s*$")
_MIN_LENGTH = 12       # msgid characters (spaces out) below which length says nothing
_MIN_MESSAGES = 40     # a catalog smaller than this has no length model
_BIN_MESSAGES = 30     # messages per msgid-length bin before it has a model of its own
# robust z of the length ratio (measured on 57k real ru/kk/zh entries, docs/checks-benchmark.md)
_SHORT = -3.0          # "much shorter": enough with an end that looks cut
_SHORT_LOST = -2.0     # enough when the cut end is msgid's end mark missing
_SHORTER = -1.2        # "shorter": enough with a cut end and translations of msgid words missing
_RARE_END = 0.02       # a word ending at most this share of the messages it is in...
_RARE_END_SEEN = 20    # ...of at least this many (function words: "и", "для", "的", "不")
_PAIR_SEEN = 3         # a msgid word in at least this many messages...
_PAIR_DICE = 0.6       # ...whose translation goes with it this strongly (Dice)
_MISSING = 2           # translations missing, with "shorter" and a cut end
_MISSING_MOST = 3      # translations missing, with "shorter" (z <= _SHORT_LOST), when they
_MOST = 0.75           # are most of the msgid words the catalog has translations for


def _length(text: str) -> int:
    return len(_SPACE.sub("", text))


def _tokens(text: str, cjk: bool) -> set[str]:
    """msgstr's words as the lexicon counts them: a word's first five letters (its stem,
    roughly, in Russian and Kazakh), Chinese character pairs, Latin words kept as they are."""
    found = {word.lower() for word in _LATIN.findall(text)}
    if cjk:
        for run in _HAN_RUN.findall(text):
            found.update(run[i:i + 2] for i in range(len(run) - 1))
    else:
        found.update(word.lower()[:5] for word in _WORD.findall(text)
                     if not word.isascii() and len(word) >= 3)
    return found


def _last_word(text: str, cjk: bool) -> str | None:
    body = text.rstrip()
    if cjk:
        return body[-1] if body and _HAN.match(body[-1]) else None
    found = re.search(r"([^\W\d_]+)$", body)
    if found is None or found.group(1).isascii():
        return None  # a name or an identifier kept in Latin letters says nothing of a cut
    return found.group(1).lower()


def _source_words(text: str) -> set[str]:
    return {word.lower() for word in _LATIN.findall(text)}


@register
class TruncationCheck(Check):
    name = "truncation"
    severity = "warning"
    description = ("a catalog msgstr cut short: far shorter than the catalog's msgstrs for "
                   "such a msgid, ending where no message ends, translations of msgid words "
                   "missing")

    def run(self, document: Document) -> list[Flag]:
        if not document.catalog:
            return []
        flags = []
        for lang in document.targets:
            flags.extend(self._language(document, lang))
        return flags

    def _language(self, document: Document, lang: str) -> Iterable[Flag]:
        cjk = lang.split("_")[0].split("-")[0] in ("zh", "ja")
        source = document.source
        pairs = []  # (unit, msgid, msgstr, start, end) of every single-form message
        for unit in document.units:
            source_cell, cell = unit.cells[source], unit.cells.get(lang)
            if cell is None or not cell.text or len(cell.parts) > 1 or len(source_cell.parts) > 1:
                continue
            pairs.append((unit, source_cell.text, cell.text))
        if len(pairs) < _MIN_MESSAGES:
            return
        model = _LengthModel([(msgid, msgstr) for _, msgid, msgstr in pairs])
        ends, seen = Counter(), Counter()
        for _, _, msgstr in pairs:
            seen.update(_tokens_for_end(msgstr, cjk))
            last = _last_word(msgstr, cjk)
            if last:
                ends[last] += 1
        suspects = []
        for unit, msgid, msgstr in pairs:
            last = _last_word(msgstr, cjk)
            z = model.z(msgid, msgstr)
            if z is None or z > _SHORTER:
                continue
            rare_end = last is not None and seen[last] >= _RARE_END_SEEN \
                and ends[last] - 1 <= _RARE_END * seen[last]
            lost_mark = bool(_END_MARK.search(msgid)) and not _END_MARK.search(msgstr) \
                and msgstr.rstrip()[-1:].isalnum()
            suspects.append((unit, msgid, msgstr, z, rare_end, lost_mark))
        if not suspects:
            return
        lexicon = _Lexicon(pairs, {w for _, msgid, *_ in suspects for w in _source_words(msgid)},
                           cjk)
        for unit, msgid, msgstr, z, rare_end, lost_mark in suspects:
            missing = lexicon.missing(msgid, msgstr)
            cut = rare_end or lost_mark
            known = lexicon.known(msgid)
            if not ((z <= _SHORT and cut) or (len(missing) >= _MISSING and cut)
                    or (lost_mark and z <= _SHORT_LOST)
                    or (len(missing) >= _MISSING_MOST and z <= _SHORT_LOST
                        and len(missing) >= _MOST * known)):
                continue
            yield self._flag(unit, document, lang, msgid, msgstr, z, missing, rare_end,
                             lost_mark, model)

    def _flag(self, unit: Unit, document: Document, lang: str, msgid: str, msgstr: str,
              z: float | None, missing: list[str], rare_end: bool, lost_mark: bool,
              model: _LengthModel) -> Flag:
        body = msgstr.rstrip()
        start = max(body.rfind(" ") + 1, len(body) - 12, 0)
        reasons = [f"{_length(msgstr)} characters where this catalog's msgstrs for such a "
                   f"msgid have about {model.expected(msgid)}"] if z is not None else []
        if missing:
            reasons.append("no translation of " + ", ".join(f'"{w}"' for w in missing[:4]))
        if rare_end:
            last = _last_word(msgstr, lang.split("_")[0] in ("zh", "ja"))
            reasons.append(f"ends with \"{last}\", which ends almost no other message")
        elif lost_mark:
            reasons.append("msgid's end mark is missing")
        return self.flag(unit, lang, start, len(body), "msgstr cut short? " + "; ".join(reasons),
                         evidence={document.source: msgid[-80:]})


def _tokens_for_end(text: str, cjk: bool) -> Iterable[str]:
    if cjk:
        return set(_HAN.findall(text))
    return {word.lower() for word in re.findall(r"[^\W\d_]+", text)}


class _LengthModel:
    """The catalog's log(len(msgstr) / len(msgid)): median and robust spread by msgid
    length (bins doubling in size), a bin with few messages taking the whole catalog's."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        bins: dict[int, list[float]] = defaultdict(list)
        every = []
        for msgid, msgstr in pairs:
            a = _length(msgid)
            if a < _MIN_LENGTH:
                continue
            x = math.log((_length(msgstr) + 1) / (a + 1))
            bins[_bin(a)].append(x)
            every.append(x)
        self.whole = _spread(every) if every else (0.0, 1.0)
        self.bins = {k: _spread(v) if len(v) >= _BIN_MESSAGES else self.whole
                     for k, v in bins.items()}

    def _of(self, msgid: str) -> tuple[float, float]:
        return self.bins.get(_bin(_length(msgid)), self.whole)

    def z(self, msgid: str, msgstr: str) -> float | None:
        a = _length(msgid)
        if a < _MIN_LENGTH:
            return None
        middle, spread = self._of(msgid)
        return (math.log((_length(msgstr) + 1) / (a + 1)) - middle) / spread

    def ratio(self, msgid: str) -> float:
        """The catalog's typical len(msgstr) / len(msgid) for such a msgid."""
        return math.exp(self._of(msgid)[0])

    def expected(self, msgid: str) -> int:
        middle, _ = self._of(msgid)
        return round((_length(msgid) + 1) * math.exp(middle) - 1)


def _bin(length: int) -> int:
    return min(int(math.log2(length)), 8)


def _spread(values: list[float]) -> tuple[float, float]:
    middle = median(values)
    mad = median(abs(v - middle) for v in values)
    return middle, max(1.4826 * mad, 0.05)


class _Lexicon:
    """Which msgstr word goes with each of the wanted msgid words across the catalog."""

    def __init__(self, pairs, wanted: set[str], cjk: bool) -> None:
        self.cjk = cjk
        n_word: Counter[str] = Counter()
        n_token: Counter[str] = Counter()
        together: dict[str, Counter[str]] = defaultdict(Counter)
        for _, msgid, msgstr in pairs:
            words = _source_words(msgid) & wanted
            tokens = _tokens(msgstr, cjk)
            n_token.update(tokens)
            if not words:
                continue
            n_word.update(words)
            for word in words:
                together[word].update(tokens)
        self.translation: dict[str, set[str]] = {}
        for word, counts in together.items():
            if n_word[word] < _PAIR_SEEN:
                continue
            strong = {token for token, co in counts.items()
                      if co >= 2 and 2 * co / (n_word[word] + n_token[token]) >= _PAIR_DICE}
            if strong:
                self.translation[word] = strong

    def known(self, msgid: str) -> int:
        """How many of msgid's words the lexicon knows a translation of."""
        return sum(1 for word in {w.lower() for w in _LATIN.findall(msgid)}
                   if word in self.translation)

    def missing(self, msgid: str, msgstr: str) -> list[str]:
        """msgid's words whose translations this msgstr lacks, in msgid's order."""
        tokens = _tokens(msgstr, self.cjk)
        out = []
        for word in dict.fromkeys(w.lower() for w in _LATIN.findall(msgid)):
            strong = self.translation.get(word)
            if strong and not strong & tokens:
                out.append(word)
        return out
