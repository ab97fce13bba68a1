"""``repeat``: a word or chunk written twice, a list item repeated, doubled punctuation or spaces.

Machine translation and careless editing double things: "экрана экрана.", "窗口窗口",
"Done..", "，，", "two  spaces". What real translations double on purpose is kept:

* grammar that repeats a word: English "had had", German "an der der", French "nous nous",
  Sesotho "ba ba" (per-language lists below);
* a metavariable before its word ("ДНЕЙ дней", help text), column gaps of help text (a gap
  of more than one space or a tab is layout), placeholders ("%s и %s");
* Chinese and Japanese reduplication: one character doubled (看看, 常常, and "目的的", where
  two words meet) is never flagged; a doubled chunk of 2+ characters (是否是否, 窗口窗口)
  is, except verbs and adjectives that reduplicate (考虑考虑, 雪白雪白), "一个一个", and in
  Japanese kana chunks shorter than 3 (まぁまぁ, などなど) and katakana compounds that meet
  (サーバーバージョン);
* anything the source doubles too (a catalog's msgid, or another version): "Tawi-Tawi" is
  塔威塔威, "Iloilo" is 伊洛伊洛.

Measured on untouched Debian catalogs (ru, kk, zh_CN, fr, de, ja, ar): see the README.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from ..flags import Flag
from ..sentences import end_marks
from .base import Document, RowCheck, Unit, register
from .lengths import ALIASES

# letters of scripts written with spaces between words; CJK, Thai and kana are left out
_UNSPACED = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
_WORD = rf"[^\W\d_{_UNSPACED}]+"  # one class: a lookahead per character cost 4x the time
# one space (or a no-break space) between the copies; "экрана экрана." keeps its full stop.
# Only the second copy is compared without case: these classes match the same characters
# with and without IGNORECASE (every code point, ``tests/test_speed_rewrites.py``), which
# would triple their compile time (a case fold of every code point in the ranges).
_DOUBLED = re.compile(rf"(?<![\w\-'’])({_WORD})([ \u00a0\u202f])((?i:\1))(?![\w\-'’])")
# the source's own doublings, looser: any gap of up to two marks ("Tawi-Tawi") and repeats
# inside a word ("Iloilo", "reindex indexes"), of three letters or more: two letters meet
# by chance across words ("core register", "file level")
_SOURCE_DOUBLED = re.compile(r"([^\W\d_]{3,})[\W_]{0,2}\1", re.IGNORECASE)
# ...and for a translation's doubled word, a whole word doubled ("Tawi-Tawi", "had had"):
# "the theme" doubles no word
_SOURCE_WORD_DOUBLED = re.compile(
    r"(?<![^\W\d_])([^\W\d_]+)[\W_]{1,2}\1(?![^\W\d_])", re.IGNORECASE
)

# doublings that are grammar, by language (lower case)
_GRAMMATICAL = {
    "en": {"had", "that", "is", "do"},
    "ru": {"что", "так"},
    "uk": {"що", "так"},
    "de": {"der", "die", "das", "den", "dem", "des", "sie", "werden"},  # "gelesen werden werden"
    "nl": {"dat", "die"},
    "fr": {"nous", "vous"},
    # Sotho-Tswana: a subject concord before a relative or possessive of the same class
    "st": {"ba", "le", "se", "sa", "a", "o", "ya", "tsa", "ka", "ho", "ha"},
    "tn": {"ba", "le", "se", "sa", "a", "o", "ya", "tsa", "ka", "go", "ga"},
    "nso": {"ba", "le", "se", "sa", "a", "o", "ya", "tša", "ka", "go", "ga"},
}

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff"
_NAME = re.compile(r"(?:[A-Z][\w'’.-]*)(?:[ -][A-Z][\w'’.-]*){0,3}")  # "Tawi-Tawi", "Nkhotakota"


# Chinese and Japanese patterns, compiled for the first text with a CJK character (their
# large classes cost a few milliseconds each, which a catalog of another language never needs)
@cache
def _chunk_doubled() -> re.Pattern[str]:
    return re.compile(rf"([{_HAN}{_KANA}]{{2,8}}) ?\1")


@cache
def _only_han() -> re.Pattern[str]:
    return re.compile(rf"[{_HAN}]+")


# Chinese verbs and adjectives whose ABAB reduplication is grammar ("think it over a little",
# "snow-white"); a doubled chunk elsewhere is nearly always damage in written text
_REDUPLICATING = frozenset(  # a word list reads better as text
    "考虑 研究 讨论 休息 学习 商量 了解 介绍 打扫 收拾 整理 准备 检查 尝试 体验 比较 "  # noqa: SIM905
    "思考 练习 放松 交流 沟通 帮助 活动 锻炼 打听 认识 调查 分析 考察 琢磨 清理 布置 "
    "溜达 暖和 凉快 高兴 热闹 轻松 雪白 通红 冰凉 笔直 漆黑 火红 碧绿 金黄 滚烫 讲解 "
    "说明 处理 照顾 表示 庆祝 欣赏 关心 安慰 解释 参观 评价 批评 教育 享受 品尝 回忆 "
    "感受 切磋 比划 拾掇 张罗 合计 折腾".split()
)

# doubled marks: a second full stop (not an ellipsis), comma, colon... in either width
_WIDE = str.maketrans("。，；：！？", ".,;:!?")
_DOUBLED_MARK = re.compile(r"[.,;:!?。，、；：！？]{2,}")
_CLOSERS = frozenset("\"'»”’)]}>")
# between two words: not after a sentence's end ("end.  Next", a typewriter habit), not
# padding inside brackets or before a colon or an equals sign ("[  revoked ]", "Key     :",
# "Длина раздела[%d]   = 0x%lx": a column of values lined up with the lines around it;
# "==" is an operator, not a column)
_DOUBLED_SPACE = re.compile(r"(?<=[^\s.!?:;。！？\[(（【]) {2,}(?=[^\s:：=)\]）】|]|==)")
# ...but after a colon, exactly two spaces are a slip ("ошибка:  неверный", "%s:  未找到"):
# the typewriter habit is a sentence's (two after "."), and a label's column gap is wider
_COLON_GAP = re.compile(r"(?<=[^\s:]:)  (?=[^\s:])")

_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic letters
# (the lookahead only says where a separator can begin: a third less time over long texts)
_ITEM_SEPARATOR = re.compile(
    r"(?=[\s,;、，；和及与或])\s*(?:[,;、，；]|\s(?:and|or|и|или|және|мен|немесе)\s|[和及与或])\s*",
    re.IGNORECASE,
)
_BREAK = re.compile(r"[:：]\s*|\n")  # items of a list never run across these
_MAX_ITEM_WORDS = 4
# a desktop file's search keywords ("folders;directory;directories;"): two English synonyms
# often have one rendering ("бумалар;бумалар", "renamer;renaming" as "重命名;重命名"), and a
# search term listed twice finds the same
_KEYWORDS = re.compile(r"[^;\n]+(?:;[^;\n]+){2,};")
_ITEM = re.compile(r"[\w\s'’-]+")  # an item of words: not syntax like "[+|-]key[" or "\\u"


def doubled_words(text: str, lang: str = "") -> list[tuple[int, int, str]]:
    """(start, end, word): the gap and second copy of each doubled word (delete to fix)."""
    found = []
    allowed = _GRAMMATICAL.get(lang, ())
    for match in _DOUBLED.finditer(text):
        first, second = match.group(1), match.group(3)
        if first.lower() in allowed or _metavariable(first, second):
            continue
        found.append((match.end(1), match.end(3), second))
    return found


def _metavariable(first: str, second: str) -> bool:
    """ "ДНЕЙ дней", "Wert WERT": a help text's placeholder word next to the word itself."""
    return len(first) > 1 and first.isupper() != second.isupper()


