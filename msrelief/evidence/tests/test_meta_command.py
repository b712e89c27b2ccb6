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
