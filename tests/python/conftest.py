"""Shared fixtures: the source tree, the CLI binary and the small CLI test pack."""

import os
import pathlib
import subprocess

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("LISTSCAN_SOURCE_DIR",
                                         pathlib.Path(__file__).resolve().parents[2]))
COMMON = SOURCE_DIR / "tests" / "cli" / "common"


@pytest.fixture(scope="session")
def cli():
    """Runs the listscan binary the build made; returns the CompletedProcess."""
    binary = os.environ["LISTSCAN"]

    def run(*args, cwd=None):
        return subprocess.run([binary, *map(str, args)], cwd=cwd, capture_output=True,
                              check=False)
    return run


@pytest.fixture(scope="session")
def pack_path():
    return str(COMMON / "pack.yaml")


@pytest.fixture(scope="session")
def pack(pack_path, tmp_path_factory):
    import listscan
    return listscan.compile([pack_path], cache_dir=str(tmp_path_factory.mktemp("cache")))
