"""The noise of a score from its published reliability: SEdiff for the reliable change index.

Jacobson NS, Truax P. *J Consult Clin Psychol* 1991;59:12-19: SEM = SD x sqrt(1 - r) and
SEdiff = sqrt(2) x SEM. Where the definition gives a published SEM it is used directly; else SD
and r together; else there is no SEdiff. :mod:`msrelief.scoring.change` judges a change with
it, and the presentation contract (:mod:`msrelief.scoring.contract`) draws the smallest
reliable change, 1.96 x SEdiff.
"""

from __future__ import annotations

import math

from msrelief.scoring.errors import ScoringError
from msrelief.scoring.models import Reliability

RELIABLE_Z = 1.96
JACOBSON_TRUAX = "Jacobson NS, Truax P. J Consult Clin Psychol 1991;59:12-19 (RCI formula)"


def se_difference(sd: float, r: float) -> float:
    """SEdiff = SD x sqrt(2) x sqrt(1 - r) (Jacobson & Truax 1991)."""
    if not sd > 0:
        raise ScoringError(f"the SD for the reliable change index must be positive, got {sd}")
    if not 0 < r < 1:
        raise ScoringError(f"the reliability r must be between 0 and 1, got {r}")
    return sd * math.sqrt(2) * math.sqrt(1 - r)


def stored_se_difference(stored: Reliability | None) -> tuple[float | None, tuple[str, ...]]:
    """SEdiff from a definition's own reliability entry, with the sources of what it used:
    the published SEM when there is one, else SD and r, else ``(None, ())``."""
    if stored is not None and stored.sem is not None:
        return math.sqrt(2) * stored.sem, (stored.sem_source,)
    if stored is not None and stored.sd is not None and stored.r is not None:
        return se_difference(stored.sd, stored.r), (stored.sd_source, stored.r_source)
    return None, ()
