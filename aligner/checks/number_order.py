"""Whether two numbers a translation transposes moved with their words or alone: the
anchors a number stands by (its line's option, a Latin word before it or after its compound),
a condition a translation puts first ("如果 X 为 0，则返回 1" for "returns 1 if X is 0"), the
numbers a translation adds to the others' ("0, 1, 2 или 3" for "1, 2, or 3")."""

from __future__ import annotations

import re

from .quantities import Quantity


def kept_indices(values: list[str], theirs: list[str]) -> list[int] | None:
    """The indices of ``values`` that say ``theirs``: all of them when both hold the same
    numbers; when this version adds numbers of other values to three or more the others
    have ("0, 1, 2 или 3" for "1, 2, or 3"), the rest. None when the numbers differ
    otherwise (a value said more often here cannot be told from its extra copies)."""
    if sorted(values) == sorted(theirs):
        return list(range(len(values)))
    said = set(theirs)
    kept = [k for k, value in enumerate(values) if value in said]
    if len(theirs) < 3 or sorted(values[k] for k in kept) != sorted(theirs):
        return None
    return kept


def joined_values(text: str, quantities: list[Quantity]) -> list[tuple[int, int]]:
    """The (first, last + 1) indices of each run of ``quantities`` that ``text`` joins by
    one sign, no space nor letter between them: one value written in several numbers
    ("16,16" for a size, "192.168.0.0/24", "1024x768" is not: the "x" is a letter), which a
    translation moves as a whole."""
    runs: list[tuple[int, int]] = []
    for k, quantity in enumerate(quantities):
        if runs and k > 0:
            between = text[quantities[k - 1].fact.end : quantity.fact.start]
            if len(between) == 1 and not between.isspace() and not between.isalnum():
                runs[-1] = (runs[-1][0], k + 1)
                continue
        runs.append((k, k + 1))
    return runs


def shortened(span: str, limit: int = 40) -> str:
    """A long span between two numbers, its middle left out for the message."""
    if len(span) <= limit and "\n" not in span:
        return span
    head, tail = span[:12].split("\n")[0], span[-12:].split("\n")[-1]
    return f"{head} … {tail}"


def anchored(
    text: str,
    mine: list[Quantity],
    their_text: str,
    theirs: list[Quantity],
    pair: tuple[int, int, int, int],
) -> bool | None:
    """What the anchors of the swapped ``pair`` (my two indices, then theirs) say: the
    option a number's line starts with ("-m31"), the Latin word before it ("s = 7-bit")
    or after its compound ("64-bit FPU"), each unique in both texts. True when one stayed
    where it was while the number beside it changed (no adjective moved with its noun);
    False when one moved with its number (the words were reordered); None without any."""
    my_keys = [_anchors(text, q) for q in mine]
    their_keys = [_anchors(their_text, q) for q in theirs]
    mine_pair, their_pair = pair[:2], pair[2:]
    for place, t in enumerate(their_pair):
        for key in their_keys[t]:
            holders = [k for k, keys in enumerate(my_keys) if key in keys]
            if len(holders) != 1 or sum(key in keys for keys in their_keys) != 1:
                continue
            if holders[0] == mine_pair[place]:
                return True
            if holders[0] == mine_pair[1 - place]:
                return False
    return None


# a sentence's end, or a table's row starting ("\n  128  if COMMAND..."): each row is a
# clause of its own, whatever condition the rows above it state
_SENTENCE_END = re.compile(r"[。；;！？!?]|[.:：](?=\s)|\n[ \t]*(?=\d+(?: \s|\t))")
_IF = re.compile(r"\b(?:if|when|unless)\b", re.IGNORECASE)
_CONDITION = re.compile(r"如果|若|当|假如|если|когда|егер|\bif\b|\bwhen\b", re.IGNORECASE)


def condition_first(their_text: str, a: Quantity, b: Quantity, text: str, first: Quantity) -> bool:
    """Whether the others say "returns 1 if X is 0" and this version puts the condition
    first ("如果 X 为 0，则返回 1", "если X равно 0, возвращается 1"): the numbers go with
    their clauses."""
    if not _IF.search(their_text, a.fact.end, b.fact.start):
        return False
    start = first.fact.start
    ends = (m.end() for m in _SENTENCE_END.finditer(text))  # (a row's lookahead reads on)
    sentence = max((end for end in ends if end <= start), default=0)
    return _CONDITION.search(text, sentence, start) is not None


_COMPOUND_TAIL = re.compile(r"[-‐ ]?[^\W\d_]*")  # "-bit", "-битный", " bit"
_LATIN_WORD = re.compile(r"[A-Za-z][\w{},.+-]*")


def _anchors(text: str, quantity: Quantity) -> set[tuple[str, str]]:
    """What a number stands by that a translation keeps as it is: its line's option, the
    Latin word right before it ("s = 7"), the Latin word after it and its compound tail
    ("32-bit CPU")."""
    start, end = quantity.fact.start, quantity.fact.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    found = set()
    words = line.split()
    if "\n" in text.strip() and words and words[0].startswith("-"):
        found.add(("line", words[0]))
    before = text[line_start:start]
    kept = before.rstrip(" =:(")
    if kept and len(before) - len(kept) <= 3 and kept.split()[-1].isascii():
        word = kept.split()[-1]
        if any(ch.isalpha() for ch in word):
            found.add(("before", word))
    tail = _COMPOUND_TAIL.match(text, end)
    after = _LATIN_WORD.match(text, tail.end() + 1) if tail.end() < len(text) else None
    if after is not None and text[tail.end()] == " ":
        found.add(("after", after.group()))
    return found
