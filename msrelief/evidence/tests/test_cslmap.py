from msrelief.evidence import cslmap, seed
from msrelief.evidence.models import Reference


def test_every_seed_reference_round_trips_through_a_row():
    for key, item in seed.load_seed().references.items():
        row = Reference(**cslmap.fields_from_csl(item))
        assert row.csl() == dict(item), key


def test_a_full_date_and_unknown_fields_are_kept_for_export():
    item = {"id": "x2020", "type": "book", "title": "T", "issued": {"date-parts": [[2020, 5, 1]]},
            "ISBN": "978-0"}  # fmt: skip
    fields = cslmap.fields_from_csl(item)
    assert fields["year"] == 2020 and fields["extra"]["ISBN"] == "978-0"
    assert Reference(**fields).csl() == item


def test_a_changed_year_wins_over_a_kept_full_date():
    fields = cslmap.fields_from_csl(
        {"id": "x", "type": "book", "title": "T", "issued": {"date-parts": [[2020, 5]]}}
    )
    row = Reference(**{**fields, "year": 2021})
    assert row.csl()["issued"] == {"date-parts": [[2021]]}


def test_authors_read_and_write_one_a_line():
    text = "Naderi, A.\nRezvani, M. H.\nWorld Health Organization\net al."
    names = cslmap.authors_from_text(text)
    assert names == [
        {"family": "Naderi", "given": "A."},
        {"family": "Rezvani", "given": "M. H."},
        {"family": "World Health Organization"},
        {"literal": "others"},
    ]
    assert cslmap.authors_to_text(names) == text


def test_a_date_given_only_in_words_is_kept():
    item = {"id": "x", "type": "book", "title": "T", "issued": {"literal": "in press"}}
    fields = cslmap.fields_from_csl(item)
    assert fields["year"] is None
    assert Reference(**fields).csl() == item
