"""Published data sets used to check msrelief.stats against R's metafor.

Every data set names where its numbers were taken from. The numbers were typed in and then
verified by reproducing a published output from them (see the tests that use them).
"""

from __future__ import annotations

from msrelief.stats.examples import BCG as BCG  # metafor's dat.bcg, the page's example

# escalc(measure="RR", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=dat.bcg) as printed on
# https://www.metafor-project.org/doku.php/tips:testing_factors_lincoms (yi, vi, 4 dp):
# "1 Aronson 1948 ... -0.8893 0.3256 ... 13 Comstock et al 1976 ... -0.0173 0.0714"
BCG_RR_ESCALC: tuple[tuple[float, float], ...] = (
    (-0.8893, 0.3256),
    (-1.5854, 0.1946),
    (-1.3481, 0.4154),
    (-1.4416, 0.0200),
    (-0.2175, 0.0512),
    (-0.7861, 0.0069),
    (-1.6209, 0.2230),
    (0.0120, 0.0040),
    (-0.4694, 0.0564),
    (-1.3713, 0.0730),
    (-0.3394, 0.0124),
    (0.4459, 0.5325),
    (-0.0173, 0.0714),
)

# escalc(measure="OR", ...) on the same trials as printed on
# https://www.metafor-project.org/doku.php/analyses:vanhouwelingen2002 (first 7 rows shown
# there: "1 Aronson ... -0.9387 0.3571 ... 7 Vandiviere et al ... -1.6338 0.2270").
BCG_OR_ESCALC_FIRST7: tuple[tuple[float, float], ...] = (
    (-0.9387, 0.3571),
    (-1.6662, 0.2081),
    (-1.3863, 0.4334),
    (-1.4564, 0.0203),
    (-0.2191, 0.0520),
    (-0.9581, 0.0099),
    (-1.6338, 0.2270),
)

# Teacher expectancy and pupil IQ (Raudenbush 1984; Raudenbush & Bryk 1985), metafor's
# ``dat.raudenbush1985``: label, yi (SMD), vi. Source: metadat data-raw/dat.raudenbush1985.txt
# (https://github.com/wviechtb/metadat/blob/master/data-raw/dat.raudenbush1985.txt).
RAUDENBUSH1985: tuple[tuple[str, float, float], ...] = (
    ("Rosenthal et al. 1974", 0.03, 0.0156),
    ("Conn et al. 1968", 0.12, 0.0216),
    ("Jose & Cody 1971", -0.14, 0.0279),
    ("Pellegrini & Hicks 1972a", 1.18, 0.1391),
    ("Pellegrini & Hicks 1972b", 0.26, 0.1362),
    ("Evans & Rosenthal 1969", -0.06, 0.0106),
    ("Fielder et al. 1971", -0.02, 0.0106),
    ("Claiborn 1969", -0.32, 0.0484),
    ("Kester 1969", 0.27, 0.0269),
    ("Maxwell 1970", 0.80, 0.0630),
    ("Carter 1970", 0.54, 0.0912),
    ("Flowers 1966", 0.18, 0.0497),
    ("Keshock 1970", -0.02, 0.0835),
    ("Henrikson 1970", 0.23, 0.0841),
    ("Fine 1972", -0.18, 0.0253),
    ("Grieger 1970", -0.06, 0.0279),
    ("Rosenthal & Jacobson 1968", 0.30, 0.0193),
    ("Fleming & Anttonen 1971", 0.07, 0.0088),
    ("Ginsburg 1970", -0.07, 0.0303),
)

# Kacker 2004 interlaboratory example (9 labs), as used in statsmodels' metafor comparison:
# statsmodels/stats/tests/results/results_meta.py
# (https://github.com/statsmodels/statsmodels/blob/main/statsmodels/stats/tests/results/results_meta.py):
# "> y = c(61.0, 61.4 , 62.21, 62.3 , 62.34, 62.6 , 62.7 , 62.84, 65.9)
#  > v = c(0.2025, 1.2100, 0.0900, 0.2025, 0.3844, 0.5625, 0.0676, 0.0225, 1.8225)"
KACKER_YI: tuple[float, ...] = (61.0, 61.4, 62.21, 62.3, 62.34, 62.6, 62.7, 62.84, 65.9)
KACKER_VI: tuple[float, ...] = (0.2025, 1.21, 0.09, 0.2025, 0.3844, 0.5625, 0.0676, 0.0225, 1.8225)

# CLASP example of DerSimonian & Kacker 2007 (Contemp Clin Trials 28:105-114), as typed in
# metafor's tests/testthat/test_analysis_example_dersimonian2007.r
# (https://github.com/wviechtb/metafor/blob/master/tests/testthat/test_analysis_example_dersimonian2007.r):
# n1i, n2i, ai (events treated), ci (events control).
CLASP: tuple[tuple[int, int, int, int], ...] = (
    (156, 74, 5, 8),
    (303, 303, 5, 17),
    (565, 477, 12, 9),
    (1570, 1565, 69, 94),
    (103, 105, 9, 11),
    (4659, 4650, 313, 352),
)

# Normand 1999 (Stat Med 18:321-359) stroke-unit length-of-stay data, metafor's
# ``dat.normand1999``: label, n1i, m1i, sd1i, n2i, m2i, sd2i. Source: metadat
# data-raw/dat.normand1999.txt (https://github.com/wviechtb/metadat/blob/master/data-raw/dat.normand1999.txt).
NORMAND1999: tuple[tuple[str, int, float, float, int, float, float], ...] = (
    ("Edinburgh", 155, 55, 47, 156, 75, 64),
    ("Orpington-Mild", 31, 27, 7, 32, 29, 4),
    ("Orpington-Moderate", 75, 64, 17, 71, 119, 29),
    ("Orpington-Severe", 18, 66, 20, 18, 137, 48),
    ("Montreal-Home", 8, 14, 8, 13, 18, 11),
    ("Montreal-Transfer", 57, 19, 7, 52, 18, 4),
    ("Newcastle", 34, 52, 45, 33, 41, 34),
    ("Umea", 110, 21, 16, 183, 31, 27),
    ("Uppsala", 60, 30, 27, 52, 23, 20),
)

