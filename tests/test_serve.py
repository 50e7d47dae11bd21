"""`bulletin serve` as a subprocess on a free port: pages, types, path safety, rebuilds, errors, Ctrl-C."""

from __future__ import annotations

import filecmp
import shutil
import signal
import time
from pathlib import Path

import pytest

from build_helpers import ROOT, copy_project, run_bulletin
from serve_helpers import ARTICLE, ARTICLE_PAGE, BROKEN_TEMPLATE, Served, edit, wait_until

OTHER_PAGE = "output/articles/gongye-hulianwang-xingdong-jihua.html"  # another issue, no shared tag
RELOAD_TAG = "/__bulletin__/reload.js"
SERVE_SECONDS = 2.0  # the issue's promise: a save is served within 2 seconds


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """One server for the tests that only read."""
    project = copy_project(ROOT / "tests" / "fixtures" / "site", tmp_path_factory.mktemp("served"))
    with Served(project) as server:
        yield server


@pytest.fixture
def project(make_project) -> Path:
    return make_project()


def test_listens_on_localhost_only_by_default(served):
    assert served.url.startswith("http://127.0.0.1:") and served.port != 8000


@pytest.mark.parametrize(("path", "kind"), [
    ("/", "text/html; charset=utf-8"),
    ("/index.html", "text/html; charset=utf-8"),
    ("/tags/", "text/html; charset=utf-8"),
    ("/feed.xml", "application/xml; charset=utf-8"),
    ("/sitemap.xml", "application/xml; charset=utf-8"),
    ("/static/css/site.css", "text/css; charset=utf-8"),
    ("/static/js/search.js", "text/javascript; charset=utf-8"),
    ("/static/favicon.svg", "image/svg+xml; charset=utf-8"),
    ("/robots.txt", "text/plain; charset=utf-8"),
    ("/__bulletin__/reload.js", "text/javascript; charset=utf-8"),
    ("/__bulletin__/overlay.css", "text/css; charset=utf-8"),
])
def test_files_are_served_with_their_type_and_utf8(served, path, kind):
    response = served.get(path)
    assert response.status == 200 and response.headers["content-type"] == kind
    assert response.headers["x-content-type-options"] == "nosniff"
    if path.startswith(("/static", "/feed", "/robots")):
        assert response.body == (served.project / "output" / path.lstrip("/")).read_bytes()


def test_a_folder_serves_its_index_and_gets_its_slash(served):
    assert served.get("/tags/").text == served.get("/tags/index.html").text
    response = served.get("/tags")
    assert response.status == 301 and response.headers["location"] == "/tags/"
    assert served.get("/index.html", method="HEAD").body == b""


def test_pages_carry_the_reload_script_but_the_files_do_not(served):
    page = served.get("/" + ARTICLE_PAGE).text
    assert page.count(RELOAD_TAG) == 1 and page.index(RELOAD_TAG) < page.rindex("</body>")
    assert "数据安全法草案二审" in page
    assert not any(RELOAD_TAG in path.read_text(encoding="utf-8") for path in (served.project / "output").rglob("*.html"))


def test_output_is_byte_identical_to_bulletin_build(served, tmp_path):
    result = run_bulletin("build", "--out", str(tmp_path / "built"), cwd=served.project)
    assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(served.project / "output", tmp_path / "built")
    assert not comparison.left_only and not comparison.right_only and not comparison.diff_files
    built = sorted(path.relative_to(tmp_path / "built") for path in (tmp_path / "built").rglob("*") if path.is_file())
    assert all(filecmp.cmp(served.project / "output" / name, tmp_path / "built" / name, shallow=False) for name in built)
    assert not any(b"__bulletin__" in (tmp_path / "built" / name).read_bytes() for name in built)


