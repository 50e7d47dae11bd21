"""The package as users get it: a wheel that carries the default theme and the starter site, installed
into a clean environment, makes a new site with `bulletin init`, ingests it and builds it.

No network: the wheel is built with the test environment's setuptools (no build isolation) and
installed without dependencies; the new environment sees the test environment's libraries through
a .pth file, but not its editable install of this checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from build_helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _package_folders() -> set[str]:
    """Every folder the wheel must hold as a package: code, data, the theme, the starter site."""
    packages = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "generator").rglob("__init__.py")}
    packages |= {"generator.serve.assets", "generator.starter", "generator.starter.content", "generator.starter.content.raw",
                 "generator.starter.github", "generator.starter.github.workflows", "generator.themes"}
    packages |= {"generator.themes." + ".".join(folder.relative_to(ROOT / "themes").parts)
                 for folder in (ROOT / "themes").rglob("*") if folder.is_dir()}
    return packages


def test_pyproject_lists_every_package():
    """pyproject.toml lists its packages (the theme's mapping needs it): a new one must be added there."""
    assert set(PYPROJECT["packages"]) == _package_folders()


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=300, env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", out, ROOT, cwd=out)
    [built] = out.glob("bulletin_digest-*.whl")
    return built


def test_the_wheel_carries_the_default_theme_and_the_starter_site(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    theme = {"generator/themes/" + path.relative_to(ROOT / "themes").as_posix() for path in (ROOT / "themes").rglob("*") if path.is_file()}
    assert theme <= names, sorted(theme - names)
    starter = {"generator/starter/site.yml", "generator/starter/content/tags.yml", "generator/starter/content/hant-overrides.yml",
               "generator/starter/content/raw/2021-08-12.txt", "generator/starter/github/workflows/pages.yml",
               "generator/serve/assets/reload.js"}
    assert starter <= names, sorted(starter - names)
    assert not [name for name in names if name.startswith("generator/starter/") and ("/2021-08-12/" in name or name.endswith(".md"))]


def test_an_installed_wheel_starts_ingests_and_builds_a_site(wheel: Path, tmp_path: Path):
    environment = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(environment)
    python = environment / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel, cwd=tmp_path)
    site_packages = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path).stdout.strip())
    (site_packages / "test-libraries.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    bulletin = environment / "bin" / "bulletin"

    where = _run(python, "-c", "import generator; print(generator.__file__)", cwd=tmp_path).stdout
    assert where.startswith(str(site_packages)), where  # the wheel's code, not this checkout's

    work = tmp_path / "elsewhere"
    work.mkdir()
    created = _run(bulletin, "init", "mysite", cwd=work)
    assert "bulletin ingest content/raw/*.txt" in created.stdout
    site = work / "mysite"
    _run(bulletin, "ingest", "content/raw/2021-08-12.txt", cwd=site)
    built = _run(bulletin, "build", cwd=site)
    assert "built" in built.stdout and built.stderr == ""
    for page in ("index.html", "zh-hant/index.html", "static/css/site.css", "search/index.js", "feed.xml"):
        assert (site / "output" / page).is_file(), page
    assert "信息产业监测" in (site / "output" / "index.html").read_text(encoding="utf-8")
