"""Reading away from the site: each issue's EPUB and single HTML file, their links on the issue page,
the web app manifest and service worker, and that all of them are rebuilt only when they change."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from build_helpers import Built, build_project, copy_project
from generator import workers

ISSUES = ["2020-12-03", "2021-01-07", "2021-01-21"]
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
XHTML = {"x": "http://www.w3.org/1999/xhtml"}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


def issue_contents(built: Built, issue: str) -> list[tuple[str, list[str]]]:
    """(section, titles of its articles) in the order the issue's page lists them."""
    page = BeautifulSoup(built.page(f"issues/{issue}.html"), "html.parser")
    return [(section.h2.get_text(), [a.get_text() for a in section.select(".issue-toc-title a")]) for section in page.select(".issue-toc-section")]


def issue_titles(built: Built, issue: str) -> list[str]:
    return [title for _, titles in issue_contents(built, issue) for title in titles]


def epub_files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        return {info.filename: book.read(info) for info in book.infolist()}


def epubcheck() -> list[str]:
    """The command that runs Debian's epubcheck (an executable jar: run by java where binfmt does not)."""
    found = shutil.which("epubcheck")
    if not found:
        pytest.skip("epubcheck is not installed (.ci/run installs it)")
    with open(found, "rb") as handle:
        return ["java", "-jar", found] if handle.read(2) == b"PK" else [found]


