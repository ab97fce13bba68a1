"""Words that need more after them, at a msgstr's end, for ``truncation``: a Russian
preposition or conjunction ("таблица в" for "tree table", "Повернуть по"), a Kazakh
conjunction ("Австралия және"), a Kazakh genitive or attributive locative without its head
("Пайдаланушының" for "Need user intervention": head last), a Russian long-form adjective
without the noun it agrees with ("Расширенный" for "Extended Partition"); and one word for
a msgid that joins two with "and" ("Ньюфаундленд" for "Newfoundland and Labrador").

These are facts of the languages, not habits of one catalog: a cut leaves them where a
sentence or a label never ends, however small the catalog is. A msgid that goes on itself
(a label before a widget, "Split this track every") is no evidence: its msgstr ends alike.

Kept apart from ``message_ends`` (which counts the catalog's own ends) because it is word
grammar, and from ``truncation`` because it knows nothing of lengths or links.
"""

from __future__ import annotations

import re
from collections import Counter

from .message_ends import ENDING_WORD, LETTERS, ending, last_word, unmarked

# Words that govern or join what follows them: Russian prepositions and conjunctions,
# Kazakh conjunctions (Kazakh postpositions, "үшін", "туралы", end phrases: "Осы туралы"
# for "About")
_GOVERNING = {
    "ru": frozenset(
        "в во на по под над о об обо от до из с со к ко у за без для при через между про "
        "перед и или а но либо".split()
    ),
    "kk": frozenset("және немесе".split()),
}
# the word a text ends with, after another word (and a comma) and a blank (not "м/с",
# "уплотнить-над", "%s с", "%d.%02d с": a unit, a compound, a value's unit)
_LAST_AFTER_WORD = re.compile(r"(?<=[^\W\d_]{2})(,?)\s+([^\W\d_]+)$")
# Kazakh, head last: a genitive ("Пайдаланушының", "-ның"/"-дың"/"-тың") needs the noun it
# possesses after it, an attributive locative ("ағымдағы", "-дағы") the noun it qualifies,
# an accusative the verb it is the object of ("Бетбелгілерді" for "Hide bookmarks", a
# plural's "-ларды"; a possessive's "-сын": "Тақырыптамасын"); none ends a message (left
# out: "-тағы", "жетегі" is "жетек" with its possessive; "-тарды", "қайтарды" is "returned";
# a singular's "-ды", "-ны": a past tense, "жабылды", and a possessive, "мәтіні", end alike)
_DEPENDENT_ENDINGS = {
    "kk": ("ның", "нің", "дың", "дің", "тың", "тің", "дағы", "дегі")
    + ("ларды", "лерді", "дарды", "дерді", "сын", "сін"),
}
# Russian long-form adjective endings (nominative: "-ый", "-ая", "-ое", "-ые"), which agree
# with a noun that follows; nouns that end alike are left out ("-ние", "-тие" of
# "Изменение", "-арий" of "Сценарий")
_ADJECTIVE = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
_NOT_ADJECTIVE = ("ние", "тие", "вие", "арий", "орий", "ерий")
# a catalog whose words with an adjective's ending end more than this share of the messages
# they are in has adjectives that stand alone (language names, "люксембургский")
_ADJECTIVE_ENDS = 0.5
# msgid ends that go on: a label before a widget ("Print at", "Split this track every",
# "Not Valid Before")
GOING_ON = frozenset(
    "about after and as at before between by every for from in into of on onto or over "
    "per than to under until via with within without".split()
)


# two words msgid joins ("Newfoundland and Labrador", "Apply to Folder and Contents"): one
# word cannot translate both
_COORDINATION = re.compile(r"[^\W\d_] and [^\W\d_]")


def coordination(msgid: str) -> bool:
    """Whether msgid joins two words with "and"."""
    return " and " in msgid and _COORDINATION.search(msgid) is not None


def governing_end(text: str, language: str) -> str | None:
    """The preposition or conjunction ``text`` ends with, in ``language`` ("ru", "kk"),
    written in lower case ("ПО" is software, "В" volts), after a word ("Горный часовой
    пояс, без"); none otherwise."""
    words = _GOVERNING.get(language)
    if words is None:
        return None
    match = _LAST_AFTER_WORD.search(unmarked(text).rstrip())
    if match is None or match.group(2) not in words:
        return None
    # after a comma, a letter alone is an abbreviation ("секунда, секунды, с")
    return None if match.group(1) and len(match.group(2)) < 2 else match.group(2)


def dependent_end(word: str | None, language: str) -> bool:
    """Whether ``word`` (lower-cased, msgstr's last) is a form that needs a head after it."""
    endings = _DEPENDENT_ENDINGS.get(language)
    return (
        bool(endings) and word is not None and len(word) >= ENDING_WORD and word.endswith(endings)
    )


def adjective(word: str | None) -> bool:
    """Whether a Russian ``word`` (lower-cased) ends as a long-form adjective does."""
    return (
        word is not None
        and len(word) >= ENDING_WORD
        and word.endswith(_ADJECTIVE)
        and not word.endswith(_NOT_ADJECTIVE)
    )


def msgid_goes_on(msgid: str) -> bool:
    """Whether msgid itself goes on after its end: a label before a widget ("Split this
    track every") or a text ("rebase in progress; onto ")."""
    words = LETTERS.findall(msgid)
    return not words or msgid[-1:].isspace() or words[-1].lower() in GOING_ON


def dangling(msgid: str, msgstr: str, language: str, measured: bool) -> str | None:
    """The word that needs more after it that msgstr ends with, where msgid does not go on:
    a preposition or conjunction, or, where the length model measures msgid (``measured``:
    a label of two short words says too little), a Kazakh dependent form."""
    word = governing_end(msgstr, language)
    if word is None and measured and len(LETTERS.findall(msgid)) >= 2:
        last = last_word(msgstr, False)
        word = last if dependent_end(last, language) else None
    return None if word is None or msgid_goes_on(msgid) else word


def adjective_alone(msgid: str, word: str | None, seen: Counter[str], ends: Counter[str]) -> bool:
    """Whether a Russian msgstr of one ``word`` is an adjective without its noun, by the
    catalog's counts (``seen``, ``ends``): its words with that ending go on in most of its
    messages and no other message ends with this one ("Десятичный" for "Decimal": a label
    of its own); not for a msgid that lists alternative names ("Crimean Tatar; Crimean
    Turkish": a translation gives one)."""
    if not adjective(word) or "," in msgid or ";" in msgid:
        return False
    end = ending(word)
    return ends[word] <= 1 and ends[end] - 1 <= _ADJECTIVE_ENDS * (seen[end] - 1)
