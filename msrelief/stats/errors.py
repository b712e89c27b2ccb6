"""Errors raised by the statistics package.

Every error is a :class:`ValueError` subclass so that callers that only know about
``ValueError`` still catch it, and every message names the study (and, for tabular
input, the row and the column) that caused it.
"""

from __future__ import annotations

__all__ = ["MetaAnalysisError"]


class MetaAnalysisError(ValueError):
    """Input that cannot be turned into an effect size or a meta-analysis.

    The message is meant to be shown to a user as it is: it names the study, and for
    CSV input the row number (the header is row 1) and the column.
    """
