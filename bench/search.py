"""The search benchmark: what a reader's query costs on a synthetic archive, ours beside Pagefind.

    .venv/bin/python -m bench.search [--size 5000] [--work bench/work] [--results bench/RESULTS.md]

Builds the archive of `--size` articles (both editions), indexes the same site with Pagefind (its
zh-Hans article pages, their <article> only), then in headless Chromium (Debian's /usr/bin/chromium)
runs every query of `QUERIES` in a fresh browser context, from file:// and over HTTP (Pagefind needs
HTTP: it fetches its index and a WebAssembly module, which browsers refuse from disk), and measures:

* bytes: every file of the search loaded for the query (for ours: search/*.js and search.js; for
  Pagefind: pagefind/*), as stored on disk, the page already open (its index entry and script
  loaded: Pagefind's `init()` is called before the query, as its UI does when the box gets focus);
* ms to first results: from the start of the search (for ours, when the debounce fires after the
  last keystroke) until the first page of 20 results is in the DOM (for Pagefind, until the data
  of its first 20 results is loaded);
* recall: the share of the articles a scan of every article's text finds (`terms.scan`) that the
  search finds, over all queries; and the share of what it finds that the scan finds too.

`bench/run.py` runs it after the build benchmarks; run alone, it rewrites only the "Search" section
of RESULTS.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from bench import corpus, ours, report  # noqa: E402
from generator.site.render.search import _unscript  # noqa: E402
from generator.site.render.search.terms import scan  # noqa: E402
from generator.text.scripts import search_fold  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
HANT = "zh-hant/"
SECTION = "## Search"
# (query, kind): Chinese words of 2 to 4 characters, Latin terms, several words, a phrase, rare and
# frequent terms, all written as the zh-Hans edition writes them; then queries in the other script.
QUERIES = [
    ("华为", "2 characters"), ("腾讯", "2 characters"), ("算力", "2 characters"), ("北斗", "2 characters"), ("芯片", "2 characters"),
    ("半导体", "3 characters"), ("云计算", "3 characters"), ("物联网", "3 characters"), ("区块链", "3 characters"),
    ("工信部", "3 characters"), ("元宇宙", "3 characters"),
    ("数据安全", "4 characters"), ("人工智能", "4 characters"), ("集成电路", "4 characters"), ("智能制造", "4 characters"),
    ("中国移动", "4 characters"), ("量子计算", "4 characters"),
    ("5G", "Latin"), ("EDA", "Latin"), ("IPv6", "Latin"), ("GSMA", "Latin"),
    ("华为 5G", "several words"), ("人工智能 芯片", "several words"), ("数据安全 管理办法", "several words"),
    ("“推进5G规模化应用”", "phrase"),
    ("韩国科学技术信息通信部", "long"), ("3406万户", "rare"), ("专利申请量达到12项", "rare"), ("区块链 碳中和 元宇宙", "rare"),
    ("同比增长", "frequent"), ("市场规模", "frequent"), ("建设", "frequent"), ("可复制可推广", "frequent"),
]
REPEATS = 3  # runs of each query, in fresh contexts: the time is their median (the machine is shared)
OTHER_SCRIPT = [("華為", ""), ("數據安全", ""), ("資料安全", ""), ("半导体", HANT), ("数据安全", HANT), ("雲計算", HANT)]
TARGET_BYTES = 300 * 1024
TARGET_MS = 150


@dataclass
class Figures:
    """One tool in one way of loading, over every query."""

    name: str
    bytes: list[int] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)  # per query, the median of its runs
    best: list[float] = field(default_factory=list)  # per query, its fastest run (the least disturbed by other work)
    found: int = 0  # of the articles the scan finds, how many the search found
    expected: int = 0  # how many the scan finds
    returned: int = 0  # how many the search found
    rows: list[tuple[str, int, float, int, int]] = field(default_factory=list)  # query, bytes, ms, found, expected
    na: str = ""

    def add(self, query: str, loaded: int, ms: tuple[float, float], answer: set[str], expected: set[str]) -> None:
        self.bytes.append(loaded)
        self.ms.append(ms[0])
        self.best.append(ms[1])
        self.found += len(answer & expected)
        self.expected += len(expected)
        self.returned += len(answer)
        self.rows.append((query, loaded, ms[0], len(answer & expected), len(expected)))

    def summary(self) -> dict:
        if self.na:
            return {"name": self.name, "na": self.na}
        return {
            "name": self.name,
            "bytes": statistics.mean(self.bytes), "bytes_max": max(self.bytes),
            "ms": statistics.mean(self.ms), "ms_p50": statistics.median(self.ms), "ms_max": max(self.ms),
            "ms_best": statistics.mean(self.best),
            "recall": self.found / self.expected if self.expected else 1.0,
            "precision": self.found / self.returned if self.returned else 1.0,
            "rows": self.rows,
        }


def log(message: str) -> None:
    print(f"[search bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- the site and the answers a scan gives


def build_site(n: int, work: Path, bulletin: Path) -> Path:
    """The archive of n articles built in both editions under `work`; its output folder."""
    site = work / f"n{n}" / "ours"
    articles = corpus.generate(n)
    corpus.write_content(articles, site / "content")
    (site / "site.yml").write_text(ours.SITE_YML, encoding="utf-8")
    shutil.rmtree(site / "output", ignore_errors=True)
    subprocess.run([str(bulletin), "build", "--config", "site.yml", "--content", "content", "--out", "output"],
                   cwd=site, check=True, capture_output=True)
    return site / "output"


def _articles(out: Path, edition: str) -> list[list]:
    folder = out / edition / "search"
    return [_unscript((folder / f"d{doc_id}.js").read_bytes()) for doc_id in range(len(list(folder.glob("d*.js"))))]  # type: ignore[misc]


class Scan:
    """The answer of a scan of every article's text, by article path: of an edition's own text, or
    of both editions' texts (for a query in the other script)."""

    def __init__(self, out: Path):
        self.paths = {edition: [article[0] for article in _articles(out, edition)] for edition in ("", HANT)}
        folded = {edition: [[search_fold(a[1]), search_fold(a[4])] for a in _articles(out, edition)] for edition in ("", HANT)}
        self.own = folded
        self.both = {edition: [mine + other for mine, other in zip(folded[edition], folded[HANT if edition == "" else ""])]
                     for edition in ("", HANT)}

    def answer(self, query: str, edition: str, both: bool) -> set[str]:
        texts = (self.both if both else self.own)[edition]
        return {self.paths[edition][doc_id] for doc_id in scan(texts, search_fold(query))}


