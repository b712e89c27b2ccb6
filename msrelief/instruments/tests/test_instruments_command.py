import json

from django.core.management import call_command


def test_instruments_lists_codes_versions_and_licences(capsys):
    call_command("instruments", "--json")
    rows = {row["code"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["phq9"]["ships_item_text"] is True
    assert rows["mfis21"]["ships_item_text"] is False
    assert {"phq9", "gad7", "dass21", "mfis21", "psqi", "t25fw"} <= set(rows)


def test_the_table_names_each_instrument(capsys):
    call_command("instruments")
    out = capsys.readouterr().out
    assert "phq9" in out and "Patient Health Questionnaire" in out
