"""Per-language facts about a docset, for ``aligner info``: counts, encoding, detected language."""

from __future__ import annotations

from dataclasses import dataclass

from .docset import DocSet
from .langid import detect


@dataclass(frozen=True)
class LanguageInfo:
    """What ``aligner info`` reports for one language file."""

    code: str
    file: str
    encoding: str
    paragraphs: int
    characters: int
    detected: str | None
    confidence: float | None

    @property
    def mismatch(self) -> bool:
        """Whether the text is detected as another language than its file name says."""
        return self.detected is not None and self.detected != self.code.split("-")[0].split("_")[0]


def describe(docset: DocSet) -> list[LanguageInfo]:
    """Describe every language of ``docset`` in display order."""
    infos = []
    for code in docset.languages:
        text = docset.texts[code]
        detection = detect(_sample(text.paragraphs))
        infos.append(
            LanguageInfo(
                code=code,
                file=text.path.name,
                encoding=text.encoding,
                paragraphs=len(text.paragraphs),
                characters=text.characters,
                detected=detection.lang if detection else None,
                confidence=detection.confidence if detection else None,
            )
        )
    return infos


def _sample(paragraphs: tuple[str, ...], limit: int = 4000) -> str:
    """Paragraphs from the start of the file up to ``limit`` characters, for detection."""
    parts, size = [], 0
    for paragraph in paragraphs:
        parts.append(paragraph[: limit - size])
        size += len(parts[-1])
        if size >= limit:
            break
    return "\n".join(parts)