# Six trials from Chen & Peace, Applied Meta-Analysis with R (2013), with metafor's
# escalc(measure="SMD") yi and vi (vtype "LS") printed to full precision in statsmodels'
# statsmodels/stats/tests/test_meta.py (TestEffSmdMeta.test_smd, "compare with metafor").
# Columns: label, m1, sd1, n1, m2, sd2, n2, metafor yi, metafor vi.
AMA_SMD: tuple[tuple[str, float, float, int, float, float, int, float, float], ...] = (
    ("Carroll", 94, 22, 60, 92, 20, 60, 0.09452415852032972, 0.03337056173559990),
    ("Grant", 98, 21, 65, 92, 22, 65, 0.27735586626551018, 0.03106510106366112),
    ("Peck", 98, 28, 40, 88, 26, 40, 0.36654442951591998, 0.05083971761755720),
    ("Donat", 94, 19, 200, 82, 17, 200, 0.66438496832691396, 0.01055175923267344),
    ("Stewart", 98, 21, 50, 88, 22, 45, 0.46180628128769841, 0.04334466980873156),
    ("Young", 96, 21, 85, 92, 22, 85, 0.18516443739910043, 0.02363025255552155),
)

# dat.fine1993 (second outcome: e2i of nei vs c2i of nci) with metafor escalc OR and RR
# values printed to full precision in statsmodels' results_meta.py (``eff_prop1``;
# "> dat_or <- escalc(measure="OR", ai=e2i, n1i=nei, ci=c2i, n2i=nci, data=dat ...").
# Columns: events treated, n treated, events control, n control, yi OR, vi OR, yi RR, vi RR.
FINE1993: tuple[tuple[int, int, int, int, float, float, float, float], ...] = (
    (11, 19, 12, 22, 0.13613217432458, 0.399242424242424, 0.0595920972022457, 0.0761562998405104),
    (18, 34, 12, 35, 0.768370601797533, 0.244867149758454, 0.434452644981417, 0.080905695611578),
    (21, 72, 15, 68, 0.374938517449009, 0.152761481951271, 0.279313822781264, 0.0856909430438842),
    (14, 22, 5, 20, 1.65822807660353, 0.463095238095238, 0.934309237376833, 0.175974025974026),
    (42, 70, 13, 32, 0.784954729813068, 0.189078465394255, 0.389960921572199, 0.0551968864468864),
    (80, 183, 33, 94, 0.361663949151077, 0.0689052107900588, 0.219327702635984, 0.0267002515563729),
    (13, 26, 18, 50, 0.575364144903562, 0.240651709401709, 0.328504066972036, 0.074017094017094),
    (37, 61, 30, 55, 0.250542525502324, 0.142027027027027, 0.106179852041229, 0.0257850995555914),
    (23, 36, 12, 25, 0.650587566141149, 0.280657748049052, 0.28594445255324, 0.0590338164251208),
    (19, 45, 14, 35, 0.0918075492531228, 0.210140736456526, 0.0540672212702757, 0.073266499582289),
    (
        106,
        246,
        76,
        208,
        0.273865253802803,
        0.0373104717196078,
        0.164912297594691,
        0.0137191240428942,
    ),
    (
        170,
        386,
        46,
        141,
        0.485755524477543,
        0.0427774287950624,
        0.300079561474504,
        0.0179386112192693,
    ),
    (34, 59, 17, 32, 0.182321556793955, 0.194901960784314, 0.0813456394539525, 0.0400361415752742),
    (18, 45, 3, 15, 0.980829253011726, 0.509259259259259, 0.693147180559945, 0.3),
    (13, 14, 14, 18, 1.31218638896617, 1.39835164835165, 0.177206456127184, 0.0213675213675214),
    (12, 26, 10, 19, -0.259511195485084, 0.365873015873016, -0.131336002061087, 0.0922402159244264),
    (42, 74, 40, 75, 0.138402322859119, 0.108630952380952, 0.0622131845015728, 0.021962676962677),
)

# Morris 2008 (Organ Res Methods 11:364-386) pre-post data as typed in metafor's
# tests/testthat/test_analysis_example_morris2008.r
# (https://github.com/wviechtb/metafor/blob/master/tests/testthat/test_analysis_example_morris2008.r).
# Columns: m_pre, m_post, sd_pre, sd_post, n, r.
MORRIS_TREATED: tuple[tuple[float, float, float, float, int, float], ...] = (
    (30.6, 38.5, 15.0, 11.6, 20, 0.47),
    (23.5, 26.8, 3.1, 4.1, 50, 0.64),
    (0.5, 0.7, 0.1, 0.1, 9, 0.77),
    (53.4, 75.9, 14.5, 4.4, 10, 0.89),
    (35.6, 36.0, 4.7, 4.6, 14, 0.44),
)
MORRIS_CONTROL: tuple[tuple[float, float, float, float, int, float], ...] = (
    (23.1, 19.7, 13.8, 14.8, 20, 0.47),
    (24.9, 25.3, 4.1, 3.3, 42, 0.64),
    (0.6, 0.6, 0.2, 0.2, 9, 0.77),
    (55.7, 60.7, 17.3, 17.9, 11, 0.89),
    (34.8, 33.4, 3.1, 6.9, 14, 0.44),
)
