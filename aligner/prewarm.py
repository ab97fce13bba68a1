"""Imported once by the worker pool's fork server, so that every worker starts warm.

Workers are forked from that server (``aligner.parallel``): what it has imported and built,
they have from their first instruction, at no cost per worker. Here: the checks and the
aligner's search (with their libraries), the country-name indexes and the Chinese-numeral
library, which the first paragraph of each language would otherwise build in each worker.
(Not the language detector's tables: a quarter of a second more here, while a killed caller
would leave this server alive until its imports end.)
"""

from __future__ import annotations

import gc
import signal

# A Ctrl-C is the caller's to handle (it stops the pool): the fork server and every worker
# would only print a traceback. The terminal sends it to the whole process group, so it is
# ignored here, for good: multiprocessing's fork server keeps the handler it finds after
# this import for the workers it forks, so they ignore it from their first instruction.
signal.signal(signal.SIGINT, signal.SIG_IGN)

import statistics  # noqa: F401,E402  (the checks import it, and rapidfuzz, at first use)

import rapidfuzz.distance  # noqa: F401,E402
import rapidfuzz.fuzz  # noqa: F401,E402
import rapidfuzz.process  # noqa: F401,E402

from . import checks  # noqa: F401,E402  (and through it the facts, langdetect)
from .align import search  # noqa: F401,E402
from .facts import anchor_keys  # noqa: E402

for _lang, _sample in (
    ("en", "China and Kazakhstan, 17 May 2023"),
    ("ru", "Китай и Казахстан, 17 мая 2023 года"),
    ("kk", "Қытай мен Қазақстан, 2023 жылғы 17 мамыр"),
    ("zh", "中国和哈萨克斯坦，二〇二三年五月十七日"),
):
    anchor_keys(_sample, _lang)
# What is built so far lives as long as the workers and holds no garbage: frozen, no
# collection in a worker ever walks it (nor touches its memory, which stays shared).
gc.freeze()