@pytest.mark.parametrize("target", [
    "/../site.yml", "/%2e%2e/site.yml", "/%2E%2E/%2E%2E/site.yml", "/..%2fsite.yml", "/%2e%2e%2fsite.yml",
    "/..%5csite.yml", "/..\\site.yml", "/static/../../site.yml", "/static/%2e%2e/%2e%2e/site.yml",
    "/%252e%252e/site.yml", "/index.html%00.css", "/%00", "/\x00", "/%ff%fe", "/.bulletin-build", "/./site.yml",
    "//etc/passwd", "/../../../../etc/passwd", "http://localhost/../site.yml", "site.yml",
])
def test_nothing_outside_the_output_folder_is_served(served, target):
    assert served.raw_status(target) in (400, 404)


@pytest.mark.parametrize(("host", "status"), [
    ("localhost", 200), ("localhost:8000", 200), ("127.0.0.1:1234", 200), ("[::1]:8000", 200),
    ("attacker.example", 400), ("attacker.example:8000", 400), ("127.0.0.1.attacker.example", 400), ("", 400),
])
def test_only_local_host_names_are_answered_against_dns_rebinding(served, host, status):
    assert served.raw_status("/index.html", host=host) == status


def test_symbolic_links_out_of_the_output_folder_are_not_followed(served):
    output = served.project / "output"
    (output / "leak.yml").symlink_to(served.project / "site.yml")
    (output / "leakdir").symlink_to(served.project / "content", target_is_directory=True)
    (output / "inside.css").symlink_to(output / "static" / "css" / "site.css")
    try:
        assert served.get("/leak.yml").status == 404
        assert served.get("/leakdir/2021-01-07/_issue.yml").status == 404
        assert served.get("/leakdir/").status == 404
        assert served.get("/inside.css").status == 200
    finally:
        for name in ("leak.yml", "leakdir", "inside.css"):
            (output / name).unlink()


def test_a_missing_page_gets_the_sites_404_page_with_a_local_base(served):
    response = served.get("/articles/no-such-article.html")
    assert response.status == 404 and response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<base href="/">' in response.text and RELOAD_TAG in response.text


def test_an_edit_is_served_within_two_seconds(project):
    with Served(project) as server:
        generation = server.state()["generation"]
        started = time.monotonic()
        edit(project / ARTICLE, "title: 数据安全法草案二审", "title: 数据安全法三审通过")
        wait_until(lambda: "数据安全法三审通过" in server.get("/" + ARTICLE_PAGE).text, SERVE_SECONDS, "the new title")
        elapsed = time.monotonic() - started
        # the page is new from the swap on; the state follows once the build has returned
        reported = server.wait_for_state(lambda state: state["generation"] > generation, 10, "the report")
        assert reported["generation"] == generation + 1, server.output()
    assert elapsed < SERVE_SECONDS


def test_an_edit_leaves_unaffected_pages_unwritten(project):
    with Served(project) as server:
        before = (project / OTHER_PAGE).stat()
        edit(project / ARTICLE, "企业应尽早梳理数据资产", "企业应及早梳理数据资产")
        wait_until(lambda: "企业应及早梳理数据资产" in server.get("/" + ARTICLE_PAGE).text, 10, "the edit")
        after = (project / OTHER_PAGE).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_burst_of_saves_is_one_rebuild_and_editor_temp_files_are_ignored(project):
    folder = project / "content" / "2021-01-07"
    with Served(project) as server:
        generation = server.state()["generation"]
        for name in (".01-shuju-anquan-fa.md.swp", "01-shuju-anquan-fa.md~", "4913", "#01-notes.md#", ".#lock.md"):
            (folder / name).write_text("---\ntitle: [broken\n", encoding="utf-8")
        for round_ in range(4):
            edit(project / ARTICLE, "二审" if round_ == 0 else f"{round_}审", f"{round_ + 1}审")
        wait_until(lambda: "数据安全法草案4审" in server.get("/" + ARTICLE_PAGE).text, 10, "the last save")
        reported = server.wait_for_state(lambda state: state["generation"] > generation, 10, "the report")
        assert reported["generation"] == generation + 1, server.output()
        changed = [line for line in server.stdout if line.startswith("changed:")]
        assert changed == [f"changed: {ARTICLE}"], server.output()