# -- Pagefind


def pagefind_index(out: Path) -> str:
    """Index the zh-Hans article pages with Pagefind; its version, or why it cannot run."""
    try:
        version = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True, check=True).stdout.strip()
        shutil.rmtree(out / "pagefind", ignore_errors=True)
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(out), "--glob", "articles/*.html", "--root-selector", "article",
                        "--output-subdir", "pagefind", "--quiet"], check=True, capture_output=True, text=True)
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        return f"unavailable ({getattr(exc, 'stderr', '') or exc})".strip()
    (out / "pagefind-bench.html").write_text(
        '<!DOCTYPE html><html lang="zh-Hans"><meta charset="utf-8"><title>Pagefind</title>'
        '<script type="module">import * as pagefind from "./pagefind/pagefind.js"; await pagefind.init(); window.pf = pagefind;</script>',
        encoding="utf-8")
    return version


def _pagefind_urls(out: Path) -> dict[str, str]:
    """Pagefind's result ids (its fragment files) -> the page each stands for, as a path in the site."""
    urls = {}
    for fragment in (out / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):] if fragment.read_bytes()[:2] == b"\x1f\x8b"
                          else fragment.read_bytes())
        urls[fragment.stem] = unquote(urlsplit(data["url"]).path).lstrip("/")
    return urls


# -- the browser


class _Quiet(http.server.SimpleHTTPRequestHandler):
    # connections kept open (HTTP/1.1) as every web host does, each response sent at once: without
    # TCP_NODELAY, a kept connection waits on delayed acknowledgements (~40 ms a request)
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@functools.cache
def _server(out: Path) -> str:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/"


class Loaded:
    """The files a page loads, counted at their size on disk."""

    def __init__(self, page, out: Path, base: str, pattern: str):
        self.out, self.base, self.pattern = out, base, re.compile(pattern)
        self.urls: list[str] = []
        page.on("requestfinished", lambda request: self.urls.append(request.url))

    def bytes(self) -> int:
        total = 0
        for url in dict.fromkeys(self.urls):
            path = unquote(url.split("?")[0][len(self.base) :]) if url.startswith(self.base) else ""
            if path and self.pattern.search(path):
                total += (self.out / path).stat().st_size
        return total


