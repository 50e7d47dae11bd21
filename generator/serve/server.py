"""The HTTP side: the output folder's files with their types, the reload script, and the long-poll."""

from __future__ import annotations

import ipaddress
import mimetypes
import socket
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from generator.serve import client
from generator.serve.paths import Redirect, Refused, resolve, url_path
from generator.serve.state import SiteState

POLL_SECONDS = 25.0  # a long-poll answers at the latest after this, well before browsers or proxies give up
NOT_FOUND_PAGE = "404.html"
# Text types always say UTF-8: the build writes nothing else, and a browser guessing would garble Chinese.
TYPES = {
    ".html": "text/html", ".xml": "application/xml", ".js": "text/javascript", ".css": "text/css",
    ".svg": "image/svg+xml", ".json": "application/json", ".txt": "text/plain",
}
UTF8 = "; charset=utf-8"


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host.lower() == "localhost"


def _host_name(header: str | None) -> str:
    """The name in a Host header, without its port (`[::1]:8000` -> `::1`)."""
    value = (header or "").strip()
    return value[1:value.find("]")] if value.startswith("[") else value.rsplit(":", 1)[0]


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in TYPES:
        return TYPES[suffix] + UTF8
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


class SiteServer(ThreadingHTTPServer):
    """Serves `out` to request threads that never outlive the process (a waiting long-poll must not hold Ctrl-C)."""

    daemon_threads = True
    request_queue_size = socket.SOMAXCONN  # not 5: a page's burst of requests (or a test's 200) must not wait for a retry

    def __init__(self, host: str, port: int, out: Path, state: SiteState, reload: bool):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.out = out
        self.state = state
        self.reload = reload
        self.local_only = is_loopback(host)
        super().__init__((host, port), Handler)

    def handle_error(self, request: object, client_address: tuple) -> None:
        """One line on the terminal for a request that failed, not socketserver's traceback: the server goes on."""
        error = sys.exc_info()[1]
        print(f"bulletin serve: a request from {client_address[0]} failed: {type(error).__name__}: {error}", file=sys.stderr, flush=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


class Handler(BaseHTTPRequestHandler):
    server: SiteServer
    server_version = "bulletin-serve"

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for builds and their errors, not for every request."""

    def _respond(self, head: bool) -> None:
        # DNS rebinding: a web page whose own name came to resolve to 127.0.0.1 could read the drafts served
        # here; a server listening on this machine only answers requests made to it by a local name.
        if self.server.local_only and not is_loopback(_host_name(self.headers.get("Host"))):
            return self._send(400, "text/plain" + UTF8, b"Bad Request: not a local host name\n", head)
        path = url_path(self.path)
        if self.server.reload and path == client.WAIT:
            return self._send(200, "text/javascript" + UTF8, self._wait(), head)
        asset = client.asset(path) if self.server.reload else None
        if asset:
            return self._send(200, content_type(asset), asset.read_bytes(), head)
        try:
            file = resolve(self.server.out, self.path)
            body = file.read_bytes()
        except Redirect as redirect:
            return self._send(301, "text/plain" + UTF8, b"", head, {"Location": redirect.location})
        except Refused as refused:
            return self._refuse(refused.status, head)
        except OSError:  # gone between resolving and reading: a rebuild swapped the output folder
            return self._refuse(404, head)
        self._send(200, content_type(file), self._page(body) if file.suffix == ".html" else body, head)

    def _wait(self) -> bytes:
        values = parse_qs(urlsplit(self.path).query).get("since", [""])
        since = int(values[0]) if values[0].isdigit() and len(values[0]) < 19 else None  # a build number, not 5,000 digits
        return client.wait_script(self.server.state.wait(since, POLL_SECONDS))

    def _page(self, html: bytes) -> bytes:
        return client.inject(html, self.server.state.current()) if self.server.reload else html

    def _refuse(self, status: int, head: bool) -> None:
        if status != 404:
            return self._send(status, "text/plain" + UTF8, b"Bad Request\n", head)
        page = self.server.out / NOT_FOUND_PAGE
        html = client.local_base(page.read_bytes()) if page.is_file() else client.NOT_FOUND
        self._send(404, "text/html" + UTF8, self._page(html), head)

    def _send(self, status: int, kind: str, body: bytes, head: bool, extra: dict[str, str] | None = None) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")  # every reload must show the latest build
            self.send_header("X-Content-Type-Options", "nosniff")
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the tab was closed or reloaded while we answered