def test_a_template_error_keeps_the_last_site_and_reports_until_fixed(project):
    theme = project / "themes" / "default"
    with Served(project) as server:
        good = server.state()
        page = server.get("/" + ARTICLE_PAGE).text
        theme.mkdir(parents=True)  # themes/ did not exist when serve started: it is watched from now on
        (theme / "article.html").write_text(BROKEN_TEMPLATE, encoding="utf-8")
        broken = server.wait_for_state(lambda state: state["problem"], 10, "the template error")
        assert broken["build"] == good["build"]
        assert broken["problem"]["file"] == "themes/default/article.html" and broken["problem"]["line"] == 3
        assert server.get("/" + ARTICLE_PAGE).text == page  # the last good site, same build id in its reload tag
        wait_until(lambda: any("themes/default/article.html:3:" in line for line in server.stderr), 5, "the terminal")
        assert server.process.poll() is None

        shutil.copy(ROOT / "themes" / "default" / "article.html", theme / "article.html")
        fixed = server.wait_for_state(lambda state: not state["problem"], 10, "the fixed template")
        assert fixed["build"] != good["build"]
    assert not any("Traceback" in line for line in server.stderr), server.output()


@pytest.mark.parametrize(("name", "breakage"), [
    ("site.yml", "per_page: [3\n"),  # appended: line 19
    (ARTICLE, "---\ntitle: [unclosed\ndate: 2021-01-07\n---\n正文\n"),  # line 2
])
def test_bad_yaml_is_reported_with_file_and_line_and_the_next_good_save_recovers(project, name, breakage):
    path = project / name
    original = path.read_text(encoding="utf-8")
    text = original + breakage if name == "site.yml" else breakage
    line = text[:text.rindex("[")].count("\n") + 1
    with Served(project) as server:
        path.write_text(text, encoding="utf-8")
        problem = server.wait_for_state(lambda state: state["problem"], 10, "the YAML error")["problem"]
        # YAML names the line of the open bracket or the next one, where it noticed it was never closed
        assert problem["file"] == name and problem["line"] in (line, line + 1), problem
        assert server.get("/" + ARTICLE_PAGE).status == 200
        path.write_text(original, encoding="utf-8")
        server.wait_for_state(lambda state: not state["problem"], 10, "recovery")
        assert server.process.poll() is None


def test_a_project_that_does_not_build_yet_shows_its_error_and_is_served_once_fixed(project):
    config = project / "site.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good + "per_page: zero\n", encoding="utf-8")
    with Served(project) as server:
        assert "per_page" in server.state()["problem"]["message"]
        page = server.get("/")
        assert page.status == 404 and RELOAD_TAG in page.text  # no site yet, but the tab learns of the fix
        config.write_text(good, encoding="utf-8")
        wait_until(lambda: server.get("/").status == 200, 10, "the first good build")
        # the new site is swapped in a moment before the server reports the build: the tabs learn of it then
        wait_until(lambda: not server.state()["problem"], 10, "the problem cleared")


def test_a_raw_bulletin_dropped_into_content_raw_is_ingested_and_edits_survive_a_new_drop(project):
    raw = project / "content" / "raw"
    raw.mkdir()
    issue_page = "/issues/2021-08-12.html"
    with Served(project) as server:
        assert server.get(issue_page).status == 404
        shutil.copy(ROOT / "content" / "raw" / "2021-08-12.txt", raw / "2021-08-12.txt")
        wait_until(lambda: server.get(issue_page).status == 200, 20, "the ingested issue")
        first = sorted((project / "content" / "2021-08-12").glob("01-*.md"))[0]
        edit(first, "\ntags:", "\nsubtitle: 编辑加的副标题\ntags:")
        wait_until(lambda: "编辑加的副标题" in first.read_text(encoding="utf-8"), 5, "the edit")
        generation = server.state()["generation"]
        shutil.copy(ROOT / "content" / "raw" / "2021-08-12.txt", raw / "2021-08-12.txt")  # dropped again
        server.wait_for_state(lambda state: state["generation"] > generation, 20, "the second ingest")
        assert "编辑加的副标题" in first.read_text(encoding="utf-8")
        wait_until(lambda: any(line.startswith("kept ") and first.name in line for line in server.stdout), 5, "the report")
    assert not any("Traceback" in line for line in server.stderr), server.output()


