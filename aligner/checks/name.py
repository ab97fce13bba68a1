"""``name``: glossary names a version misses or misspells; minority spellings of one name.

With a glossary, each row's versions are searched for each concept (inflection-tolerant, see
``aligner.terms``). When the other versions name a concept and this one does not, the text
is searched for a near miss of the expected form with rapidfuzz ("Republic of Sacksthan" for
"Republic of Kazakhstan", a garbled document title); a short form standing where the others
use the full name is checked for a mangled first name ("Kasemal Tokayev"); a name written in
small letters where the glossary capitalises it is flagged ("the global development
initiative"). Without a glossary entry, capitalised words spelled two ways in one language
of a document (Tokayev/Tokaev) are reported at the rarer spelling; not across a catalog's
unrelated messages, where msgid is the evidence instead. Country and currency names of the
English text (msgid) are checked against their known translations (``aligner.facts.places``:
"Eritrea" is "Эритрея" in Russian, so "Эритея" is flagged), and so are the countries its
adjectives and language words name (``aligner.facts.country_words``: "Swedish" is 瑞典语).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from ..facts import glossary_key
from ..flags import Flag
from ..glossary import GlossaryEntry
from ..paragraphs import is_cjk
from ..terms import TermMatch, contains_term, term_pattern
from .base import Check, Document, Unit, register

_MISSPELT = 80  # rapidfuzz ratio of a near miss that is surely the name, garbled
_GARBLED = 65  # ... that is probably the name (long forms only)
_CJK_MISSPELT = 85
_MIN_FUZZY_CHARS = 5
_VARIANT = 80  # ratio of two capitalised words that are one name spelled two ways
_WORD_CHAR = re.compile(r"\w")
_POSSESSIVE = re.compile(r"['’]s?$")
_new = tuple.__new__  # TermMatch(...) without the named tuple's Python-level __new__


def _letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def _is_cjk_form(form: str) -> bool:
    return any(is_cjk(ch) for ch in form)


def _names_in(
    document: Document,
    unit: Unit,
    lang: str,
    keys: dict[str, int],
    cache: dict,
    words: dict[str, list] | None,
    index: int,
) -> dict[int, list[TermMatch]]:
    """One pass over the names of ``lang``'s cell (from the shared facts): the glossary
    entries named there, by entry number, with which of the entry's forms each occurrence is;
    and, into ``words`` when given, its capitalised-word candidates of at least five letters
    (any possessive ending dropped) as (unit index ``index``, start, end)."""
    found: dict[int, list[TermMatch]] = {}
    entries = document.glossary.entries
    text = unit.text(lang)
    for fact in document.facts(unit, lang):
        if fact.kind != "name":
            continue
        number = keys.get(fact.value)
        if number is not None:
            forms = entries[number].forms.get(lang, ())
            found.setdefault(number, []).append(
                _new(
                    TermMatch,
                    (
                        fact.start,
                        fact.end,
                        _form_of(forms, lang, text, fact.start, fact.end, cache),
                    ),
                )
            )
        elif words is not None and fact.value.startswith("cap:") and len(fact.text) >= 5:
            word = _POSSESSIVE.sub("", fact.text)
            words[word].append((index, fact.start, fact.start + len(word)))
    return found


def _form_of(
    forms: tuple[str, ...], lang: str, text: str, start: int, end: int, cache: dict
) -> str:
    """Which of the forms the name at [start, end) is; remembered by the text found and the
    character before it (the patterns look one character back)."""
    if len(forms) <= 1:
        return forms[0] if forms else ""
    key = (forms, lang, text[max(start - 1, 0) : end], start > 0)
    form = cache.get(key)
    if form is None:
        form = next(
            (
                f
                for f in forms
                if (p := term_pattern(f, lang)) is not None and p.fullmatch(text, start, end)
            ),
            forms[0] if forms else "",
        )
        cache[key] = form
    return form


@register
class NameCheck(Check):
    name = "name"
    severity = "error"
    description = "glossary names missed or misspelled; minority spellings of one name"

    local = True  # the spelling variants are found in ``finish``, from each shard's words

    def run(self, document: Document) -> list[Flag]:
        return self.finish(document, [self.run_part(document)])

    def run_part(self, document: Document) -> tuple[list[Flag], dict]:
        """Glossary flags of the shard, and where its capitalised words are (by target
        language, word: (unit index in the whole document, start, end))."""
        entries = document.glossary.entries
        flags: list[Flag] = []
        keys = (
            {glossary_key(entry, document.glossary): number for number, entry in enumerate(entries)}
            if entries and not document.catalog
            else {}
        )
        # in a catalog, msgid is the evidence of a word's spelling (``spelling``, known
        # names below): spellings compared across its unrelated messages were noise
        places: dict[str, dict[str, list]] = (
            {} if document.catalog else {lang: defaultdict(list) for lang in document.targets}
        )
        cache: dict = {}
        english = next((lang for lang in document.languages if lang.split("-")[0] == "en"), None)
        for index, unit in enumerate(document.units, document.offset):
            present = {
                lang: _names_in(document, unit, lang, keys, cache, places.get(lang), index)
                for lang in document.languages
            }
            if keys:
                for lang in document.targets:
                    flags.extend(self._glossary(unit, document, lang, present, entries))
                    flags.extend(self._case(unit, lang, present[lang], entries))
            if english is not None:
                flags.extend(self._known(unit, document, english))
        return flags, {lang: dict(words) for lang, words in places.items()}

    def finish(self, document: Document, parts: list[tuple[list[Flag], dict]]) -> list[Flag]:
        places: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for _, found in parts:
            for lang, words in found.items():
                for word, where in words.items():
                    places[lang][word].extend(where)
        flags = [flag for part, _ in parts for flag in part]
        flags.extend(self._variants(document, places))
        return _without_overlaps(flags)

    def _glossary(
        self,
        unit: Unit,
        document: Document,
        lang: str,
        present: dict[str, dict[int, list[TermMatch]]],
        entries: tuple[GlossaryEntry, ...],
    ) -> Iterable[Flag]:
        text = unit.text(lang)
        if not text:
            return
        others_all = document.others(lang)
        candidates = sorted({number for other in others_all for number in present[other]})
        for number in candidates:
            entry = entries[number]
            forms = entry.forms.get(lang)
            mine = present[lang].get(number)
            if not forms or (mine and all(m.form == forms[0] for m in mine)):
                continue  # named here as the others name it: the usual case
            others = [o for o in others_all if entry.forms.get(o) and unit.text(o)]
            having = [o for o in others if number in present[o]]
            if not having:
                continue
            evidence = {
                o: unit.text(o)[m.start : m.end] for o in having for m in present[o][number][:1]
            }
            agreed = len(having) == len(others)
            if mine:
                theirs = {o: present[o][number] for o in having}
                yield from self._short_form(unit, lang, entry, mine, having, theirs, evidence)
                continue
            if contains_term(text, lang, forms):
                continue  # named inside a longer name ("China-Central Asia Summit")
            taken = [(m.start, m.end) for matches in present[lang].values() for m in matches]
            yield from self._missing(unit, lang, forms, evidence, agreed, len(having), taken)

    def _case(
        self,
        unit: Unit,
        lang: str,
        found: dict[int, list[TermMatch]],
        entries: tuple[GlossaryEntry, ...],
    ) -> Iterable[Flag]:
        """Glossary names written in small letters where every form of the glossary has
        capitals ("the global development initiative" for "Global Development Initiative")."""
        text = unit.text(lang)
        for number, matches in found.items():
            forms = entries[number].forms.get(lang, ())
            for match in matches:
                written = text[match.start : match.end]
                fixed = _capitalised_like(written, forms)
                if fixed is None:
                    continue
                yield self.flag(
                    unit,
                    lang,
                    match.start,
                    match.end,
                    f'"{written}": the glossary writes "{match.form}" → {fixed}',
                    expected=fixed,
                    severity="warning",
                )

    def _known(self, unit: Unit, document: Document, english: str) -> Iterable[Flag]:
        """Country, language and currency names of the English text (msgid) misspelt in
        a translation, by their known translations (ISO catalogs: "Эритрея" for Eritrea)."""
        source = unit.text(english)
        if not source or not any(ch.isupper() for ch in source):
            return
        from ..facts.places import misspelt_names  # deferred: start-up time

        source = document.masked(source)
        who = "msgid" if document.catalog else english
        for lang in document.targets:
            text = unit.text(lang)
            if lang == english or not text:
                continue
            for start, end, name, local in misspelt_names(source, text, _iso_language(lang)):
                yield self.flag(
                    unit,
                    lang,
                    start,
                    end,
                    f'"{text[start:end]}" misspelt? — {who} says "{name}", '
                    f'known in {lang} as "{local}" → {local}',
                    evidence={english: name},
                    expected=local,
                )

    def _short_form(
        self,
        unit: Unit,
        lang: str,
        entry: GlossaryEntry,
        mine: list[TermMatch],
        having: list[str],
        theirs: dict[str, list[TermMatch]],
        evidence: dict[str, str],
    ) -> Iterable[Flag]:
        """A short form (Tokayev) where the others use the full one: is a first name garbled?"""
        full = entry.forms[lang][0]
        full_words = full.split()
        shorter = [
            match
            for match in mine
            if match.form != full
            and match.form in full
            and len(match.form.split()) < len(full_words)
        ]
        if not shorter:
            return  # the full form, or another form ("Chinese" for "China"): nothing cut
        full_users = sum(any(m.form == entry.forms[o][0] for m in theirs[o]) for o in having)
        if full_users * 2 <= len(having):
            return
        text = unit.text(lang)
        for match in shorter:
            missing = len(full_words) - len(match.form.split())
            start, taken = match.start, 0
            while taken < missing:
                found = re.search(r"([\w'’-]+)\s*$", text[:start])
                if not found or not found.group(1)[:1].isupper():
                    break
                start = found.start(1)
                taken += 1
            if not taken:
                continue
            candidate = text[start : match.end]
            from rapidfuzz import fuzz  # deferred: start-up time (a catalog without names)

            score = fuzz.ratio(candidate.lower(), full.lower())
            if candidate == full or score < 60:
                continue
            yield self.flag(
                unit,
                lang,
                start,
                match.end,
                f'"{candidate}" — {_said(evidence)} → {full}',
                evidence=evidence,
                expected=full,
                severity="error" if len(having) >= 2 else "warning",
            )

    def _missing(
        self,
        unit: Unit,
        lang: str,
        forms: tuple[str, ...],
        evidence: dict[str, str],
        agreed: bool,
        having: int,
        taken: list[tuple[int, int]],
    ) -> Iterable[Flag]:
        text = unit.text(lang)
        best = None
        for form in forms:
            found = _near_miss(text, form)
            if found and any(a < found[2] and found[1] < b for a, b in taken):
                continue  # that passage is another glossary name, spelt right
            if found and (best is None or found[0] > best[0]):
                best = (*found, form)
        preferred = forms[0]
        if best:
            score, start, end, form = best
            if score >= (_CJK_MISSPELT if _is_cjk_form(form) else _MISSPELT):
                yield self.flag(
                    unit,
                    lang,
                    start,
                    end,
                    f'"{text[start:end]}" {_wrong(form)} — {_said(evidence)} → {form}',
                    evidence=evidence,
                    expected=form,
                    severity="error" if having >= 2 else "warning",
                )
                return
            if score >= _GARBLED and len(form.split()) >= 3:
                yield self.flag(
                    unit,
                    lang,
                    start,
                    end,
                    f'"{text[start:end]}" garbled? — {_said(evidence)} → {form}',
                    evidence=evidence,
                    expected=form,
                    severity="warning",
                )
                return
        multiword = len(preferred) >= 6 if _is_cjk_form(preferred) else len(preferred.split()) >= 2
        if agreed and having >= 2 and multiword:
            start, end = best[1:3] if best else (0, 0)
            yield self.flag(
                unit,
                lang,
                start,
                end,
                f'no "{preferred}" here — {_said(evidence)}',
                evidence=evidence,
                expected=preferred,
                severity="warning",
            )

    def _variants(self, document: Document, places: dict[str, dict[str, list]]) -> list[Flag]:
        """Capitalised words spelled two ways within one language: flag the rarer spelling.

        The words are the facts' capitalised-word candidates (not sentence-initial)."""
        flags: list[Flag] = []
        glossary_words = {
            word.lower()
            for entry in document.glossary.entries
            for forms in entry.forms.values()
            for form in forms
            for word in re.findall(r"[\w'’-]+", form)
        }
        units = document.units
        for lang in document.targets:
            found = places.get(lang, {})
            words = [w for w in found if w.lower() not in glossary_words]
            if len(words) < 2:
                continue
            from rapidfuzz import fuzz, process  # deferred: start-up time

            matrix = process.cdist(
                words, words, scorer=fuzz.ratio, score_cutoff=_VARIANT, processor=str.lower
            )
            for i, j in zip(*matrix.nonzero()):
                rare, common = words[i], words[j]
                if i == j or len(found[common]) < max(2, 2 * len(found[rare])):
                    continue
                if _inflection(rare, common):
                    continue
                for index, start, end in found[rare]:
                    flags.append(
                        self.flag(
                            units[index - document.offset],
                            lang,
                            start,
                            end,
                            f'"{rare}" here, "{common}" {len(found[common])} times '
                            "elsewhere: one name spelled two ways?",
                            expected=common,
                            severity="warning",
                        )
                    )
        return flags


