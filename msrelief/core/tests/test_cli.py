"""The ``msrelief`` console script: ``score``, ``meta`` and ``cite`` start without Django's
set-up (``cite`` reads its reference with no app loaded) or any heavy library they do not use,
without the system checks; everything else is Django's."""

import io
import json
import subprocess
import sys
import textwrap

import pytest
from django.core.management import call_command
from django.core.management.base import BaseCommand

from msrelief import cli

PHQ9 = '{"1": 1, "2": 2, "3": 0, "4": 1, "5": 0, "6": 0, "7": 1, "8": 0, "9": 0}'
HEAVY = (
    "scipy.stats",
    "scipy.optimize",
    "statsmodels",
    "pandas",
    "altair",
    "vl_convert",
    "citeproc",
    "ninja",
    "webauthn",
    "numpy",
)


def run_in_a_fresh_process(tmp_path, *args, stdin=""):
    """Run the console script in a new interpreter; report its output, its exit status, the
    apps it loaded (None: the registry was never populated) and the heavy libraries it
    imported."""
    probe = textwrap.dedent(
        f"""
        import json, sys
        from msrelief import cli
        status = 0
        try:
            cli.main(["msrelief", *{list(args)!r}])
        except SystemExit as stop:
            status = stop.code
        from django.apps import apps
        loaded = sorted(name for name in {HEAVY!r} if name in sys.modules)
        names = [config.name for config in apps.get_app_configs()] if apps.ready else None
        print(json.dumps({{"status": status, "apps": names, "loaded": loaded}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "MSRELIEF_DATA_DIR": str(tmp_path)},
        check=True,
        timeout=120,
    )
    *output, report = done.stdout.strip().splitlines()
    return "\n".join(output), done.stderr, json.loads(report)


def test_score_prints_its_json_without_setting_up_django_or_loading_heavy_libraries(tmp_path):
    output, _, report = run_in_a_fresh_process(tmp_path, "score", "phq9", "-", stdin=PHQ9)
    assert json.loads(output)["total"] == 5.0
    assert report == {"status": 0, "apps": None, "loaded": []}


def test_a_bad_answer_still_exits_1_with_one_line_and_no_traceback(tmp_path):
    _, errors, report = run_in_a_fresh_process(tmp_path, "score", "phq9", "-", stdin='{"1": 9}')
    assert report["status"] == 1
    assert errors.strip().count("\n") == 0 and "item 1" in errors
    assert "Traceback" not in errors


@pytest.mark.parametrize("method", ["FE", "REML"])
def test_meta_pools_without_django_statsmodels_scipys_optimizers_or_the_plotting_libraries(
    tmp_path, method
):
    studies = "study,yi,vi\nA,0.5,0.04\nB,0.3,0.02\nC,0.9,0.05\n"
    output, _, report = run_in_a_fresh_process(
        tmp_path, "meta", "-", "--measure", "GEN", "--method", method, stdin=studies
    )
    assert json.loads(output)["k"] == 3
    assert report == {"status": 0, "apps": None, "loaded": ["numpy"]}  # its arrays


def test_cite_prints_a_stored_reference_with_no_app_loaded_and_only_the_citation_library(
    tmp_path,
):
    env = {"PATH": "/usr/bin:/bin", "MSRELIEF_DATA_DIR": str(tmp_path)}
    for command in (["migrate", "--no-input", "-v", "0"], ["load-evidence"]):
        subprocess.run(
            [sys.executable, "-m", "msrelief.cli", *command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            check=True,
            timeout=300,
        )
    output, _, report = run_in_a_fresh_process(tmp_path, "cite", "naderi2024", "--style", "apa")
    assert output.startswith("Naderi, A., Rezvani, M. H.")
    assert report == {"status": 0, "apps": [], "loaded": ["citeproc"]}
    _, errors, report = run_in_a_fresh_process(tmp_path, "cite", "naderi2023")
    assert report["status"] == 1
    assert errors.strip() == (
        "CommandError: No reference has the citation key 'naderi2023'. Did you mean: naderi2024?"
    )


def test_cite_on_a_database_never_migrated_says_what_to_run_in_one_line(tmp_path):
    _, errors, report = run_in_a_fresh_process(tmp_path, "cite", "naderi2024")
    assert report["status"] == 1
    assert errors.strip().count("\n") == 0 and "Traceback" not in errors
    assert "no such table: evidence_reference" in errors
    assert "Run `msrelief migrate` and `msrelief load-evidence` first." in errors


def test_cite_reads_the_database_without_running_the_system_checks(db, capsys, monkeypatch):
    call_command("load_evidence", stdout=io.StringIO())
    checked = []
    monkeypatch.setattr(BaseCommand, "check", lambda self, **options: checked.append(options))
    cli.main(["msrelief", "cite", "naderi2024", "--style", "apa"])
    assert capsys.readouterr().out.startswith("Naderi, A., Rezvani, M. H.")
    assert checked == []


def test_other_commands_and_a_chosen_settings_module_take_djangos_own_path(
    tmp_path, capsys, monkeypatch
):
    taken = []
    real = cli._run_directly
    monkeypatch.setattr(cli, "_run_directly", lambda *args: taken.append(args) or real(*args))
    cli.main(["msrelief", "instruments", "--json"])
    assert any(row["code"] == "phq9" for row in json.loads(capsys.readouterr().out))
    answers = tmp_path / "answers.json"
    answers.write_text(PHQ9)
    cli.main(["msrelief", "score", "phq9", str(answers), "--settings=msrelief.settings"])
    assert json.loads(capsys.readouterr().out)["total"] == 5.0
    assert taken == []


def test_setting_up_the_apps_loads_no_citation_statistics_or_fhir_library(tmp_path):
    probe = (
        "import sys, django; django.setup(); "
        "print(sorted(m for m in sys.argv[1:] if m in sys.modules))"
    )
    libraries = ["citeproc", "bibtexparser", "rispy", "markdown", "scipy", "fhir.resources"]
    done = subprocess.run(
        [sys.executable, "-c", probe, *libraries],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "MSRELIEF_DATA_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "msrelief.settings",
        },
        check=True,
        timeout=120,
    )
    assert done.stdout.strip() == "[]"


def test_a_setting_that_cannot_be_used_is_one_line_and_exit_1_not_a_traceback(tmp_path):
    probe = "from msrelief import cli; cli.main(['msrelief', 'check'])"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "MSRELIEF_DATA_DIR": str(tmp_path),
            "MSRELIEF_DEBUG": "maybe",
        },
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0
    assert "MSRELIEF_DEBUG='maybe'" in done.stderr