def test_saving_a_hints_file_ingests_its_bulletin_again(project):
    raw = project / "content" / "raw"
    raw.mkdir()
    with Served(project) as server:
        shutil.copy(ROOT / "content" / "raw" / "2021-08-12.txt", raw / "2021-08-12.txt")
        wait_until(lambda: server.get("/issues/2021-08-12.html").status == 200, 20, "the ingested issue")
        first = sorted((project / "content" / "2021-08-12").glob("01-*.md"))[0]
        section = next(line for line in first.read_text(encoding="utf-8").splitlines() if line.startswith("section:"))[9:]
        (raw / "2021-08-12.hints.yml").write_text(f"sections:\n  {section}: 编辑改的栏目名\n", encoding="utf-8")
        wait_until(lambda: "section: 编辑改的栏目名" in first.read_text(encoding="utf-8"), 20, "the re-ingest with hints")
        wait_until(lambda: "编辑改的栏目名" in server.get("/issues/2021-08-12.html").text, 10, "the rebuilt issue page")
    assert not any("Traceback" in line for line in server.stderr), server.output()


@pytest.mark.parametrize("during", ["idle", "build"])
def test_ctrl_c_stops_cleanly(during, tmp_path):
    project = copy_project(ROOT, tmp_path / "sample")  # the sample's build is long enough to interrupt
    server = Served(project)
    if during == "build":
        edit(next((project / "content").glob("*/01-*.md")), "title:", "title: 改")
        wait_until(lambda: any(line.startswith("changed:") for line in server.stdout), 10, "the rebuild")
    started = time.monotonic()
    status = server.stop(signal.SIGINT)
    assert status in (0, 130) and time.monotonic() - started < 5, server.output()
    assert not any("Traceback" in line for line in server.stderr), server.output()
    assert [path.name for path in project.iterdir() if path.name.startswith(".output")] == []
    assert (project / "output" / "index.html").is_file()


def test_variant_rebuilds_one_edition_and_keeps_the_others(tmp_path):
    project = copy_project(ROOT, tmp_path / "sample")
    article = sorted((project / "content" / "2021-08-12").glob("01-*.md"))[0]
    slug = next(line for line in article.read_text(encoding="utf-8").splitlines() if line.startswith("slug:"))[6:]
    page, hant_page = f"articles/{slug}.html", project / "output" / "zh-hant" / "articles" / f"{slug}.html"
    with Served(project, "--variant", "zh-Hans") as server:
        hant = hant_page.read_bytes()  # the first build made every edition
        edit(article, "\ntitle: ", "\ntitle: 编辑部更正 ")
        wait_until(lambda: "编辑部更正" in server.get("/" + page).text, 10, "the zh-Hans edition")
        assert hant_page.read_bytes() == hant  # as last built: only zh-Hans was rebuilt


def test_no_reload_serves_the_pages_as_built(project):
    with Served(project, "--no-reload") as server:
        assert server.get("/" + ARTICLE_PAGE).body == (project / "output" / ARTICLE_PAGE).read_bytes()
        assert server.get("/__bulletin__/wait.js").status == 404


def test_a_busy_port_is_a_clear_error(project, served):
    result = run_bulletin("serve", "--port", str(served.port), cwd=project)
    assert result.returncode == 1 and "--port 0" in result.stderr and "Traceback" not in result.stderr