def _near_miss(text: str, form: str) -> tuple[float, int, int] | None:
    """(score, start, end) of the passage of ``text`` most like ``form``, cut to whole words."""
    from rapidfuzz import fuzz  # deferred: start-up time

    if len(form) < _MIN_FUZZY_CHARS or len(text) < len(form) // 2:
        return None
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    found = fuzz.partial_ratio_alignment(form.lower(), lowered, score_cutoff=_GARBLED)
    if found is None or found.score < _GARBLED:
        return None
    start, end = found.dest_start, found.dest_end
    if not _is_cjk_form(form):
        start, end = _whole_words(text, start, end, form)
    span = lowered[start:end]
    if not _letters(span) or span.startswith(form.lower()) or form.lower().startswith(span):
        return None  # a derived word ("Kazakhstani") or a fragment, not a misspelling
    return fuzz.ratio(form.lower(), span), start, end


_TOKEN = re.compile(r"[\w'’-]+")
_LINKS = frozenset("of and the for on in at to de du la des".split())


def _whole_words(text: str, start: int, end: int, form: str) -> tuple[int, int]:
    """Widen [start, end) to whole words, drop edge words unlike any word of ``form``, then
    follow a Title Case phrase on (a document title goes on past the glossary form's length)."""
    from rapidfuzz import fuzz  # deferred: start-up time

    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    inside = [i for i, (a, b) in enumerate(tokens) if b > start and a < end]
    if not inside:
        return start, end
    form_words = [w.lower() for w in _TOKEN.findall(form) if w.lower() not in _LINKS]

    def like(i: int) -> bool:
        word = text[tokens[i][0] : tokens[i][1]].lower()
        return word not in _LINKS and any(fuzz.ratio(word, w) >= 75 for w in form_words)

    def starts_form(i: int) -> bool:
        return fuzz.ratio(text[tokens[i][0] : tokens[i][1]].lower(), form_words[0]) >= 75

    first, last = inside[0], inside[-1]
    while first < last and not like(first):
        first += 1
    while last > first and not like(last):
        last -= 1

    def titled(i: int) -> bool:
        return text[tokens[i][0] : tokens[i][0] + 1].isupper()

    def gap(i: int, j: int) -> bool:  # only spaces between tokens i < j
        return not text[tokens[i][1] : tokens[j][0]].strip()

    while last + 1 < len(tokens) and gap(last, last + 1):
        step = last + 1
        while (
            step < len(tokens)
            and text[tokens[step][0] : tokens[step][1]].lower() in _LINKS
            and step + 1 < len(tokens)
            and gap(step, step + 1)
        ):
            step += 1
        if titled(last) and titled(step):
            last = step
        else:
            break
    # back over a Title Case phrase begun before the match, never past the form's first
    # word: a title before a name ("Mayor Yerzhan ...") is not part of the name
    while (
        first > 0
        and form_words
        and gap(first - 1, first)
        and titled(first - 1)
        and titled(first)
        and not starts_form(first)
    ):
        first -= 1
    return tokens[first][0], tokens[last][1]