def doubled_chunks(text: str, lang: str = "") -> list[tuple[int, int, str]]:
    """(start, end, chunk): the second copy of a doubled Chinese or Japanese chunk."""
    found = []
    for match in _chunk_doubled().finditer(text):
        chunk = match.group(1)
        if len(set(chunk)) == 1 or (chunk[0] == "一" and len(chunk) == 2):
            continue  # 哈哈哈哈, 一个一个 (one by one)
        if chunk in _REDUPLICATING:
            continue
        if lang == "ja" and len(chunk) < 3 and not _only_han().fullmatch(chunk):
            continue  # まぁまぁ, サーバーバージョン: kana reduplication and compounds
        found.append((match.end(1), match.end(), chunk))
    return found


def doubled_marks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, marks): the extra marks of ".." ",," "!!" "。。" (delete to fix).

    "..." and longer runs of full stops are ellipses; "?!" is a question in surprise. ASCII
    marks count only between a word and a space or the end ("Done.."), so that "../",
    "1..10", "std::string" and "cd .." are left alone.
    """
    found = []
    for match in _DOUBLED_MARK.finditer(text):
        run = match.group()
        narrow = run.translate(_WIDE)
        if len(set(narrow)) != 1:
            continue  # "?!", ".,"
        if narrow[0] == "." and len(run) > 2:
            continue  # an ellipsis
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if run.isascii() and (
            not before or before in "/\\." or (before.isspace() and narrow[0] == ".")
        ):
            continue  # "../", "cd ..": a path (" ::" after a column's padding is a slip)
        if run.isascii() and before in _OPENING:
            continue  # "（::）", "«::»": the marks named, in brackets or quotes
        if (
            any(mark.isascii() for mark in run)
            and after
            and after.isascii()
            and not after.isspace()
            and after not in _CLOSERS
        ):
            continue  # "。.eh_frame", "1..10", "std::string"
        if run == ".." and before == after == _VALUE:
            continue  # "%d..%d": a range of two values ("%d::%02d" is a slip)
        found.append((start + 1, end, run[1:]))
    return found


# brackets and quotes that only ever open ('"' and "“" close a quote as often)
_OPENING = frozenset("([{（［【「『《〈«")
_VALUE = "\ue000"  # a private-use character: a letter of no script, neither space nor ASCII


def _as_values(text: str, masked: str, document: Document) -> str:
    """``masked`` with each placeholder written as a value (``_VALUE``) rather than blanks,
    for ``doubled_marks``: "%s:: " and "%d::%02d" double a colon after a value, as
    "name:: " after a word, and the blanks of a plain mask read as the space of "cd ..";
    the value's text itself is not read ("%s.." is no "s..")."""
    if masked == text or _DOUBLED_MARK.search(text) is None:
        return masked
    pieces, last = [], 0
    for start, end, _ in document.placeholders(text):
        pieces.append(masked[last:start])
        pieces.append(_VALUE * (end - start))
        last = end
    pieces.append(masked[last:])
    return "".join(pieces)


