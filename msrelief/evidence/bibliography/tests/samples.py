"""Reference items shared by the bibliography tests (details from research/source-references.md)."""

from __future__ import annotations

from typing import Any

NADERI: dict[str, Any] = {
    "id": "naderi2024",
    "type": "article-journal",
    "title": (
        "Can a six-week Swedish massage reduce mood disorders and enhance the quality of life in "
        "individuals with multiple sclerosis? A randomized control clinical trial"
    ),
    "author": [
        {"family": "Naderi", "given": "A."},
        {"family": "Rezvani", "given": "M. H."},
        {"family": "Aminian-Far", "given": "A."},
        {"family": "Hamood-Ahvazi", "given": "S."},
    ],
    "container-title": "Explore",
    "container-title-short": "Explore (NY)",
    "issued": {"date-parts": [[2024]]},
    "volume": "20",
    "issue": "5",
    "page": "103032",
    "DOI": "10.1016/j.explore.2024.103032",
    "PMID": "39018656",
}

SCHROEDER: dict[str, Any] = {
    "id": "schroeder2014",
    "type": "article-journal",
    "title": (
        "The effects of massage therapy on multiple sclerosis patients' quality of life and leg "
        "function"
    ),
    "author": [
        {"family": "Schroeder", "given": "B."},
        {"family": "Doig", "given": "J."},
        {"family": "Premkumar", "given": "K."},
    ],
    "container-title": "Evidence-Based Complementary and Alternative Medicine",
    "container-title-short": "Evid Based Complement Alternat Med",
    "issued": {"date-parts": [[2014]]},
    "volume": "2014",
    "page": "640916",
    "DOI": "10.1155/2014/640916",
}

DUARTE: dict[str, Any] = {
    "id": "duarte2024",
    "type": "article-journal",
    "title": "Ancient viral DNA in the human genome linked to neurodegenerative diseases",
    "author": [
        {"family": "Duarte", "given": "R. R. R."},
        {"family": "Nixon", "given": "D. F."},
        {"family": "Powell", "given": "T. R."},
    ],
    "container-title": "Brain, Behavior, and Immunity",
    "container-title-short": "Brain Behav Immun",
    "issued": {"date-parts": [[2024]]},
    "volume": "123",
    "page": "765-770",
}

GIOVANNONI: dict[str, Any] = {
    "id": "giovannoni2022",
    "type": "article-journal",
    "title": "Smouldering multiple sclerosis: the 'real MS'",
    "author": [
        {"family": "Giovannoni", "given": "G."},
        {"family": "Popescu", "given": "V."},
        {"family": "Wuerfel", "given": "J."},
        {"literal": "others"},
    ],
    "container-title": "Therapeutic Advances in Neurological Disorders",
    "container-title-short": "Ther Adv Neurol Disord",
    "issued": {"date-parts": [[2022]]},
    "volume": "15",
    "page": "1-18",
}

MANUAL_THERAPY: dict[str, Any] = {
    "id": "jicm2022",
    "type": "article-journal",
    "title": (
        "The efficacy and safety of manual therapy for symptoms associated with multiple "
        "sclerosis: a systematic review and meta-analysis"
    ),
    "container-title": "Journal of Integrative and Complementary Medicine",
    "container-title-short": "J Integr Complement Med",
    "issued": {"date-parts": [[2022, 10]]},
    "volume": "28",
    "issue": "10",
    "page": "780-790",
    "DOI": "10.1089/jicm.2021.0382",
}

SANTOS_FILHO: dict[str, Any] = {
    "id": "santosfilho2019",
    "type": "article",
    "title": "Physical therapy in multiple sclerosis: a new strategy of treatment",
    "author": [{"family": "Santos-Filho", "given": "S. D."}],
    "publisher": "ResearchGate",
    "issued": {"date-parts": [[2019, 1]]},
}

ALL = [NADERI, SCHROEDER, DUARTE, GIOVANNONI, MANUAL_THERAPY, SANTOS_FILHO]
