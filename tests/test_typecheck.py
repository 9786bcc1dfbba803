"""mypy (`make typecheck`) checks every app's `api`, `services` and `selectors` modules.

A new one that is not in pyproject.toml's `[tool.mypy] files` fails
`test_mypy_checks_every_api_services_and_selectors_module`.
"""

import tomllib
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
APPS = ("core", "accounts", "learning", "quizzes", "reflections", "training")
CHECKED_NAMES = ("api", "services", "selectors")


def checked_modules_on_disk() -> set[str]:
    """Return each app's api/services/selectors module or package, relative to BASE_DIR."""
    found = set()
    for app in APPS:
        for path in (BASE_DIR / app).rglob("*"):
            if path.stem in CHECKED_NAMES and (path.suffix == ".py" or path.is_dir()):
                found.add(path.relative_to(BASE_DIR).as_posix())
    return found


def test_mypy_checks_every_api_services_and_selectors_module():
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())
    assert set(config["tool"]["mypy"]["files"]) == checked_modules_on_disk()
