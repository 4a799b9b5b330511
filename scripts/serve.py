#!/usr/bin/env python3
"""Serves a built Vagas folder on http://127.0.0.1:8080/, gzip-compressed where the browser accepts it.

    python3 serve.py [PORT] [FOLDER]     defaults: 8080 and the folder of this file

Used by scripts/serve.sh (FOLDER = dist/) and copied into the USB package by
scripts/package-usb.sh (start.sh / start.cmd). Python 3 standard library only.

- Only this computer can reach it (127.0.0.1).
- MIME types are set here, not taken from the system: some Windows installs map .js to
  text/plain, which browsers refuse for modules, and `application/wasm` is what lets the browser
  compile the wasm while it downloads (streaming instantiation).
- Text, JSON and wasm files are sent gzip -9 (`Content-Encoding: gzip`, `Vary: Accept-Encoding`)
  when the request's Accept-Encoding allows gzip: the wasm and the datasets shrink to a third or
  less. Each file is compressed once (in a background thread at start-up, and again only when it
  changes) and kept in memory.
- `Cache-Control: no-cache` with `Last-Modified`: the browser revalidates every file (a new build
  or new data is seen at once) and gets `304 Not Modified` when nothing changed.
"""
import email.utils
import functools
import gzip
import http.server
import io
import os
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
    ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json",
    ".geojson": "application/geo+json", ".svg": "image/svg+xml", ".png": "image/png",
    ".txt": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
}
COMPRESS = {".html", ".js", ".mjs", ".wasm", ".css", ".json", ".geojson", ".svg", ".txt", ".md", ".csv"}
# Below this size gzip saves less than its headers cost.
MIN_SIZE = 512

_gz_cache = {}  # path -> (mtime_ns, size, gzip bytes)
_gz_lock = threading.Lock()


def gzipped(path, st):
    """The gzip -9 bytes of `path` (whose os.stat is `st`), compressed once per version of the file."""
    key = (st.st_mtime_ns, st.st_size)
    with _gz_lock:
        hit = _gz_cache.get(path)
    if hit and hit[:2] == key:
        return hit[2]
    with open(path, "rb") as f:
        body = gzip.compress(f.read(), compresslevel=9, mtime=0)
    with _gz_lock:
        _gz_cache[path] = (*key, body)
    return body


def accepts_gzip(header):
    """True when an Accept-Encoding header allows gzip (`gzip`, `gzip;q=0.5`, `*`; not `gzip;q=0`)."""
    allowed = {}
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        if name:
            allowed[name.strip().lower()] = q
    return allowed.get("gzip", allowed.get("*", 0.0)) > 0


class Handler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive: one connection carries many requests (every response has a Content-Length).
    protocol_version = "HTTP/1.1"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?", 1)[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()
            path = index
        ext = os.path.splitext(path)[1].lower()
        try:
            st = os.stat(path)
        except OSError:
            return super().send_head()  # the standard 404
        if ext not in COMPRESS or st.st_size < MIN_SIZE or not accepts_gzip(self.headers.get("Accept-Encoding")):
            return super().send_head()
        mtime = email.utils.formatdate(st.st_mtime, usegmt=True)
        since = self.headers.get("If-Modified-Since")
        if since and "If-None-Match" not in self.headers:
            try:
                if email.utils.parsedate_to_datetime(since).timestamp() >= int(st.st_mtime):
                    self.send_response(304)
                    self.send_header("Vary", "Accept-Encoding")
                    self.end_headers()
                    return None
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
        try:
            body = gzipped(path, st)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", mtime)
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # noqa: A002 (the standard signature)
        if os.environ.get("VAGAS_SERVE_QUIET") != "1":
            super().log_message(format, *args)


def warm(root):
    """Compresses every compressible file once, so the first visit does not wait for it."""
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            if os.path.splitext(name)[1].lower() in COMPRESS:
                try:
                    st = os.stat(path)
                    if st.st_size >= MIN_SIZE:
                        gzipped(path, st)
                except OSError:
                    pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    root = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else HERE
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.exit(f"No index.html in {root}: build the app first (trunk build --release).")
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=root))
    except OSError as e:
        sys.exit(f"Cannot use port {port} ({e}). Try another one, e.g.: start.sh {port + 1}")
    threading.Thread(target=warm, args=(root,), daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Vagas: abra / open {url}  (Ctrl+C para parar / to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
