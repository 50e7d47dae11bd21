"""Issue 18, classes 2 and 11 (HTTP requests to `bulletin serve`): hostile requests, load, Ctrl-C.

With `--out /` the server answered `GET /etc/passwd` with 200 (the guard now refuses to serve such a
folder: test_hostile_output.py). Here: requests that try to leave the output folder however they are
written, malformed requests, 200 requests at once (the listen backlog was 5: 22 of them took over
3 s), and Ctrl-C in the middle of a rebuild (it left a `.output-build-*` folder).
"""

from __future__ import annotations

import http.client
import shutil
import signal
import socket
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from build_helpers import ROOT
from hostile_helpers import leftovers, make_project
from serve_helpers import Served, wait_until

sys.path.insert(0, str(ROOT))
from bench import corpus  # noqa: E402

OUTSIDE = ["/etc/passwd", "/../../../../etc/passwd", "/..%2f..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/site.yml", "/%252e%252e/site.yml",
           "/..\\..\\site.yml", "/%5c..%5csite.yml", "/%c0%ae%c0%ae/site.yml", "/.%00./site.yml", "/%00", "/index.html%00.txt",
           "//etc/passwd", "///etc/passwd", "/./../site.yml", "/static/../../site.yml", "/.cache/", "/.bulletin-build",
           "/content/2021-08-12/01-first.md", "/../content/2021-08-12/01-first.md", "http://evil.example/../../site.yml",
           "/%ff%fe", "/" + "a" * 5000, "/" + "../" * 500 + "etc/passwd", "/?../../site.yml", "/#../../site.yml", "*"]
SECRET = "SITE-CONFIG-SECRET"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("serve") / "project", site=f"title: 站点\n# {SECRET}\n")
    with Served(project) as server:
        yield server


def raw_request(server: Served, data: bytes, timeout: float = 10) -> bytes:
    with socket.create_connection((server.host, server.port), timeout=timeout) as connection:
        connection.sendall(data)
        connection.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("target", OUTSIDE, ids=range(len(OUTSIDE)))
def test_nothing_outside_the_output_folder_is_ever_answered(served, target):
    answer = raw_request(served, f"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode("latin-1", "replace"))
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    assert status != 200 or b"root:x:0:0" not in answer and SECRET.encode() not in answer, answer[:200]
    assert b"root:x:0:0" not in answer and SECRET.encode() not in answer and b"title: " not in answer


MALFORMED = [b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 200 + b"\r\n",
             b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello",
             b"DELETE /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n", b"PUT /x HTTP/1.1\r\nHost: localhost\r\n\r\n",
             b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n", b"GET / HTTP/1.1\r\nHost: 127.0.0.1.evil.example\r\n\r\n",
             b"GET / HTTP/1.1\r\nHost: \xff\xfe\r\n\r\n", b"\x00\x01\x02\x03", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
             b"GET /__bulletin__/wait.js?since=" + b"9" * 5000 + b" HTTP/1.1\r\nHost: localhost\r\n\r\n",
             b"GET /__bulletin__/wait.js?since=-1 HTTP/1.1\r\nHost: localhost\r\n\r\n", b"GET / HTTP/1.1\r\nHost: localhost\r\n"]


@pytest.mark.parametrize("request_bytes", MALFORMED, ids=range(len(MALFORMED)))
def test_a_malformed_request_gets_an_error_and_the_server_goes_on(served, request_bytes):
    try:
        answer = raw_request(served, request_bytes, timeout=30)
    except (ConnectionResetError, TimeoutError):
        answer = b""
    assert b"root:x:0:0" not in answer and SECRET.encode() not in answer
    assert served.get("/index.html").status == 200
    assert not any("Traceback" in line for line in served.stderr), served.output()


def timed_get(server: Served, path: str) -> float:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        assert response.status == 200
    finally:
        connection.close()
    return time.perf_counter() - started


def test_two_hundred_requests_at_once_are_all_answered_without_waiting_for_a_retry(served):
    paths = ["/index.html", "/static/css/site.css", "/feed.xml", "/tags/index.html"] * 50
    with ThreadPoolExecutor(max_workers=200) as pool:
        seconds = sorted(pool.map(lambda path: timed_get(served, path), paths))
    # With a backlog of 5 the kernel dropped connections, which clients retry after 1, 3, 7 s.
    assert len(seconds) == 200 and seconds[-1] < 3.0, f"median {statistics.median(seconds):.2f} s, max {seconds[-1]:.2f} s"


def test_the_listen_backlog_is_not_five():
    from generator.serve.server import SiteServer

    assert SiteServer.request_queue_size >= 128


@pytest.fixture(scope="module")
def bigger(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("serve-interrupt")
    corpus.write_content(corpus.generate(300, seed=5), project / "content")
    return project


@pytest.mark.parametrize("delay", [0.2, 0.6, 1.2, 2.0])
def test_ctrl_c_at_any_moment_of_a_rebuild_leaves_no_build_folder(bigger, tmp_path, delay):
    project = shutil.copytree(bigger, tmp_path / "project")
    server = Served(project)
    article = sorted((project / "content").rglob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8").replace("title:", "title: 改", 1), encoding="utf-8")
    wait_until(lambda: any(line.startswith("changed:") for line in server.stdout), 20, "the rebuild")
    time.sleep(delay)
    status = server.stop(signal.SIGINT)
    assert status in (0, 130), server.output()
    assert not any("Traceback" in line for line in server.stderr), server.output()
    assert leftovers(project) == [] and (project / "output" / ".bulletin-build").is_file()
