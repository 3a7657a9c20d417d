"""A static server for the built site that compresses like GitHub Pages: gzip for text when asked.

Used by the test fixtures (tests/conftest.py), the Lighthouse gate and `make bench`. Run it by hand with
``python -m tests.gzip_server SITE_DIR [PORT]``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlparse

# What GitHub Pages compresses: text formats (HTML, CSS, JS, JSON, SVG, XML, plain text).
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler that gzips compressible files for clients that accept gzip."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a real host

    extensions_map = {  # noqa: RUF012 - extends the class attribute of the stdlib handler
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript",
        ".mjs": "application/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
        ".xml": "application/xml",
    }
    _cache: dict[tuple[str, float], bytes] = {}  # noqa: RUF012 - (path, mtime) → gzip body, shared
    _lock = threading.Lock()

    base_path = "/"  # the site's path under its host (site_url), served as well as the root

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        """`/playbook/x` and `/x` are the same file: 404.html links by the full path, as Pages serves it."""
        if self.base_path != "/" and path.startswith(self.base_path):
            path = "/" + path[len(self.base_path):]
        return super().translate_path(path)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def _accepts_gzip(self) -> bool:
        return any(
            part.split(";")[0].strip().lower() in {"gzip", "*"}
            for part in self.headers.get("Accept-Encoding", "").split(",")
        )

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the stdlib's 301 to the slash-terminated URL
            path = os.path.join(path, "index.html")
        ctype = self.guess_type(path)
        if not (os.path.isfile(path) and ctype.startswith(COMPRESSIBLE) and self._accepts_gzip()):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_mtime)
        with self._lock:
            body = self._cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)
            with self._lock:
                self._cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Serve the site's own 404.html for a missing file, as GitHub Pages does."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        if self._accepts_gzip():
            body = gzip.compress(body, mtime=0)
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self._accepts_gzip():
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64


MKDOCS_YML = Path(__file__).resolve().parent.parent / "mkdocs.yml"


def site_base_path(mkdocs_yml: Path = MKDOCS_YML) -> str:
    """The path part of site_url ("/playbook/"), read without a YAML loader (mkdocs.yml has !!python tags)."""
    m = re.search(r"^site_url:\s*(\S+)", mkdocs_yml.read_text(encoding="utf-8"), re.M)
    path = urlparse(m.group(1)).path if m else "/"
    return path if path.endswith("/") else path + "/"


@contextmanager
def serve(site_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 (a free port by default); yields the base URL without a slash.

    Every file is also served under the site's own path (``/playbook/…``), as GitHub Pages does.
    """
    handler_class = type("Handler", (GzipHandler,), {"base_path": site_base_path()})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    with serve(directory, int(sys.argv[2]) if len(sys.argv) > 2 else 8001) as url:
        print(f"Serving {directory} with gzip on {url}/ (Ctrl-C stops)")
        with suppress(KeyboardInterrupt):
            threading.Event().wait()
