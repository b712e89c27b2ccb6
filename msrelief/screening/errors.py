"""The two errors the screening package raises; both are :class:`ValueError`."""

from __future__ import annotations

from collections.abc import Sequence


class AnswersError(ValueError):
    """The answers cannot be screened. Each problem names its field (a dotted path such as
    ``last_infusion.date``, or ``sensory_loss_areas[2]``), so it can be shown beside the
    question; ``str()`` joins them into one line for a command."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        self.problems: tuple[tuple[str, str], ...] = tuple(problems)
        super().__init__("; ".join(f"{field}: {problem}" for field, problem in self.problems))

    @classmethod
    def one(cls, field: str, problem: str) -> AnswersError:
        return cls([(field, problem)])


class RulesetError(ValueError):
    """A rule file is broken. The message names the file, the rule and the field, e.g.
    ``ms-screen-1.json: rule R16: field 'trigger.any[1].at_most': must be a whole number``."""

    def __init__(self, file: str, where: str | None, field: str | None, problem: str) -> None:
        self.file, self.where, self.field, self.problem = file, where, field, problem
        parts = [file]
        if where:
            parts.append(where)
        if field:
            parts.append(f"field '{field}'")
        super().__init__(f"{': '.join(parts)}: {problem}")
