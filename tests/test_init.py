"""`bulletin init DIR`: a new site that builds at once, and never a file overwritten."""

from __future__ import annotations

from pathlib import Path

from build_helpers import ROOT, run_bulletin


def test_a_new_site_has_everything_and_builds(tmp_path: Path):
    result = run_bulletin("init", "mysite", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "mysite"
    for name in ("site.yml", "content/tags.yml", "content/hant-overrides.yml", "content/raw/2021-08-12.txt", ".gitignore",
                 "requirements.txt", ".github/workflows/pages.yml"):
        assert (site / name).is_file(), name
    assert (site / "site.yml").read_bytes() == (ROOT / "site.yml").read_bytes()  # the sample's, comments and all
    assert "output/" in (site / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert run_bulletin("check", cwd=site).returncode == 0
    built = run_bulletin("build", cwd=site)
    assert built.returncode == 0 and built.stderr == "" and (site / "output" / "index.html").is_file()


def test_a_folder_holding_any_of_its_files_is_refused_untouched(tmp_path: Path):
    (tmp_path / ".git").mkdir()  # a repository made first is fine
    (tmp_path / "site.yml").write_text("title: 我的\n", encoding="utf-8")
    result = run_bulletin("init", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1 and "already holds site.yml" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "site.yml").read_text(encoding="utf-8") == "title: 我的\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".git", "site.yml"]


def test_a_folder_with_only_a_repository_gets_the_site(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    assert run_bulletin("init", ".", cwd=tmp_path).returncode == 0
    assert (tmp_path / "site.yml").is_file()
