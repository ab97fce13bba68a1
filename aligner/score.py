"""Translation-quality scores with sacrebleu: BLEU, chrF, chrF++ and TER, with signatures.

Two uses: (1) a reviewed language's original text against its reviewed version (fixes
applied): TER is then the post-editing effort (HTER), and chrF per row shows where the
machine rendering was worst; (2) any hypothesis file against one or more reference files.
Metric settings are fixed per language (sacrebleu's ``zh`` tokenizer for Chinese, TER with
Asian support), and every score carries its sacrebleu signature so it can be reproduced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .errors import AlignerError

METRICS = ("bleu", "chrf", "chrf++", "ter")
STATS_CHUNK = 512  # segments whose reference n-grams are held at once while scoring
_CHRF_FIRST = {"kk", "ru", "uk", "be", "ky", "tt"}  # morphologically rich: chrF is the headline


class ScoreError(AlignerError):
    """Scoring is impossible as asked (no text, mismatched files)."""


@dataclass(frozen=True)
class MetricScore:
    """One corpus-level figure: metric name, score, sacrebleu signature, 95% CI half-width."""

    name: str
    score: float
    signature: str
    ci: float | None = None

    def to_json(self) -> dict:
        data = {"score": round(self.score, 4), "signature": self.signature}
        if self.ci is not None:
            data["ci"] = round(self.ci, 4)
        return data


@dataclass(frozen=True)
class RowScore:
    """Per-row figures (chrF and TER of the original against the reviewed text)."""

    id: str
    chrf: float
    ter: float
    fixed: bool


@dataclass(frozen=True)
class Scores:
    """Corpus scores of one language (or one hypothesis), rows, and how many were fixed."""

    lang: str
    metrics: tuple[MetricScore, ...]
    rows: tuple[RowScore, ...] = ()
    rows_total: int = 0
    rows_fixed: int = 0
    note: str = ""
    extra: dict = field(default_factory=dict)

    def metric(self, name: str) -> MetricScore:
        return next(m for m in self.metrics if m.name == name)

    def worst(self, count: int = 10) -> list[RowScore]:
        """The fixed rows whose original was furthest from the reviewed text (lowest chrF)."""
        return sorted((r for r in self.rows if r.fixed), key=lambda r: (r.chrf, -r.ter))[:count]

    def to_json(self) -> dict:
        data: dict = {"lang": self.lang}
        for metric in self.metrics:
            data[metric.name] = round(metric.score, 4)
        data["signatures"] = {m.name: m.signature for m in self.metrics}
        cis = {m.name: round(m.ci, 4) for m in self.metrics if m.ci is not None}
        if cis:
            data["ci"] = cis
        data["rows_total"], data["rows_fixed"] = self.rows_total, self.rows_fixed
        data["rows"] = [
            {"id": r.id, "chrf": round(r.chrf, 4), "ter": round(r.ter, 4), "fixed": r.fixed}
            for r in self.rows
        ]
        if self.note:
            data["note"] = self.note
        data.update(self.extra)
        return data


def metric_order(lang: str) -> tuple[str, ...]:
    """The order figures are reported in: chrF first for Kazakh, Russian and their kin."""
    if lang.split("-")[0] in _CHRF_FIRST:
        return ("chrf", "chrf++", "bleu", "ter")
    return METRICS


def build_metrics(lang: str) -> dict:
    """sacrebleu metric objects with the settings right for ``lang``."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    base = lang.split("-")[0]
    asian = base in {"zh", "ja", "ko"}
    # Japanese and Korean would need MeCab; characters are the dependency-free stand-in
    tokenize = {"zh": "zh", "ja": "char", "ko": "char"}.get(base, "13a")
    return {
        "bleu": BLEU(tokenize=tokenize),
        "chrf": CHRF(),
        "chrf++": CHRF(word_order=2),
        "ter": TER(asian_support=asian),
    }


