"""Which words, and which word endings, end a catalog's msgstrs, for ``truncation``: a cut
leaves a msgstr ending where the catalog's own messages go on (Russian "и", "для", an
adjective's "-ая" before its noun; Kazakh a genitive's "-нің" before its head; Chinese "的",
"不"), so how many of the messages a word (or ending) is in it ends is the catalog's evidence
of where its messages can end.

Kept apart from ``truncation`` because it is a count of the catalog, not a rule about cuts:
it knows nothing of lengths or links, and the check asks it only "how many messages have
this word, and how many end with it".
"""

from __future__ import annotations

import re
from collections import Counter

ENDING_WORD = 5  # only words this long have an ending that says what they are
_ENDING = 2  # letters of a word's ending (Russian "-ая", "-ой", Kazakh "-дық": an adjective's)
LETTERS = re.compile(r"[^\W\d_]+")
# a keyboard accelerator inside a word of msgstr's own script ("в_ыделенные", "Ті_зімнен"):
# not a letter, so the word is read without it ("job_spec", in Latin, is an identifier)
_ACCELERATOR = re.compile(r"[_&](?=[^\W\d_a-zA-Z])")


def unmarked(text: str) -> str:
    """``text`` without the accelerators inside its words."""
    return _ACCELERATOR.sub("", text) if "_" in text or "&" in text else text


def words_of(text: str) -> set[str]:
    """The words of a Russian or Kazakh ``text``, lower-cased, accelerators left out."""
    return {word.lower() for word in LETTERS.findall(unmarked(text))}


def ending(word: str) -> str:
    return "-" + word[-_ENDING:]


def last_word(text: str, cjk: bool) -> str | None:
    """The word ``text`` ends with (Chinese: its last Han character), lower-cased; none
    where it ends otherwise or with a word in Latin letters."""
    body = text.rstrip()
    if cjk:
        return body[-1] if body and "\u3400" <= body[-1] <= "\u9fff" else None  # Han
    body = unmarked(body)
    start = len(body)
    while start and body[start - 1].isalpha():
        start -= 1
    word = body[start:]
    if not word or word.isascii():
        return None  # a name or an identifier kept in Latin letters says nothing of a cut
    return word.lower()


def count_ends(
    msgstrs: list[str], words: list[set[str]], cjk: bool
) -> tuple[Counter[str], Counter[str]]:
    """How many of the ``msgstrs`` (with their ``words``) each word, and, Russian and
    Kazakh, each ending ("-ая"), is in, and how many it ends."""
    seen: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    for msgstr, found in zip(msgstrs, words):
        seen.update(found)
        if not cjk:
            seen.update({ending(word) for word in found if len(word) >= ENDING_WORD})
        last = last_word(msgstr, cjk)
        if last:
            ends[last] += 1
            if not cjk and len(last) >= ENDING_WORD:
                ends[ending(last)] += 1
    return seen, ends


def ends_few(
    word: str | None,
    seen: Counter[str],
    ends: Counter[str],
    cjk: bool,
    share: float,
    word_seen: int,
    ending_seen: int,
) -> bool:
    """Whether ``word`` (or, Russian and Kazakh, its ending: "-ая" of "Сербская") ends at
    most ``share`` of the messages it is in, other than this one, being in enough of them."""
    if word is None:
        return False
    if seen[word] >= word_seen and ends[word] - 1 <= share * seen[word]:
        return True
    if cjk or len(word) < ENDING_WORD:
        return False
    end = ending(word)
    return seen[end] >= ending_seen and ends[end] - 1 <= share * seen[end]


# a name or an identifier that a translation copies from msgid ("GIMP", "SC/Xspread"), at
# msgstr's end; and a word after it in msgid (a placeholder, "%s", stands for what may go
# anywhere: Chinese "已连接 %s" for "connection to %s established")
_COPIED = re.compile(r"(?<![\w+.%-])[A-Za-z][A-Za-z0-9+._-]*")
_COPIED_END = re.compile(r"(?<![\w+.%-])[A-Za-z][A-Za-z0-9+._-]*$")
_WORD = re.compile(r"[A-Za-z]{3,}")


def _goes_on_after(msgid: str, token: str) -> bool:
    at = msgid.rfind(token)
    return at >= 0 and _WORD.search(msgid, at + len(token)) is not None


def copied_end(msgid: str, msgstr: str) -> str | None:
    """The name or identifier msgstr ends with (before an end mark) that msgid has with
    words after it ("Gnumeric" of "Gnumeric spreadsheet"), if any."""
    body = msgstr.rstrip().rstrip(".:")
    if not body or not (body[-1].isascii() and body[-1].isalnum()):
        return None
    match = _COPIED_END.search(body)
    if match is None or not _goes_on_after(msgid, match.group()):
        return None
    return match.group()


def copied_ends(pairs: list[tuple[str, str]]) -> tuple[int, int]:
    """How many of the catalog's msgstrs have a name or identifier of their msgid that
    msgid has words after ("GIMP" of "compressed GIMP image"), and how many of
    them end with one: Kazakh, whose head words come last, ends almost none ("сығылған GIMP
    суреті"), Russian, that puts the name after the head, many ("Сжатое изображение GIMP")."""
    having = ending_with = 0
    for msgid, msgstr in pairs:
        tokens = _COPIED.findall(msgstr)
        if not tokens:
            continue
        shared = set(tokens) & set(_COPIED.findall(msgid))
        if any(_goes_on_after(msgid, token) for token in shared):
            having += 1
            ending_with += copied_end(msgid, msgstr) is not None
    return having, ending_with
