"""The lock files pin every dependency that pyproject.toml names, with hashes.

`make papers` installs from requirements.lock and `make test` from requirements-test.lock
with `--require-hashes`; a dependency added to pyproject.toml without `make lock` would
be missing there, and this test names it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def name_of(requirement: str) -> str:
    """The normalised distribution name of a requirement ("python-docx==1.2.0" → python-docx)."""
    name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(lock: Path) -> dict[str, list[str]]:
    """name → the --hash lines of its pin, from a lock file written by `make lock`."""
    pins: dict[str, list[str]] = {}
    current = None
    for line in lock.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"([A-Za-z0-9._-]+)==\S+", line):
            current = name_of(match.group(1))
            pins.setdefault(current, [])
        elif current and line.strip().startswith("--hash=sha256:"):
            pins[current].append(line.strip())
        elif not line.startswith(" "):
            current = None
    return pins


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_runtime_dependency_is_pinned_with_hashes():
    runtime = {name_of(r) for r in project()["dependencies"]}
    for lock in ("requirements.lock", "requirements-test.lock"):
        pins = pinned(ROOT / lock)
        assert runtime - pins.keys() == set(), f"{lock} saknar {sorted(runtime - pins.keys())}"
        assert all(pins[name] for name in runtime), lock


def test_every_test_dependency_is_pinned_with_hashes():
    test = {name_of(r) for r in project()["optional-dependencies"]["test"]}
    pins = pinned(ROOT / "requirements-test.lock")
    assert test - pins.keys() == set()
    assert all(pins[name] for name in test)
    assert not test & pinned(ROOT / "requirements.lock").keys() - {
        name_of(r) for r in project()["dependencies"]
    }
