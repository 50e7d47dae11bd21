"""Run `bulletin serve` as a user does (a subprocess on a free port) and talk HTTP to it."""

from __future__ import annotations

import http.client
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

START_SECONDS = 60  # first build included; generous for a loaded CI machine
# In a copy of tests/fixtures/site: an article, its page, and a template that no longer compiles (line 3).
ARTICLE = "content/2021-01-07/01-shuju-anquan-fa.md"
ARTICLE_PAGE = "articles/shuju-anquan-fa-ershen.html"
BROKEN_TEMPLATE = '{% extends "base.html" %}\n{% block main %}\n{{ article.title ) }}\n{% endblock %}\n'
_URL = re.compile(r"^serving .* at (http://\S+) ")


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def edit(path: Path, old: str, new: str) -> None:
    """Save `path` with `old` replaced by `new`, as an editor would."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def wait_until(condition: Callable[[], object], timeout: float, what: str, interval: float = 0.05):
    """Poll `condition` until it returns something true (returned) or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


class Served:
    """`bulletin serve --port 0 ARGS` in `project`; its output lines are collected as they come."""

    def __init__(self, project: Path, *args: str):
        self.project = project
        self.process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", "0", *args], cwd=project,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._readers = [threading.Thread(target=self._collect, args=pair, daemon=True)
                         for pair in ((self.process.stdout, self.stdout), (self.process.stderr, self.stderr))]
        for reader in self._readers:
            reader.start()
        try:
            self.url = wait_until(self._url, START_SECONDS, "the server to start")
        except AssertionError:
            self.stop()
            raise AssertionError(f"bulletin serve did not start:\n{self.output()}") from None
        parts = urlsplit(self.url)
        self.host, self.port = parts.hostname, parts.port

    @staticmethod
    def _collect(stream, lines: list[str]) -> None:
        for line in stream:
            lines.append(line.rstrip("\n"))

    def _url(self) -> str | None:
        if self.process.poll() is not None:
            raise AssertionError(f"bulletin serve exited with {self.process.returncode}:\n{self.output()}")
        return next((match.group(1) for line in self.stdout if (match := _URL.match(line))), None)

    def output(self) -> str:
        return "\n".join(self.stdout + ["--- stderr ---"] + self.stderr)

    def get(self, path: str, method: str = "GET") -> Response:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request(method, path)
            response = connection.getresponse()
            return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def raw_status(self, target: str, host: str = "localhost") -> int:
        """The status of a request line sent byte for byte (http.client refuses NUL and other odd targets)."""
        with socket.create_connection((self.host, self.port), timeout=30) as connection:
            connection.sendall(f"GET {target} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode("utf-8", "surrogateescape"))
            status_line = connection.makefile("rb").readline().decode("latin-1")
        return int(status_line.split()[1])

    def state(self, since: int | None = None) -> dict:
        """What open tabs are told (the long-poll's answer): generation, build id and problem."""
        body = self.get("/__bulletin__/wait.js" + ("" if since is None else f"?since={since}")).text
        return json.loads(body[body.index("(", body.index("bulletinServe(")) + 1:body.rindex(")")])

    def wait_for_state(self, condition: Callable[[dict], bool], timeout: float, what: str) -> dict:
        def check() -> dict | None:
            state = self.state()
            return state if condition(state) else None

        return wait_until(check, timeout, what)

    def stop(self, sig: int = signal.SIGINT, timeout: float = 15) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for reader in self._readers:  # everything the process printed is in stdout and stderr now
            reader.join(timeout)
        return self.process.returncode

    def __enter__(self) -> Served:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
