"""The compiled band search (aligner/align/_bandsearch.pyx), built when a C compiler is at
hand; everything else is in pyproject.toml. Without a compiler (or Cython) the install still
succeeds and aligner uses the pure-Python search, which gives the same alignments, slower.

The extension records the SHA-256 of the source it was built from: aligner refuses a build
whose source has changed since (aligner/align/search.py), so a stale in-place build is never
used; ``pip install -e .`` (or ``python3 dev.py``) rebuilds it.
"""

import hashlib
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SOURCE = Path(__file__).resolve().parent / "aligner" / "align" / "_bandsearch.pyx"


def extensions():
    try:
        from Cython.Build import cythonize
    except ImportError:  # no Cython: the pure-Python search
        return []
    digest = hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    kernel = Extension(
        "aligner.align._bandsearch",
        ["aligner/align/_bandsearch.pyx"],
        define_macros=[("BANDSEARCH_SOURCE_SHA256", f'"{digest}"')],
        # the costs must be the Python search's to the last bit: no fused multiply-add, no
        # reassociation (gcc and clang contract a * b + c into one FMA where the target has it)
        extra_compile_args=["-O2", "-ffp-contract=off", "-fno-fast-math"],
        optional=True,
    )
    return cythonize([kernel], language_level=3, quiet=True)


class OptionalBuildExt(build_ext):
    """build_ext that lets an optional extension fail (no compiler, a compiler error): the
    ``optional`` flag alone does not cover pip's editable builds."""

    def run(self):
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any failure leaves the Python search
            self.warn(f"the compiled band search was not built ({exc}); using the Python search")

    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001 - as above
            if not ext.optional:
                raise
            self.warn(f"the compiled band search was not built ({exc}); using the Python search")


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
