"""Publishing: `bulletin deploy` to a gh-pages branch in a throwaway git repository, the Pages workflow,
and a build for a GitHub Pages project path. No network: the remote is a bare repository on disk."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from build_helpers import ROOT, build_project, commit_project, run_bulletin

from generator import ghpages

PAGES_URL = "https://user.github.io/repo/"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def branch_files(repo: Path, branch: str = "gh-pages") -> set[str]:
    return set(git(repo, "ls-tree", "-r", "--name-only", branch).splitlines())


@pytest.fixture
def repo(make_project) -> Path:
    """The fixture project as a committed git repository (output/ ignored, as in this repository)."""
    return commit_project(make_project())


def test_deploy_commits_the_built_site_to_gh_pages(repo):
    result = run_bulletin("deploy", cwd=repo)
    assert result.returncode == 0, result.stderr
    out = repo / "output"
    built = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()} - {".bulletin-build"}
    assert branch_files(repo) == built and "index.html" in built
    assert git(repo, "show", "gh-pages:index.html") == (out / "index.html").read_text(encoding="utf-8")
    head = git(repo, "rev-parse", "--short", "HEAD").strip()
    assert git(repo, "log", "-1", "--format=%s", "gh-pages").strip() == f"Deploy {head} with bulletin 0.1.0"
    assert git(repo, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main" and git(repo, "status", "--porcelain") == ""
    if not (out / ".nojekyll").exists():
        pytest.xfail("the build does not write .nojekyll yet (the engine's part of issue 5)")
    assert ".nojekyll" in branch_files(repo)


def test_dot_files_are_published_and_the_build_marker_is_not(repo, tmp_path):
    site = tmp_path / "site"
    (site / "static").mkdir(parents=True)
    for name in (".nojekyll", "CNAME", ".bulletin-build", "index.html", "static/app.js", ".gitignore"):
        (site / name).write_text(f"{name}\n")
    (site / "ignored.log").write_text("published even when the user's git ignores *.log\n")
    published = ghpages.publish(site, repo, "gh-pages", "test")
    assert published.changed and published.files == 6
    assert branch_files(repo) == {".nojekyll", "CNAME", "index.html", "static/app.js", ".gitignore", "ignored.log"}


def test_each_deploy_is_a_new_commit_and_an_unchanged_site_is_not(repo):
    assert run_bulletin("deploy", cwd=repo).returncode == 0
    first = git(repo, "rev-parse", "gh-pages").strip()
    again = run_bulletin("deploy", cwd=repo)
    assert again.returncode == 0 and "nothing to commit" in again.stdout
    assert git(repo, "rev-parse", "gh-pages").strip() == first

    article = next((repo / "content").rglob("01-*.md"))
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", "title: 更新 ", 1), encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "edit")
    assert run_bulletin("deploy", "-m", "second", cwd=repo).returncode == 0
    assert git(repo, "log", "--format=%s", "gh-pages").splitlines()[0] == "second"
    assert git(repo, "rev-parse", "gh-pages^").strip() == first  # history keeps every deploy
    assert git(repo, "grep", "--files-with-matches", "更新", "gh-pages", "--", "articles/")


@pytest.mark.parametrize("change", ["edit", "new file", "theme", "site.yml"])
def test_deploy_refuses_uncommitted_sources_unless_forced(repo, change):
    if change == "edit":
        path = next((repo / "content").rglob("*.md"))
        path.write_text(path.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
    elif change == "new file":
        path = repo / "content" / "notes" / "xin.md"
        path.write_text("---\ntitle: 新稿\ndate: 2021-02-01\n---\n正文。\n", encoding="utf-8")
    elif change == "theme":
        path = repo / "themes" / "default" / "article.html"
        path.parent.mkdir(parents=True)
        path.write_text((ROOT / "themes" / "default" / "article.html").read_text(encoding="utf-8"), encoding="utf-8")
    else:
        path = repo / "site.yml"
        path.write_text(path.read_text(encoding="utf-8") + "per_page: 4\n", encoding="utf-8")
    refused = run_bulletin("deploy", cwd=repo)
    assert refused.returncode == 1 and "uncommitted changes" in refused.stderr and "--force" in refused.stderr
    assert path.relative_to(repo).as_posix() in refused.stderr
    assert git(repo, "branch", "--list", "gh-pages") == ""
    forced = run_bulletin("deploy", "--force", cwd=repo)
    assert forced.returncode == 0, forced.stderr
    assert git(repo, "log", "-1", "--format=%s", "gh-pages").strip().endswith("(with uncommitted changes)")


def test_deploy_push_updates_the_remote_branch(repo, tmp_path):
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(repo, "remote", "add", "origin", str(remote))
    result = run_bulletin("deploy", "--push", "--branch", "pages", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert git(remote, "rev-parse", "pages") == git(repo, "rev-parse", "pages")
    missing = run_bulletin("deploy", "--push", "--remote", "upstream", cwd=repo)
    assert missing.returncode == 1 and "no git remote called 'upstream'" in missing.stderr


def test_deploy_outside_a_git_repository_is_a_clear_error(make_project):
    result = run_bulletin("deploy", cwd=make_project())
    assert result.returncode == 1 and "not inside a git repository" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_branch_name_is_refused(repo):
    result = run_bulletin("deploy", "--branch", "bad..name", cwd=repo)
    assert result.returncode == 1 and "not a valid branch name" in result.stderr


def test_a_build_for_a_project_path_links_only_inside_it(make_project):
    """Every link, script, stylesheet and feed of every page resolves to a file under /repo/."""
    built = build_project(make_project(), "--base-url", PAGES_URL)
    prefix = urlsplit(PAGES_URL).path
    for page in built.out.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        base = soup.find("base")
        address = base["href"] if base else PAGES_URL + page.relative_to(built.out).as_posix()
        for tag in soup.find_all(href=True) + soup.find_all(src=True):
            link = tag.get("href") or tag.get("src")
            target = urlsplit(urljoin(address, link))
            if not target.geturl().startswith(PAGES_URL):
                assert tag.name == "a" and target.scheme in ("https", "mailto"), (page, link)  # navigation to elsewhere
                continue
            path = target.path[len(prefix):]
            file = built.out / path / "index.html" if path.endswith("/") or not path else built.out / path
            assert file.is_file(), (page, link)
    assert f"<loc>{PAGES_URL}" in built.page("sitemap.xml") and f"<link>{PAGES_URL}" in built.page("feed.xml")


def test_the_pages_workflow_installs_the_generator_builds_and_deploys_the_output():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses[:2] == ["actions/checkout", "actions/setup-python"] and uses[-1] == "actions/upload-pages-artifact"
    assert build["steps"][1]["with"]["python-version"] == "3.11"
    runs = [step["run"] for step in build["steps"] if "run" in step]
    assert runs[0] == "python -m pip install -r requirements.txt" and runs[1].startswith("bulletin build --base-url")
    assert (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == "."  # this checkout
    assert build["steps"][-1]["with"]["path"] == "output"
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