def corpus_scores(
    hypotheses: Sequence[str], references: Sequence[Sequence[str]], lang: str, n_bootstrap: int = 1
) -> tuple[MetricScore, ...]:
    """Corpus BLEU, chrF, chrF++ and TER of ``hypotheses`` against reference streams."""
    if not hypotheses:
        raise ScoreError("nothing to score: no segments")
    for stream in references:
        if len(stream) != len(hypotheses):
            raise ScoreError(
                f"{len(hypotheses)} hypothesis segments but a reference has {len(stream)}"
            )
    metrics = build_metrics(lang)
    results = []
    for name in metric_order(lang):
        metric = metrics[name]
        score = _chunked_corpus_score(
            metric, list(hypotheses), [list(r) for r in references], n_bootstrap
        )
        ci = getattr(score, "_ci", None) if n_bootstrap > 1 else None
        ci = None if ci is None else float(ci)
        results.append(
            MetricScore(name, float(score.score), metric.get_signature().format(short=True), ci)
        )
    return tuple(results)


def _chunked_corpus_score(
    metric, hypotheses: list[str], references: list[list[str]], n_bootstrap: int
):
    """``metric.corpus_score``, with the references' n-grams extracted STATS_CHUNK segments
    at a time.

    sacrebleu extracts every reference's n-grams before scoring: for chrF at 10k rows that
    is ~800 MB at once. Segment statistics are the same however the corpus is cut, so the
    score is identical; only a chunk's n-grams are held at a time.
    """
    extract = getattr(metric, "_extract_corpus_statistics", None)
    aggregate = getattr(metric, "_aggregate_and_compute", None)
    if extract is None or aggregate is None:
        return metric.corpus_score(hypotheses, references, n_bootstrap=n_bootstrap)
    metric._check_corpus_score_args(hypotheses, references)
    stats: list = []
    for start in range(0, len(hypotheses), STATS_CHUNK):
        end = start + STATS_CHUNK
        stats += extract(hypotheses[start:end], [stream[start:end] for stream in references])
    score = aggregate(stats)
    if n_bootstrap > 1:
        _estimate_ci(metric, score, stats, n_bootstrap)
    return score


def _estimate_ci(metric, score, stats: list, n_bootstrap: int) -> None:
    """sacrebleu's bootstrap confidence interval, its resampled scores made plain floats.

    sacrebleu resamples in float32 and a resample with no match at all scores a Python 0.0:
    ``statistics.mean`` then refuses the mix (TypeError) -- as the CLI did on a hypothesis
    scored against a much shorter reference.
    """
    from sacrebleu.significance import _bootstrap_resample

    metric.n_bootstrap = n_bootstrap
    metric.seed, resampled = _bootstrap_resample(stats, metric, n_bootstrap)
    for resample in resampled:
        resample.score = float(resample.score)
    score.estimate_ci(resampled)


def pair_paragraphs(texts: Sequence[Sequence[str]], lang: str) -> tuple[list[list[str]], list[int]]:
    """The paragraphs of several versions of one text (a hypothesis, its references) lined
    up by the aligner, for files whose paragraph counts differ.

    The text with the most paragraphs is the pivot (the last of them on a tie); every other
    one is aligned with it (``align_pair``) and the pairs merged into rows. Aligned the other
    way, a short text (7 paragraphs against 50) is stretched over the whole long one and
    pairs paragraphs that do not correspond; into the long one it finds its place. Only rows
    where every text has a paragraph are scored: a paragraph one side added or dropped has
    no counterpart to be scored against, and scoring it against nothing (or gluing it to its
    neighbour) would charge a light edit with a whole paragraph. Returns (per text, the
    joined paragraphs of each paired row; per text, how many of its paragraphs were left
    unpaired).
    """
    from .align.nway import merge_pairs
    from .align.pairwise import align_pair
    from .align.profile import build_profile

    keys = [str(k) for k in range(len(texts))]
    at = max(reversed(range(len(texts))), key=lambda k: len(texts[k]))
    pivot = keys[at]
    profiles = {
        key: build_profile(text, lang, None, None, pivot=key == pivot)
        for key, text in zip(keys, texts)
    }
    beads = {key: align_pair(profiles[pivot], profiles[key]).beads for key in keys if key != pivot}
    rows = merge_pairs(pivot, len(texts[at]), beads, keys)
    paired: list[list[str]] = [[] for _ in texts]
    unpaired = [0] * len(texts)
    for row in rows:
        spans = [row.ranges.get(key, (0, 0)) for key in keys]
        if all(end > start for start, end in spans):
            for k, (start, end) in enumerate(spans):
                paired[k].append(" ".join(texts[k][start:end]))
        else:
            for k, (start, end) in enumerate(spans):
                unpaired[k] += end - start
    return paired, unpaired