@pytest.mark.parametrize("edition", ["", "zh-hant/"])
def test_epubcheck_finds_no_error_and_no_warning_in_the_sample(sample_site: Built, edition: str):
    book = sample_site.out / edition / "issues/2021-08-12.epub"
    result = subprocess.run([*epubcheck(), "--failonwarnings", str(book)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout
    assert "0 errors / 0 warnings" in result.stdout


def test_epub_holds_the_issue_by_section_with_metadata(fixture_site: Built):
    files = epub_files(fixture_site.out / "issues/2021-01-07.epub")
    names = list(files)
    assert names[0] == "mimetype" and files["mimetype"] == b"application/epub+zip"
    with zipfile.ZipFile(fixture_site.out / "issues/2021-01-07.epub") as book:
        assert book.infolist()[0].compress_type == zipfile.ZIP_STORED and book.infolist()[0].extra == b""
    package = ET.fromstring(files["EPUB/package.opf"])
    meta = {tag: package.findtext(f"opf:metadata/dc:{tag}", namespaces=OPF) for tag in ("title", "language", "publisher", "creator", "date", "identifier")}
    assert meta == {"title": "产业监测 2021年1月7日", "language": "zh-Hans", "publisher": "产业监测摘要", "creator": "编辑部",
                    "date": "2021-01-07", "identifier": meta["identifier"]}
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", meta["identifier"])
    assert package.find("opf:metadata/opf:meta[@property='dcterms:modified']", OPF).text == "2021-01-07T00:00:00Z"
    media = {item.get("media-type") for item in package.iterfind("opf:manifest/opf:item", OPF)}
    assert not any("font" in kind for kind in media), "no embedded fonts"

    contents = issue_contents(fixture_site, "2021-01-07")
    nav = ET.fromstring(files["EPUB/nav.xhtml"])
    toc = nav.find(".//x:nav/x:ol", XHTML)
    assert [li.findtext("x:a", namespaces=XHTML) for li in toc] == [section for section, _ in contents]
    assert [a.text for a in toc.iterfind("x:li/x:ol/x:li/x:a", XHTML)] == issue_titles(fixture_site, "2021-01-07")
    assert [a.text for a in toc.iterfind("x:li/x:ol/x:li/x:ol/x:li/x:a", XHTML)] == ["对企业的影响", "核心特征", "应用挑战"]  # subheadings

    cover = files["EPUB/cover.xhtml"].decode()
    assert "产业监测" in cover and "第1期" in cover and "2021年1月7日" in cover
    text = "".join(files[name].decode() for name in names if name.startswith("EPUB/section-"))
    for path in (fixture_site.project / "content/2021-01-07").glob("*.md"):
        meta = front_matter(path)
        assert f">{meta['title']}</h3>" in text and all(f">#{tag}</a>" in text for tag in meta["tags"])
        assert f'<p class="source"><a href="https://example.github.io/digest/articles/{meta.get("slug") or path.stem[3:]}.html">' in text
    assert '<p class="part">定义篇</p>' in text and "<h4 " in text  # a feature's part; subheadings under the h3 title


def test_epub_documents_are_well_formed_and_links_inside_it_resolve(fixture_site: Built):
    for issue in ISSUES:
        files = epub_files(fixture_site.out / f"issues/{issue}.epub")
        documents = {name.removeprefix("EPUB/"): ET.fromstring(data) for name, data in files.items() if name.endswith(".xhtml")}
        for name in ("EPUB/package.opf", "META-INF/container.xml"):
            ET.fromstring(files[name])  # raises on a file that is not well-formed XML
        ids = {}
        for name, root in documents.items():
            found = [element.get("id") for element in root.iter() if element.get("id")]
            assert len(found) == len(set(found)), f"{name}: ids are unique across its articles"
            ids[name] = set(found)
        for name, root in documents.items():
            for link in root.iter(f"{{{XHTML['x']}}}a"):
                href = link.get("href")
                if href.startswith(("http://", "https://", "mailto:")):
                    continue
                document, _, fragment = href.partition("#")
                document = document or name
                assert document in ids and (not fragment or fragment in ids[document]), (name, href)


def test_single_file_holds_every_article_with_styles_inline_and_no_script(fixture_site: Built):
    for issue in ISSUES:
        html = (fixture_site.out / f"issues/{issue}.single.html").read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        titles = issue_titles(fixture_site, issue)
        assert [h3.get_text() for h3 in page.select("article h3")] == titles
        issue_page = BeautifulSoup(fixture_site.page(f"issues/{issue}.html"), "html.parser")
        sources = ["https://example.github.io/digest/" + a["href"].removeprefix("../") for a in issue_page.select(".issue-toc-title a")]
        assert [a["href"] for a in page.select("article .source a")] == sources, "each article ends with its address on the site"
        contents = ["".join(a.find_all(string=True, recursive=False)) for a in page.select("nav.contents ol ol a")]  # the part apart
        assert contents == titles
        for link in page.select("a[href^='#']"):
            assert page.find(id=link["href"][1:]) is not None, link
        ids = [element["id"] for element in page.find_all(id=True)]
        assert len(ids) == len(set(ids)), "ids are unique across articles"
        assert not page.find_all("script") and not page.find_all("link", rel="stylesheet") and not page.find_all(style=True)
        assert all(not img.get("src") or img["src"].startswith(("https:", "data:")) for img in page.find_all("img"))
        style = page.find("style").string
        csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
        assert f"style-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp and "script-src" not in csp
        assert "@page" in style and "size: A4" in style and "break-before: page" in style
        assert page.find("link", rel="canonical")["href"] == f"https://example.github.io/digest/issues/{issue}.html"


def test_a_link_to_an_article_of_the_same_issue_stays_inside_the_files(make_project):
    project = make_project()
    article = project / "content/2021-01-07/02-yunyingshang-5g-taocan.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n另见[可信人工智能](../articles/kexin-rengong-zhineng-dingyi.html#hexintezheng)"
                       "与[数据安全法](shuju-anquan-fa.html)。![示意图](https://example.org/a.png)\n", encoding="utf-8")
    built = build_project(project)
    single = BeautifulSoup(built.page("issues/2021-01-07.single.html"), "html.parser")
    links = {a.get_text(): a["href"] for a in single.select("article > p a")}
    assert links["可信人工智能"] == "#a-kexin-rengong-zhineng-dingyi-hexintezheng"
    assert single.find(id="a-kexin-rengong-zhineng-dingyi-hexintezheng") is not None
    assert links["数据安全法"] == "https://example.github.io/digest/articles/shuju-anquan-fa.html"  # not a page of the site's: as feeds have it
    section = epub_files(built.out / "issues/2021-01-07.epub")["EPUB/section-02.xhtml"].decode()
    assert 'href="section-03.xhtml#a-kexin-rengong-zhineng-dingyi-hexintezheng"' in section
    assert "<img" not in section and "[图片：示意图]" in section  # an EPUB may not show a remote image


def test_issue_page_links_both_files_with_their_size(fixture_site: Built):
    page = BeautifulSoup(fixture_site.page("issues/2021-01-07.html"), "html.parser")
    links = page.select("ul.downloads li")
    assert [li.a["href"] for li in links] == ["../issues/2021-01-07.epub", "../issues/2021-01-07.single.html"]
    assert [li.a["download"] for li in links] == ["产业监测-2021-01-07.epub", "产业监测-2021-01-07.html"]
    for li, name in zip(links, ("2021-01-07.epub", "2021-01-07.single.html")):
        size = (fixture_site.out / "issues" / name).stat().st_size
        assert li.select_one(".size").get_text() == f"{-(-size // 1024)} KB"


def test_zh_hant_edition_has_its_own_files_in_its_own_words(sample_site: Built):
    page = BeautifulSoup(sample_site.page("zh-hant/issues/2021-08-12.html"), "html.parser")
    assert [a.get_text() for a in page.select("ul.downloads a")] == ["EPUB 電子書", "單檔網頁"]
    package = ET.fromstring(epub_files(sample_site.out / "zh-hant/issues/2021-08-12.epub")["EPUB/package.opf"])
    assert package.findtext("opf:metadata/dc:language", namespaces=OPF) == "zh-Hant"
    hans = ET.fromstring(epub_files(sample_site.out / "issues/2021-08-12.epub")["EPUB/package.opf"])
    assert package.findtext("opf:metadata/dc:identifier", namespaces=OPF) != hans.findtext("opf:metadata/dc:identifier", namespaces=OPF)
    single = sample_site.page("zh-hant/issues/2021-08-12.single.html")
    assert '<html lang="zh-Hant">' in single and "本期目錄" in single and "半導體" in single


def test_manifest_and_service_worker_at_each_edition_root(sample_site: Built):
    for edition, language in (("", "zh-Hans"), ("zh-hant/", "zh-Hant")):
        manifest = json.loads((sample_site.out / edition / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["lang"] == language and manifest["start_url"] == "index.html" and manifest["scope"] == "./"
        assert manifest["display"] == "standalone" and manifest["icons"]
        worker = (sample_site.out / edition / "sw.js").read_text(encoding="utf-8")
        keep = json.loads(re.search(r"var KEEP = (\[.*?\]);", worker).group(1))
        articles = [path.relative_to(sample_site.out / edition).as_posix() for path in (sample_site.out / edition / "articles").glob("*.html")
                    if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8")]  # not a renamed article's old address
        assert {"index.html", "offline.html", "issues/2021-08-12.html", "static/css/site.css"} <= set(keep)
        assert set(articles) <= set(keep)  # the newest issue (the sample's only one) entirely
        assert all((sample_site.out / edition / path).is_file() for path in keep)
    page = BeautifulSoup(sample_site.page("index.html"), "html.parser")
    assert page.find("script", src="static/js/offline.js") is not None
    assert page.find("link", rel="manifest") is None, "linked by the script, only over http(s)"
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "manifest-src 'self'" in csp and "worker-src 'self'" in csp


def build_id(out: Path) -> str:
    return re.search(r'var BUILD = "([0-9a-f]+)";', (out / "sw.js").read_text(encoding="utf-8")).group(1)


def stats(out: Path) -> dict[str, tuple[int, int]]:
    return {path.relative_to(out).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns) for path in out.rglob("*") if path.is_file()}


def snapshot(out: Path) -> dict[str, bytes]:
    return {path.relative_to(out).as_posix(): path.read_bytes() for path in out.rglob("*") if path.is_file() and path.name != ".bulletin-build"}


def test_an_issue_s_files_are_rebuilt_only_when_that_issue_changes(make_project, tmp_path):
    project = make_project()
    first = build_project(project)
    before, built = stats(first.out), build_id(first.out)

    edited = project / "content/2021-01-07/01-shuju-anquan-fa.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n编者注：本文有更新。\n", encoding="utf-8")
    build_project(project)
    after = stats(first.out)
    changed = {path for path in after if after[path] != before.get(path)}
    for issue in ISSUES:
        files = {f"issues/{issue}.epub", f"issues/{issue}.single.html", f"issues/{issue}.html"}
        assert (files <= changed) if issue == "2021-01-07" else not (files & changed), (issue, sorted(changed))
    assert "sw.js" in changed and build_id(first.out) != built  # a new build: a new worker

    new_issue = project / "content/2021-02-04"
    new_issue.mkdir()
    (new_issue / "01-xin.md").write_text("---\ntitle: 新一期文章\nsection: 产业环境\ndate: 2021-02-04\ntags: [5G]\n---\n新一期的正文。\n", encoding="utf-8")
    before = stats(first.out)
    build_project(project)
    after = stats(first.out)
    assert after["issues/2021-01-21.html"] != before["issues/2021-01-21.html"]  # its page links the newer issue
    for issue in ISSUES:  # their files do not: kept as they were
        assert after[f"issues/{issue}.epub"] == before[f"issues/{issue}.epub"]
        assert after[f"issues/{issue}.single.html"] == before[f"issues/{issue}.single.html"]
    assert "issues/2021-02-04.html" in json.loads(re.search(r"var KEEP = (\[.*?\]);", (first.out / "sw.js").read_text(encoding="utf-8")).group(1))

    cold = build_project(copy_project(project, tmp_path / "cold"))
    assert snapshot(cold.out) == snapshot(first.out), "an incremental build gives the bytes of a cold one"


def test_parallel_build_gives_the_bytes_of_a_serial_one(make_project, monkeypatch):
    serial = build_project(make_project("serial"))
    monkeypatch.setattr(workers, "PARALLEL_MIN", 1)
    monkeypatch.setattr(workers, "cores", lambda: 2)
    parallel = build_project(make_project("parallel"))
    assert snapshot(parallel.out) == snapshot(serial.out)
