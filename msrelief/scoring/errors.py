"""The two errors the scoring package raises.

Both subclass :class:`ValueError`, so a caller that only wants "bad input" can catch that.
"""

from __future__ import annotations


class ScoringError(ValueError):
    """Answers cannot be scored: unknown item, value not allowed, or too many unanswered items.

    The message always names the instrument, the item (or items) and what would be accepted, so it
    can be shown to the person who entered the answers.
    """


class DefinitionError(ValueError):
    """An instrument definition file is broken.

    The message names the file and the field (a dotted path such as ``scoring.scores[0].range``).
    """

    def __init__(self, file: str, field: str, problem: str) -> None:
        self.file = file
        self.field = field
        self.problem = problem
        super().__init__(f"{file}: field '{field}': {problem}")