def doubled_spaces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the extra spaces where two or more stand between words."""
    found = [(match.start() + 1, match.end()) for match in _DOUBLED_SPACE.finditer(text)]
    if ":  " in text:
        found += [(match.start() + 1, match.end()) for match in _COLON_GAP.finditer(text)]
        found.sort()
    return found


def repeated_items(text: str) -> list[tuple[int, int, str]]:
    """(start, end, item): separator and copy of an item repeating the one before (delete)."""
    if _ITEM_SEPARATOR.search(text) is None:
        return []  # one item per sentence: nothing to repeat (most messages)
    found = []
    breaks = sorted([*end_marks(text), *(m.span() for m in _BREAK.finditer(text))])
    sentence_start = 0
    for end_match in [*breaks, None]:
        sentence_end = end_match[0] if end_match else len(text)
        if sentence_end < sentence_start:  # a break inside the one before
            continue
        previous, previous_end = None, sentence_start
        position = sentence_start
        for sep in [*_ITEM_SEPARATOR.finditer(text, sentence_start, sentence_end), None]:
            item_end = sep.start() if sep else sentence_end
            item = text[position:item_end].strip()
            key = item.casefold()
            if (
                previous is not None
                and key
                and key == previous[0]
                and _same_item(item, previous[1])
                and _ITEM.fullmatch(item)
                and len(key.split()) <= _MAX_ITEM_WORDS
                and any(c.isalpha() for c in key)
            ):
                start = text.index(item, position)
                found.append((previous_end, start + len(item), item))
            previous = key, item
            previous_end = position + len(text[position:item_end].rstrip())
            if sep is None:
                break
            position = sep.end()
        if end_match is None:
            break
        sentence_start = end_match[1]
    return found


def _same_item(item: str, other: str) -> bool:
    """Equal, or equal but for a capital first letter ("Energy, energy"); "-L, -l" differ."""
    return item == other or item[:1].lower() + item[1:] == other[:1].lower() + other[1:]


def _name_repeats(text: str, chunk: tuple[int, int, str], names: list[str]) -> bool:
    """Whether a doubled chunk is a name's own repeated sounds: ``text`` romanised reads
    like the name (恩科塔科塔县 is "EnKeTaKeTaXian" for "Nkhotakota", 58; 窗口窗口 for
    "Window" 17), and no less so with the chunk doubled than written once."""
    from anyascii import anyascii
    from rapidfuzz.fuzz import ratio

    start, end, _ = chunk
    once = text[:start] + text[end:]
    for name in names:
        twice_ratio = ratio(anyascii(text).lower(), name.lower())
        if twice_ratio >= 45 and twice_ratio >= ratio(anyascii(once).lower(), name.lower()):
            return True
    return False


_CJK_FROM = "\u3040"  # no character below it is in ``_cjk_char``


@cache
def _cjk_char() -> re.Pattern[str]:
    return re.compile("[\u3040-\u9fff\uf900-\ufaff]")


def _has_cjk(text: str) -> bool:
    return bool(text) and max(text) >= _CJK_FROM and _cjk_char().search(text) is not None


@register
class RepeatCheck(RowCheck):
    name = "repeat"
    severity = "warning"
    description = "doubled words, chunks, list items, punctuation and spaces"

    def check_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        for lang in document.targets:
            text = unit.text(lang)
            if not text:
                continue
            masked = document.masked(text)
            others = document.others(lang) if not document.catalog else (document.source,)
            references = [document.masked(unit.text(other)) for other in others]
            references = [reference for reference in references if reference]
            raw = [unit.text(other) for other in others if unit.text(other)]
            yield from self._words(unit, lang, masked, references)
            yield from self._items(unit, lang, text, raw)
            yield from self._marks(unit, lang, _as_values(text, masked, document), references)
            yield from self._spaces(unit, lang, text, raw)

    def _words(self, unit: Unit, lang: str, text: str, references: list[str]) -> Iterable[Flag]:
        words = doubled_words(text, lang)
        chunks = doubled_chunks(text, lang) if _has_cjk(text) else []
        if words and any(_doubles(_SOURCE_WORD_DOUBLED, reference) for reference in references):
            words = []
        if chunks and any(_doubles(_SOURCE_DOUBLED, reference) for reference in references):
            chunks = []
        names = [reference for reference in references if _NAME.fullmatch(reference)]
        if chunks and names:
            # "Nkhotakota" is 恩科塔科塔县: a name's sounds may repeat, where the name has
            # them too (尼维尼维斯 for "Nevis" reads closer to it as 尼维斯)
            chunks = [chunk for chunk in chunks if not _name_repeats(text, chunk, names)]
        for start, end, word in words:
            yield self._flag(unit, lang, start, end, f'"{word}" written twice', references)
        for start, end, chunk in chunks:
            yield self._flag(unit, lang, start, end, f'"{chunk}" written twice', references)

    def _items(self, unit: Unit, lang: str, text: str, references: list[str]) -> Iterable[Flag]:
        found = repeated_items(text)
        if found and any(len(repeated_items(reference)) >= len(found) for reference in references):
            return  # msgid repeats as many items ("k,K,Kelvin,kelvin"): a faithful rendering
        if found and any(ALIASES.fullmatch(reference) for reference in references):
            return  # "pound,pounds,lb,lbs": names a program accepts; a language without
            # the abbreviations names two of them alike
        if found and any(_KEYWORDS.fullmatch(reference) for reference in references):
            found = [item for item in found if ";" not in text[item[0] : item[1]]]
        for start, end, item in found:
            if any(_has_doubled(reference, item) for reference in references):
                continue
            yield self._flag(
                unit, lang, start, end, f'list item "{item}" repeats the one before it', references
            )

    def _marks(self, unit: Unit, lang: str, text: str, references: list[str]) -> Iterable[Flag]:
        for start, end, _marks in doubled_marks(text):
            run = text[start - 1 : end]
            if any(
                run in reference or run.translate(_WIDE) in reference.translate(_WIDE)
                for reference in references
            ):
                continue
            yield self._flag(unit, lang, start, end, f'"{run}": punctuation doubled', references)

    def _spaces(self, unit: Unit, lang: str, text: str, references: list[str]) -> Iterable[Flag]:
        """Spaces doubled between words where the source has no run of spaces or tab (a
        help text's columns are laid out with both)."""
        if (
            "  " not in text
            or not references
            or any("  " in reference or "\t" in reference for reference in references)
        ):
            return
        for start, end in doubled_spaces(text):
            if (
                _RTL.match(text[start - 2]) != _RTL.match(text[end])
                or _RTL.search(text[max(0, start - 3) : end + 2])
                and "\u200f" in text
            ):
                continue  # right-to-left text meeting Latin: spaces typed around the turn
            yield self._flag(
                unit,
                lang,
                start,
                end,
                f"{end - start + 1} spaces in a row",
                references,
                severity="info",
            )

    def _flag(
        self,
        unit: Unit,
        lang: str,
        start: int,
        end: int,
        message: str,
        references: list[str],
        severity: str | None = None,
    ) -> Flag:
        evidence = {}
        if references:
            other = next(o for o in unit.cells if o != lang and unit.text(o))
            evidence[other] = unit.text(other)[:80]
        return self.flag(
            unit, lang, start, end, message, evidence=evidence, expected="", severity=severity
        )


def _doubles(pattern: re.Pattern[str], reference: str) -> bool:
    """Whether the source doubles something a translation may double too ("Tawi-Tawi",
    "Iloilo"): not a run of one letter ("XXXXXX", a template's placeholder) nor an option's
    metavariable beside its name ("--username=USERNAME", the ``_metavariable`` pair)."""
    for match in pattern.finditer(reference):
        first = match.group(1)
        second = match.group()[-len(first) :]
        if len(set(first.lower())) > 1 and not _metavariable(first, second):
            return True
    return False


def _has_doubled(text: str, word: str) -> bool:
    if not text:
        return False
    pattern = re.escape(word)
    return re.search(rf"(?<!\w){pattern}\W+{pattern}(?!\w)", text, re.IGNORECASE) is not None
