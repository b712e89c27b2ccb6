"""Published data sets that ship with msrelief: the worked example of the meta-analysis page,
and reference data for the tests that check :mod:`msrelief.stats` against R's metafor.

They are not about MS or massage; they are the data sets metafor's own documentation analyses,
so a reader can compare every number msrelief prints with a published output.
"""

from __future__ import annotations

# BCG vaccine trials (Colditz et al. 1994, JAMA 271:698-702), metafor's ``dat.bcg`` (same
# data as ``dat.colditz1994``). Source: metadat repository, data-raw/dat.colditz1994.txt
# (https://github.com/wviechtb/metadat/blob/master/data-raw/dat.colditz1994.txt).
# Columns: label, tpos, tneg, cpos, cneg (TB cases / non-cases, vaccinated then control).
BCG: tuple[tuple[str, int, int, int, int], ...] = (
    ("Aronson 1948", 4, 119, 11, 128),
    ("Ferguson & Simes 1949", 6, 300, 29, 274),
    ("Rosenthal et al 1960", 3, 228, 11, 209),
    ("Hart & Sutherland 1977", 62, 13536, 248, 12619),
    ("Frimodt-Moller et al 1973", 33, 5036, 47, 5761),
    ("Stein & Aronson 1953", 180, 1361, 372, 1079),
    ("Vandiviere et al 1973", 8, 2537, 10, 619),
    ("TPT Madras 1980", 505, 87886, 499, 87892),
    ("Coetzee & Berjak 1968", 29, 7470, 45, 7232),
    ("Rosenthal et al 1961", 17, 1699, 65, 1600),
    ("Comstock et al 1974", 186, 50448, 141, 27197),
    ("Comstock & Webster 1969", 5, 2493, 3, 2338),
    ("Comstock et al 1976", 27, 16886, 29, 17825),
)

BCG_TITLE = "BCG vaccine and tuberculosis: 13 trials (Colditz et al., 1994; metafor's dat.bcg)"


def bcg_csv() -> str:
    """The BCG trials in the ``study,a,b,c,d`` CSV layout of :mod:`msrelief.stats.meta_csv`."""
    lines = ["study,a,b,c,d"]
    lines += [f'"{label}",{a},{b},{c},{d}' for label, a, b, c, d in BCG]
    return "\n".join(lines) + "\n"