def _iso_language(lang: str) -> str:
    """The language code the ISO catalogs file ``lang`` under (a docset's "zh" is zh_CN)."""
    return "zh_CN" if lang == "zh" else lang


@lru_cache(maxsize=8192)  # a document names the same few names again and again
def _capitalised_like(written: str, forms: tuple[str, ...]) -> str | None:
    """``written`` with the capitals every form of the same words has, or None when some form
    is written as here (endings may differ: "Initiatives", "Инициативы"). Only words after
    the first count: a glossary often capitalises its first word as a headword ("Институт
    Конфуция" for "институтов Конфуция"), and a one-word name may be an adjective in small
    letters ("қытай компаниялары")."""
    words = list(_TOKEN.finditer(written))
    fixes = []
    for form in forms:
        form_words = _TOKEN.findall(form)
        if len(form_words) != len(words):
            continue
        wrong = [
            i
            for i, (match, word) in enumerate(zip(words, form_words))
            if i and word[:1].isupper() and match.group()[:1].islower()
        ]
        if not wrong:
            return None
        fixes.append(wrong)
    if not fixes:
        return None
    which = fixes[0]
    if words[0].group()[:1].islower() and any(
        form_words[0][:1].isupper()
        for form in forms
        if len(form_words := _TOKEN.findall(form)) == len(words)
    ):
        which = [0, *which]
    return _capitalise(written, words, which)


