"""The N-way paragraph aligner: ``align(docset) -> Alignment``.

The pivot language is aligned with every other language (``pairwise``: a banded dynamic
programme over 1-1, 2-1, 1-2, 2-2, 3-1, 1-3, 1-0 and 0-1 beads, guided by shared anchors and a
length model estimated per pair); the pairwise results are merged into rows that line up all
columns (``nway``). A saved ``alignment.tsv`` (a reviewer's corrections) is reused unless
``fresh`` (``alignfile``, ``refit``); corrections are pure functions (``edits``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from .. import parallel
from ..alignment import Alignment, Row
from ..docset import DocSet
from ..errors import AlignerError
from .alignfile import AlignmentFileError, alignment_path, read_alignment, write_alignment
from .anchors import extractor_name
from .edits import AlignmentEditError, merge_with_next, move_paragraph, split_row
from .nway import Cells, agreed, merge_pairs
from .pairwise import SAMPLE, Bead, PairAlignment, PairPlan, align_pair, align_segment, plan_pair
from .profile import Profile, build_profile, join_profiles, with_stems
from .refit import fit_saved
from .search import compiled

__all__ = [
    "align",
    "align_pairs",
    "preview",
    "save_alignment",
    "merge_with_next",
    "split_row",
    "move_paragraph",
    "AlignmentFileError",
    "AlignmentEditError",
    "Bead",
    "PairAlignment",
    "extractor_name",
]

Progress = Callable[[str, int, int], None]  # (what, done, total)
PARALLEL_FROM = 4000  # paragraphs in all: shorter texts are aligned faster in one process
PROFILE_CHUNK = 1000  # paragraphs per profile task (see _pairs_in_workers)
PREVIEW_ROWS = 160  # pivot paragraphs aligned for a first screen (``preview``)
PREVIEW_MARGIN = 40  # of which the last ones are not shown
PAIR_STEPS = 1000  # the pairs' progress in the workers: thousandths of the stretches searched


def align(
    docset: DocSet,
    languages: Sequence[str] | None = None,
    pivot: str | None = None,
    fresh: bool = False,
    progress: Progress | None = None,
    extractor: str | None = None,
) -> Alignment:
    """Rows lining up ``languages`` (default: all, display order) of ``docset``.

    A valid ``alignment.tsv`` in the docset is reused (and fitted to edited texts) unless
    ``fresh``. ``progress(what, done, total)`` is called while long texts are aligned.
    ``extractor`` picks the anchor extractor ("facts", "digits"; default the best available).
    Raises AlignerError on an unknown language and AlignmentFileError on a malformed file.
    """
    languages, pivot = _languages(docset, languages, pivot)
    notes: list[str] = []
    path = alignment_path(docset)
    if not fresh and path.is_file():
        saved = read_alignment(path)

        def realign(ranges: dict[str, tuple[int, int]]) -> list[Cells]:
            subset = [lang for lang in saved.languages if lang in ranges]
            return _rows(
                docset,
                subset,
                _pick_pivot(docset, subset, pivot, ranges),
                ranges,
                progress,
                extractor,
            )

        fitted = fit_saved(docset, saved, languages, realign)
        if isinstance(fitted, Alignment):
            return fitted
        notes.append(fitted)
    ranges = {lang: (0, len(docset.paragraphs(lang))) for lang in languages}
    effective = _pick_pivot(docset, languages, pivot, ranges)
    if effective != pivot:
        notes.append(
            f"{docset.texts[pivot].path}: no paragraphs; aligned against {effective} instead"
        )
    cells = _rows(docset, languages, effective, ranges, progress, extractor, notes)
    return Alignment(tuple(languages), _numbered(cells, languages), tuple(notes))


def preview(docset: DocSet, rows: int = PREVIEW_ROWS) -> Alignment:
    """The first rows of a long docset, aligned from the beginnings of its texts alone.

    A first screen for a docset opened for the first time, while ``align`` works on the
    whole (seconds, for tens of thousands of paragraphs). About ``rows`` pivot paragraphs
    and a proportionate start of every other text (a quarter more, for room) are aligned;
    rows near the end of those beginnings are dropped, since the paragraphs after them could
    change them. The result covers a prefix of every text (``origin`` "preview") and is
    replaced by the full alignment, which agrees with it in all but rare cases.
    """
    languages, pivot = _languages(docset, None, None)
    counts = {lang: len(docset.paragraphs(lang)) for lang in languages}
    if not counts[pivot]:
        return align(docset, fresh=True)
    share = min(1.0, rows / counts[pivot])
    ends = {
        lang: min(count, math.ceil(count * share * 1.25) + 10) for lang, count in counts.items()
    }
    ends[pivot] = min(counts[pivot], rows)
    if all(ends[lang] == counts[lang] for lang in languages):
        return align(docset, fresh=True)
    cells = _rows(docset, languages, pivot, {lang: (0, end) for lang, end in ends.items()}, None)
    safe = {lang: end - PREVIEW_MARGIN * end // max(ends[pivot], 1) for lang, end in ends.items()}
    kept = []
    for c in cells:
        if any(c.ranges[lang][1] > safe[lang] for lang in languages):
            break
        kept.append(c)
    return Alignment(tuple(languages), _numbered(kept, languages), (), "preview")


def _numbered(cells: list[Cells], languages: Sequence[str]) -> tuple[Row, ...]:
    """Rows r1, r2, ... from cell ranges, as a fresh alignment numbers them."""
    return tuple(
        Row(f"r{k}", {lang: tuple(range(*c.ranges[lang])) for lang in languages}, round(c.score, 3))
        for k, c in enumerate(cells, 1)
    )


def align_pairs(
    docset: DocSet,
    languages: Sequence[str] | None = None,
    pivot: str | None = None,
    progress: Progress | None = None,
    extractor: str | None = None,
    ranges: dict[str, tuple[int, int]] | None = None,
) -> dict[str, PairAlignment]:
    """The pivot aligned with each other language: beads with paragraph indices.

    ``ranges`` restricts each language to paragraphs [start, end) (indices stay absolute);
    ``extractor`` picks the anchor extractor ("facts" or "digits"; default the best available).
    """
    languages, pivot = _languages(docset, languages, pivot)
    ranges = ranges or {lang: (0, len(docset.paragraphs(lang))) for lang in languages}
    texts = {lang: docset.paragraphs(lang)[slice(*ranges[lang])] for lang in languages}
    others = [lang for lang in languages if lang != pivot]
    # worker processes pay for shipping the profiles only where the search runs in Python:
    # with the compiled search one process is faster at every size measured (10k x 4,
    # 3.5 s against 5.2 s wall on 2 cores; 50k x 4, 20 s against 39 s)
    if (
        sum(map(len, texts.values())) >= PARALLEL_FROM
        and compiled() is None
        and parallel.pool() is not None
    ):
        found = _pairs_in_workers(texts, pivot, others, docset.glossary, extractor, progress)
    else:
        profiles = {}
        for number, lang in enumerate(languages, 1):
            profiles[lang] = build_profile(
                texts[lang], lang, docset.glossary, extractor, pivot=lang == pivot
            )
            if progress:
                progress("reading texts", number, len(languages))
        found = {}
        for lang in others:
            report = (
                (lambda done, total, lang=lang: progress(f"{pivot}-{lang}", done, total))
                if progress
                else None
            )
            found[lang] = align_pair(profiles[pivot], profiles[lang], report)
    p_start = ranges[pivot][0]
    pairs = {}
    for lang in others:
        pair, start = found[lang], ranges[lang][0]
        if p_start or start:  # indices relative to the ranges -> absolute
            beads = tuple(
                Bead(b.p0 + p_start, b.p1 + p_start, b.o0 + start, b.o1 + start, b.confidence)
                for b in pair.beads
            )
            pair = PairAlignment(beads, pair.model, pair.anchors, pair.widenings, pair.capped)
        pairs[lang] = pair
    return pairs


@parallel.gc_paused()  # the profiles that come back are long-lived and hold no cycles
def _pairs_in_workers(
    texts: dict[str, Sequence[str]], pivot: str, others: list[str], glossary, extractor, progress
) -> dict[str, PairAlignment]:
    """``align_pairs``'s work spread over the cores (``parallel.Runner``): every language's
    profile in chunks (the pivot's first), then each pair's stretches (``PairPlan``) as soon
    as its two profiles exist. Small tasks keep every core busy to the end."""
    runner = parallel.Runner()
    parts: dict[str, list] = {}
    for lang in [pivot, *others]:
        spans = parallel.chunks(texts[lang], 3 * parallel.cores(), PROFILE_CHUNK)
        parts[lang] = [None] * len(spans)
        for index, (start, end) in enumerate(spans):
            runner.add(
                ("profile", lang, index),
                build_profile,
                texts[lang][start:end],
                lang,
                glossary,
                extractor,
                lang == pivot,
                False,  # a stretch: the pivot's stems are added once it is joined
            )
    profiles: dict[str, Profile] = {}
    plans: dict[str, PairPlan] = {}
    found: dict[str, PairAlignment] = {}
    what = ", ".join(f"{pivot}-{lang}" for lang in others)
    # progress: the profile chunks read, then each pair's share of its stretches searched
    chunks, chunks_done = sum(map(len, parts.values())), 0
    searched = dict.fromkeys(others, 0.0)

    def report_pairs() -> None:
        if progress:
            progress(what, round(PAIR_STEPS * sum(searched.values()) / len(others)), PAIR_STEPS)

    for (kind, lang, index), result in runner.results():
        if kind == "plan":  # made in a worker: the pair's stretches can now be searched
            plans[lang] = result
            segments = result.segments(profiles[pivot], profiles[lang])
            parts[lang] = [None] * len(segments)
            for number, args in enumerate(segments):
                runner.add(("segment", lang, number), align_segment, *args)
            continue
        parts[lang][index] = result
        if kind == "segment":
            searched[lang] = sum(part is not None for part in parts[lang]) / len(parts[lang])
            report_pairs()
        elif progress:
            chunks_done += 1
            progress("reading texts", chunks_done, chunks)
        if any(part is None for part in parts[lang]):
            continue
        if kind == "segment":
            found[lang] = plans[lang].join(parts[lang])
            continue
        profiles[lang] = join_profiles(parts[lang])
        if lang == pivot:
            profiles[lang] = with_stems(profiles[lang])
        for other in others if lang == pivot else [lang]:
            if pivot not in profiles or other not in profiles:
                continue
            if len(profiles[pivot]) <= SAMPLE or not len(profiles[other]):
                found[other] = align_pair(profiles[pivot], profiles[other])
                searched[other] = 1.0
                report_pairs()
                continue
            # planned here, where both profiles already are: shipping them to a worker
            # (and unpacking them there) costs more than a tenth of the plan itself
            runner.add(("plan", other, 0), plan_pair, profiles[pivot], profiles[other], here=True)
    return found


def save_alignment(docset: DocSet, alignment: Alignment) -> str:
    """Write ``alignment`` to ``DOCSET/alignment.tsv`` atomically; return the path."""
    counts = {lang: len(docset.paragraphs(lang)) for lang in alignment.languages}
    if alignment.counts() != counts:
        raise AlignerError(
            f"{alignment_path(docset)}: not saved: the alignment covers "
            f"{alignment.counts()} paragraphs but the texts have {counts}"
        )
    return str(write_alignment(docset, alignment))


def _rows(
    docset, languages, pivot, ranges, progress, extractor=None, notes: list[str] | None = None
) -> list[Cells]:
    pairs = align_pairs(docset, languages, pivot, progress, extractor, ranges)
    for lang, pair in pairs.items():
        if pair.capped and notes is not None:
            notes.append(
                f"{docset.path}: aligning {pivot} with {lang} reached the search size "
                "limit; some rows may be off (check the low-confidence ones)"
            )
    start, end = ranges[pivot]
    texts = {lang: docset.paragraphs(lang) for lang in languages}
    beads = agreed(pivot, texts, {lang: pair.beads for lang, pair in pairs.items()})
    cells = merge_pairs(pivot, end - start, _relative(beads, start), languages)
    if not start:
        return cells
    return [
        Cells(
            {
                lang: (a + start, b + start) if lang == pivot and b > a else (a, b)
                for lang, (a, b) in c.ranges.items()
            },
            c.score,
        )
        for c in cells
    ]


def _relative(beads: dict[str, tuple[Bead, ...]], start: int) -> dict[str, list[Bead]]:
    """Pivot indices relative to ``start`` (merge_pairs counts pivot paragraphs from 0)."""
    if not start:
        return beads
    return {
        lang: [Bead(b.p0 - start, b.p1 - start, b.o0, b.o1, b.confidence) for b in found]
        for lang, found in beads.items()
    }


def _languages(
    docset: DocSet, languages: Sequence[str] | None, pivot: str | None
) -> tuple[list[str], str]:
    chosen = list(languages) if languages else list(docset.languages)
    unknown = [lang for lang in chosen if lang not in docset.languages]
    if unknown:
        raise AlignerError(
            f"{docset.path}: no language {', '.join(unknown)} "
            f"(languages: {', '.join(docset.languages)})"
        )
    if len(set(chosen)) != len(chosen):
        raise AlignerError(f"language list {','.join(chosen)} names a language twice")
    if pivot is not None and pivot not in chosen:
        raise AlignerError(
            f"{docset.path}: pivot {pivot} is not among the languages aligned ({', '.join(chosen)})"
        )
    pivot = pivot or (docset.pivot if docset.pivot in chosen else chosen[0])
    return chosen, pivot


def _pick_pivot(docset, languages, pivot, ranges) -> str:
    """The pivot, unless it has no paragraphs in range: then the first language that has."""
    if ranges[pivot][1] > ranges[pivot][0]:
        return pivot
    for lang in languages:
        if ranges[lang][1] > ranges[lang][0]:
            return lang
    return pivot