def _wait(page, expression: str, timeout: float = 60) -> None:
    """Until `expression` is true in the page (polled from here: the page's Content-Security-Policy
    refuses the code Playwright's own waiting evaluates)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise TimeoutError(expression)
        time.sleep(0.005)


# Waits in the page, without polling it (polling adds work to the very thread being timed), until the
# search marks its first page of results shown; the ms from its start.
_RESULTS_SHOWN = """() => new Promise((resolve) => {
    const shown = () => {
        const [results] = performance.getEntriesByName("bulletin-search:results");
        if (results) {
            resolve(results.startTime - performance.getEntriesByName("bulletin-search:start")[0].startTime);
        }
        return Boolean(results);
    };
    if (!shown()) {
        new PerformanceObserver((entries, observer) => shown() && observer.disconnect()).observe({ entryTypes: ["mark"] });
    }
})"""


def _ours(browser, out: Path, base: str, edition: str, query: str) -> tuple[int, float, list[int]]:
    context = browser.new_context()
    page = context.new_page()
    loaded = Loaded(page, out, base, r"(^|/)search/|search\.js$")
    page.goto(f"{base}{edition}search.html")
    _wait(page, "!!window.BulletinSearch")
    page.fill("#search-input", query)  # one input event, then the debounce
    ms = page.evaluate(_RESULTS_SHOWN)
    size = loaded.bytes()
    ids = page.evaluate("query => window.BulletinSearch.find(query)", query)
    context.close()
    return size, ms, ids


def _pagefind(browser, out: Path, base: str, query: str) -> tuple[int, float, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    loaded = Loaded(page, out, base, r"^pagefind/")
    page.goto(base + "pagefind-bench.html")
    _wait(page, "!!window.pf")
    timed = page.evaluate("""async (query) => {
        const start = performance.now();
        const found = await window.pf.search(query);
        await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
        return [performance.now() - start, found.results.map((result) => result.id)];
    }""", query)
    size = loaded.bytes()
    context.close()
    return size, timed[0], timed[1]


def _repeated(run, *args) -> tuple[int, tuple[float, float], list]:
    """(bytes, (median ms, fastest ms), answer) of `REPEATS` runs of a query: `run(*args)`."""
    runs = [run(*args) for _ in range(REPEATS)]
    times = [ms for _, ms, _ in runs]
    return runs[0][0], (statistics.median(times), min(times)), runs[0][2]


def measure(out: Path) -> dict:
    """Every figure of the benchmark on a built site (both editions)."""
    from playwright.sync_api import sync_playwright

    load_at_start = report.load()
    log(f"scanning the articles of {out}")
    answers = Scan(out)
    paths = {edition: answers.paths[edition] for edition in ("", HANT)}
    pagefind = pagefind_index(out)
    log(f"Pagefind: {pagefind}")
    http_base = _server(out)
    disk_base = out.as_uri() + "/"
    tools = {key: Figures(name) for key, name in (("ours-file", "ours, file://"), ("ours-http", "ours, HTTP"),
                                                   ("pagefind-file", "Pagefind, file://"), ("pagefind-http", "Pagefind, HTTP"))}
    tools["pagefind-file"].na = "n/a: Pagefind fetches its index and WebAssembly, which browsers refuse from file://"
    other = Figures("ours, a query in the other script (file://)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        urls = _pagefind_urls(out) if not pagefind.startswith("unavailable") else {}
        for query, kind in QUERIES:
            expected = answers.answer(query, "", both=False)
            for key, base in (("ours-file", disk_base), ("ours-http", http_base)):
                size, ms, ids = _repeated(_ours, browser, out, base, "", query)
                tools[key].add(query, size, ms, {paths[""][doc_id] for doc_id in ids}, expected)
            if not pagefind.startswith("unavailable"):
                size, ms, ids = _repeated(_pagefind, browser, out, http_base, query)
                tools["pagefind-http"].add(query, size, ms, {urls.get(result, result) for result in ids}, expected)
            log(f"{query} ({kind}): " + ", ".join(f"{figures.name} {figures.bytes[-1] / 1024:.0f} KB {figures.ms[-1]:.0f} ms"
                                                   for figures in tools.values() if figures.bytes and not figures.na))
        if pagefind.startswith("unavailable"):
            tools["pagefind-http"].na = pagefind
        for query, edition in OTHER_SCRIPT:
            size, ms, ids = _repeated(_ours, browser, out, disk_base, edition, query)
            other.add(f"{query} in {edition.strip('/') or 'zh-Hans'}", size, ms, {paths[edition][doc_id] for doc_id in ids},
                      answers.answer(query, edition, both=True))
        browser.close()
    return {
        "load": [load_at_start, report.load()],
        "articles": len(paths[""]),
        "pagefind": pagefind,
        "queries": QUERIES,
        "tools": [figures.summary() for figures in tools.values()],
        "other_script": other.summary(),
        "machine": report.machine(),
    }


# -- the report


def _kb(value: float) -> str:
    return f"{value / 1024:,.0f} KB"


def render(results: dict) -> str:
    n = results["articles"]
    lines = [
        SECTION,
        "",
        f"A synthetic archive of {n:,} articles (`bench/corpus.py`), both editions built; each query in a fresh browser "
        f"context of headless Chromium. Bytes: the search's files loaded for the query, as stored. Time: from the "
        f"start of the search (after the debounce) to the first page of results. Recall: of the articles a scan of "
        f"every article's text finds, the share the search finds (precision: of those it finds, the share the scan "
        f"finds). Over HTTP: Python's threaded file server on this machine, connections kept open (HTTP/1.1: "
        f"Chromium opens at most 6 to a host, so the 20 article files of a page come in 4 rounds, where GitHub "
        f"Pages' HTTP/2 sends them together). "
        f"Pagefind {results['pagefind']} indexed the zh-Hans article pages (`--root-selector article`). "
        f"Measured by `bench/search.py` ({len(results['queries'])} queries; see QUERIES there), the time of each "
        f"the median of {REPEATS} runs (\"fastest run\": the mean over queries of each one's fastest, the run least "
        f"disturbed by other work); load average (1, 5, 15 min) {results['load'][0]} when it started, "
        f"{results['load'][1]} when it ended, on {results['machine']['cpus']} cores shared with other work: "
        f"the times are those of a busy machine, the ratio between the tools in the same run is the fairer figure.",
        "",
        "| tool | bytes per query, mean (max) | ms to first results, mean (median, max) | fastest run, mean | recall | precision |",
        "|---|---|---|---|---|---|",
    ]
    for tool in results["tools"]:
        if "na" in tool:
            lines.append(f"| {tool['name']} | {tool['na']} | | | | |")
            continue
        lines.append(f"| {tool['name']} | {_kb(tool['bytes'])} ({_kb(tool['bytes_max'])}) | {tool['ms']:.0f} "
                     f"({tool['ms_p50']:.0f}, {tool['ms_max']:.0f}) | {tool['ms_best']:.0f} | {tool['recall']:.1%} | {tool['precision']:.1%} |")
    other = results["other_script"]
    lines += [
        "",
        f"Queries in the other script or vocabulary (華為, 資料安全 in zh-Hans; 半导体, 数据安全 in zh-Hant), against a scan "
        f"of both editions' texts: {_kb(other['bytes'])} and {other['ms']:.0f} ms per query on average, recall "
        f"{other['recall']:.1%}, precision {other['precision']:.1%}.",
        "",
    ]
    ours_tools = [tool for tool in results["tools"] if tool["name"].startswith("ours") and "na" not in tool]
    rows = []
    for tool in ours_tools:
        rows.append([f"{n:,} articles, {tool['name']}: ≤ 300 KB per query on average", _kb(tool["bytes"]),
                     "met" if tool["bytes"] <= TARGET_BYTES else "**missed**"])
        rows.append([f"{n:,} articles, {tool['name']}: first results ≤ {TARGET_MS} ms after the last keystroke",
                     f"{tool['ms']:.0f} ms mean, {tool['ms_max']:.0f} ms max", "met" if tool["ms"] <= TARGET_MS else "**missed**"])
        rows.append([f"{n:,} articles, {tool['name']}: every match found", f"recall {tool['recall']:.1%}",
                     "met" if tool["recall"] == 1 else "**missed**"])
    lines += ["| target (issue 14) | measured | verdict |", "|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines += ["", "<details><summary>Per query</summary>", "",
              "| query | " + " | ".join(tool["name"] for tool in results["tools"] if "na" not in tool) + " |",
              "|---|" + "---|" * len([tool for tool in results["tools"] if "na" not in tool])]
    measured = [tool for tool in results["tools"] if "na" not in tool]
    for index, (query, kind) in enumerate(results["queries"]):
        cells = [f"{_kb(tool['rows'][index][1])}, {tool['rows'][index][2]:.0f} ms, {tool['rows'][index][3]}/{tool['rows'][index][4]}"
                 for tool in measured]
        lines.append(f"| {query} ({kind}) | " + " | ".join(cells) + " |")
    lines += ["", "Each cell: bytes, ms to first results, articles found of those the scan finds.", "", "</details>", ""]
    return "\n".join(lines)


def write_section(results_file: Path, section: str) -> None:
    """Put the Search section into RESULTS.md, replacing the one there."""
    text = results_file.read_text(encoding="utf-8") if results_file.exists() else "# Benchmark results\n"
    start = text.find(SECTION)
    if start >= 0:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + section.rstrip("\n") + ("\n" + text[end:] if end >= 0 else "\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results_file.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/search.py", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="articles in the archive (default 5000)")
    parser.add_argument("--work", type=Path, default=BENCH / "work")
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--bulletin", type=Path, default=BENCH.parent / ".venv" / "bin" / "bulletin")
    parser.add_argument("--site", type=Path, help="measure this built site instead of building the archive")
    parser.add_argument("--repeats", type=int, help="runs of each query (default 3)")
    args = parser.parse_args(argv)
    if args.repeats:
        global REPEATS
        REPEATS = args.repeats
    out = args.site
    if out is None:
        log(f"building {args.size:,} articles in both editions")
        out = build_site(args.size, args.work, args.bulletin)
    results = measure(out.resolve())
    (args.work / "search-results.json").parent.mkdir(parents=True, exist_ok=True)
    (args.work / "search-results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    section = render(results)
    write_section(args.results, section)
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