def _capitalise(written: str, words: list[re.Match], which: list[int]) -> str:
    out = list(written)
    for i in which:
        at = words[i].start()
        out[at] = out[at].upper()
    return "".join(out)


def _wrong(form: str) -> str:
    return "garbled?" if len(form.split()) >= 4 else "misspelt?"


def _said(evidence: dict[str, str]) -> str:
    """``zh 习近平, ru Си Цзиньпин`` — what the other versions say."""
    return ", ".join(f"{lang} {text}" for lang, text in evidence.items())


def _inflection(a: str, b: str) -> bool:
    """Whether two words differ only in their ending (Казахстана/Казахстан, Tokayev's)."""
    a, b = a.lower(), b.lower()
    if a.isascii() and b.isascii():
        return a.startswith(b) or b.startswith(a)  # English adds endings only: -'s, -i, -s
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= min(len(a), len(b)) - 3


def _without_overlaps(flags: list[Flag]) -> list[Flag]:
    """Keep one flag per overlapping span: the more severe, then the longer."""
    rank = {"error": 0, "warning": 1, "info": 2}
    kept: list[Flag] = []
    spans: dict[tuple, list[tuple[int, int]]] = defaultdict(list)  # kept spans per paragraph
    for flag in sorted(flags, key=lambda f: (rank.get(f.severity, 3), f.start - f.end)):
        where = (flag.row, flag.entry, flag.lang, flag.paragraph)
        if flag.end > flag.start and any(a < flag.end and flag.start < b for a, b in spans[where]):
            continue
        kept.append(flag)
        spans[where].append((flag.start, flag.end))
    return kept
