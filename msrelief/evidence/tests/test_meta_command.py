import io
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from msrelief.stats.meta_csv import run_meta_csv

CSV = "study,m1,sd1,n1,m2,sd2,n2\nA,10,2,20,12,2.5,22\nB,9,3,30,11,3,28\n"


def run(path, *args):
    out = io.StringIO()
    call_command("meta", str(path), *args, stdout=out)
    return json.loads(out.getvalue())


def test_the_command_prints_the_json_of_run_meta_csv(tmp_path):
    path = tmp_path / "studies.csv"
    path.write_text(CSV)
    result = run(path, "--measure", "SMD", "--method", "DL", "--hksj")
    assert result == json.loads(json.dumps(run_meta_csv(CSV, "SMD", "DL", True)))
    assert result["k"] == 2 and result["hksj"] is True


def test_a_bad_row_is_a_command_error_naming_the_row(tmp_path):
    path = tmp_path / "studies.csv"
    path.write_text(CSV.replace("B,9,3,30", "B,9,x,30"))
    with pytest.raises(CommandError, match=r"row 3 \(study 'B'\), column 'sd1'"):
        run(path, "--measure", "MD")


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(tmp_path / "nope.csv", "--measure", "MD")


def test_a_bad_row_exits_with_status_1(tmp_path):
    path = tmp_path / "studies.csv"
    path.write_text(CSV.replace("A,10,2,20", "A,10,2,1"))
    command = [sys.executable, "-m", "msrelief.cli", "meta", str(path), "--measure", "SMD"]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    assert finished.returncode == 1
    assert "row 2 (study 'A'), column 'n1'" in finished.stderr


def exit_and_error(capsys, *args):
    """Run ``msrelief ARGS`` as the console script does; its exit status and stderr."""
    from msrelief.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["msrelief", *args])
    return stopped.value.code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "measure", "message"),
    [
        ("study,yi,vi\rA,30,10\rB,-1e308,1\r", "GEN", "row 3 (study 'B'), column 'yi'"),
        ("study,yi,vi\nA,1,1e-11\nB,2,1\n", "GEN", "more than 1e10 times the smallest"),
        (CSV.replace("A,10,2,20", "A,10,2,1e300"), "SMD", "row 2 (study 'A'), column 'n1'"),
        ('study,yi,vi\n"' + "x" * 200_000 + '",1,1\n', "GEN", "row 2: the CSV cannot be read"),
        ("study,a,b,c,d\nA,1e308,1,1,1\n", "OR", "row 2 (study 'A'), column 'a'"),
    ],
    ids=["cr-only-and-extreme-yi", "variance-spread", "smd-n1", "huge-cell", "huge-count"],
)
def test_bad_files_exit_1_with_one_line_naming_the_row_and_no_traceback(
    tmp_path, capsys, content, measure, message
):
    path = tmp_path / "studies.csv"
    path.write_text(content, newline="")
    status, error = exit_and_error(capsys, "meta", str(path), "--measure", measure)
    assert status == 1
    assert message in error
    assert "Traceback" not in error and len(error.strip().splitlines()) == 1


def test_a_file_that_is_not_utf8_exits_1_with_one_line(tmp_path, capsys):
    path = tmp_path / "studies.csv"
    path.write_bytes(b"study,yi,vi\n\xff,1,1\n")
    status, error = exit_and_error(capsys, "meta", str(path), "--measure", "GEN")
    assert status == 1 and "not UTF-8 text" in error and "Traceback" not in error
