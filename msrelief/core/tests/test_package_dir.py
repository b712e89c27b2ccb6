"""``lib.packages.package_dir`` finds an installed package's folder without importing it (the
settings find django-ninja's bundled Swagger UI with it)."""

import subprocess
import sys

import pytest

from msrelief.lib.packages import package_dir


def test_the_folder_of_a_package_holds_its_files_and_the_package_is_not_imported():
    probe = (
        "import sys; from msrelief.lib.packages import package_dir; "
        "folder = package_dir('ninja'); "
        "print((folder / 'templates' / 'ninja' / 'swagger.html').is_file(), 'ninja' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["True", "False"]


def test_a_package_that_is_not_installed_is_named():
    with pytest.raises(ModuleNotFoundError, match="'no_such_package_here' is not an installed"):
        package_dir("no_such_package_here")