def row_scores(
    ids: Sequence[str], hypotheses: Sequence[str], references: Sequence[str], lang: str
) -> tuple[RowScore, ...]:
    """Sentence-level chrF and TER per row (the same settings as the corpus figures)."""
    metrics = build_metrics(lang)
    chrf, ter = metrics["chrf"], metrics["ter"]
    rows = []
    for row_id, hyp, ref in zip(ids, hypotheses, references):
        if hyp == ref and hyp.strip():  # an unfixed row: chrF 100, TER 0, no n-grams needed
            rows.append(RowScore(row_id, 100.0, 0.0, False))
            continue
        rows.append(
            RowScore(
                row_id,
                float(chrf.sentence_score(hyp, [ref]).score),
                float(ter.sentence_score(hyp, [ref]).score),
                hyp != ref,
            )
        )
    return tuple(rows)


def review_scores(lang: str, reviews: Sequence, n_bootstrap: int = 1) -> Scores:
    """Original against reviewed text for ``reviews`` (the store's Review records).

    Rows with no text in ``lang`` are left out. With no fixes there is nothing meaningful
    to report: the result has no metrics and a note saying so.
    """
    scored = [r for r in reviews if r.original or r.text]
    fixed = sum(1 for r in scored if r.text != r.original)
    if not scored:
        return Scores(lang, (), (), 0, 0, f"{lang}: no text to score")
    if fixed == 0:
        return Scores(
            lang,
            (),
            (),
            len(scored),
            0,
            f"{lang}: no fixes yet; every row is as the original, nothing to score",
        )
    hyps = [r.original for r in scored]
    refs = [r.text for r in scored]
    metrics = corpus_scores(hyps, [refs], lang, n_bootstrap)
    rows = row_scores([r.row for r in scored], hyps, refs, lang)
    return Scores(lang, metrics, rows, len(scored), fixed)


def paired_comparison(
    hypothesis: Sequence[str],
    other: Sequence[str],
    references: Sequence[Sequence[str]],
    lang: str,
    names: tuple[str, str] = ("hyp", "compare"),
) -> dict:
    """sacrebleu's paired bootstrap resampling test of two systems on the same references.

    Returns, per metric, both scores and the p-value of ``other`` against ``hypothesis``.
    """
    from sacrebleu.significance import PairedTest

    metrics = {name: metric for name, metric in build_metrics(lang).items() if name != "chrf++"}
    test = PairedTest(
        [(names[0], list(hypothesis)), (names[1], list(other))],
        metrics,
        [list(r) for r in references],
        test_type="bs",
        n_samples=1000,
    )
    signatures, results = test()
    out = {}
    for name, key in zip(metrics, signatures):  # sacrebleu names them BLEU, chrF2, TER
        baseline, system = results[key][0], results[key][1]
        out[name] = {
            names[0]: round(float(baseline.score), 4),
            names[1]: round(float(system.score), 4),
            "p_value": None if system.p_value is None else round(float(system.p_value), 4),
            "signature": signatures[key].format(short=True),
        }
    return out
