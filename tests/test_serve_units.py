"""The pieces of `bulletin serve` on their own: URL paths, the event filter, debouncing, state, injection."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from generator.project import ProjectPaths
from generator.serve import client
from generator.serve.debounce import Debouncer
from generator.serve.paths import Redirect, Refused, resolve
from generator.serve.problems import Problem
from generator.serve.state import SiteState
from generator.serve.watch import Filter


@pytest.fixture
def site(tmp_path: Path) -> Path:
    out = tmp_path / "output"
    (out / "tags").mkdir(parents=True)
    (out / "index.html").write_text("home")
    (out / "tags" / "index.html").write_text("tags")
    (out / "文章.html").write_text("cjk")
    (tmp_path / "site.yml").write_text("secret")
    return out


@pytest.mark.parametrize(("target", "name"), [
    ("/", "index.html"), ("/index.html?q=1", "index.html"), ("/tags/", "tags/index.html"),
    ("/%E6%96%87%E7%AB%A0.html", "文章.html"), ("//tags//index.html", "tags/index.html"),
])
def test_resolve_finds_files_of_the_site(site, target, name):
    assert resolve(site, target) == (site / name).resolve()


@pytest.mark.parametrize(("target", "status"), [
    ("/../site.yml", 404), ("/%2e%2e/site.yml", 404), ("/%2e%2e%2fsite.yml", 400), ("/..%5csite.yml", 400),
    ("/..\\site.yml", 400), ("/a%00.html", 400), ("/%ff.html", 400), ("site.yml", 400), ("/.hidden", 404),
    ("/missing.html", 404), ("/tags/../../site.yml", 404),
])
def test_resolve_refuses_everything_else(site, target, status):
    with pytest.raises(Refused) as refused:
        resolve(site, target)
    assert refused.value.status == status


def test_resolve_redirects_a_folder_to_its_slash(site):
    with pytest.raises(Redirect) as redirect:
        resolve(site, "/tags?x=1")
    assert redirect.value.location == "/tags/"


def test_filter_sorts_changes(tmp_path):
    paths = ProjectPaths.find(tmp_path / "site.yml")
    kinds = {name: Filter(paths).kind(tmp_path / name) for name in [
        "site.yml", "content/2021-01-07/01-a.md", "content/tags.yml", "content/raw/2021-08-12.txt",
        "content/raw/notes.md", "content/raw/2021-08-12.hints.yml", "content/raw/old/2020.txt", "themes/mine/article.html", "output/index.html",
        "content/2021-01-07/.01-a.md.swp", "content/2021-01-07/01-a.md~", "content/2021-01-07/4913",
        "content/.ingest.json", "themes/mine/#article.html#", "other.yml", ".output-build-x/index.html",
    ]}
    assert kinds == {
        "site.yml": "source", "content/2021-01-07/01-a.md": "source", "content/tags.yml": "source",
        "content/raw/2021-08-12.txt": "raw", "content/raw/notes.md": None, "content/raw/2021-08-12.hints.yml": "raw", "content/raw/old/2020.txt": None,
        "themes/mine/article.html": "source", "output/index.html": None, "content/2021-01-07/.01-a.md.swp": None,
        "content/2021-01-07/01-a.md~": None, "content/2021-01-07/4913": None, "content/.ingest.json": None,
        "themes/mine/#article.html#": None, "other.yml": None, ".output-build-x/index.html": None,
    }


def test_debouncer_hands_over_a_burst_once_it_is_quiet():
    debouncer = Debouncer(quiet=0.2, longest=5)
    batches: list[set[Path]] = []
    waiter = threading.Thread(target=lambda: batches.append(debouncer.wait()), daemon=True)
    waiter.start()
    for number in range(5):
        debouncer.add(Path(f"{number}.md"))
        time.sleep(0.02)
    waiter.join(timeout=10)
    assert batches == [{Path(f"{number}.md") for number in range(5)}]


def test_debouncer_does_not_wait_forever_for_a_steady_stream():
    debouncer = Debouncer(quiet=0.2, longest=0.3)
    stop = threading.Event()

    def keep_saving() -> None:
        while not stop.is_set():
            debouncer.add(Path("a.md"))
            time.sleep(0.02)

    threading.Thread(target=keep_saving, daemon=True).start()
    started = time.monotonic()
    try:
        assert debouncer.wait() == {Path("a.md")}
    finally:
        stop.set()
    assert time.monotonic() - started < 5


def test_state_wakes_waiters_on_every_attempt():
    state = SiteState()
    first = state.current()
    assert state.wait(None, 0).generation == 0  # None: answer at once
    assert state.wait(first.generation, 0.01) == first  # nothing new: answer after the timeout
    threading.Timer(0.05, state.failed, [Problem("bad", "site.yml", 3)]).start()
    failed = state.wait(first.generation, 10)
    assert failed.generation == 1 and failed.build == first.build and failed.problem.file == "site.yml"
    state.built()
    built = state.wait(failed.generation, 10)
    assert built.problem is None and built.build != first.build
    assert built.as_json()["problem"] is None


def test_inject_adds_the_script_before_the_last_body_end():
    snapshot = SiteState().current()
    html = b"<html><body><pre>&lt;/body&gt;</pre></BODY >\n</html>"
    injected = client.inject(html, snapshot)
    assert injected.count(b"reload.js") == 1 and injected.index(b"reload.js") < injected.index(b"</BODY >")
    assert client.inject(b"<p>fragment", snapshot).startswith(b"<p>fragment<script")
    assert f'data-build="{snapshot.build}"'.encode() in injected


def test_wait_script_is_plain_ascii_json():
    state = SiteState()
    state.failed(Problem("坏了 \u2028 </script>", "content/a.md", 2))
    script = client.wait_script(state.current()).decode("ascii")
    assert script.startswith("window.bulletinServe && bulletinServe({") and "\\u2028" in script


def test_local_base_points_the_404_page_at_the_local_root():
    page = b'<head><base href="https://example.github.io/digest/"><title>x</title>'
    assert client.local_base(page) == b'<head><base href="/"><title>x</title>'
