#!/usr/bin/env python3
"""Hostile requests against a real `versus serve`, over raw sockets: what only a real server and its HTTP parser see.

The in-process matrix (Tests/VersusWebTests/HostileInputTests.swift) sends attacks in every parameter of every route
through the router; this script sends what never reaches a router: raw bytes in the request line (unencoded markup,
invalid UTF-8, CR/LF, NUL), malformed HTTP (smuggling, bad chunking, HTTP/0.9 and /2 prefaces, TLS, garbage), every
method, spoofed Host headers, huge requests (URL, one header, many headers, bodies of megabytes), pipelining, resets,
thousands of connections, and slow clients: slowloris (a request head trickled a byte a second), slow bodies, idle
keep-alive connections and clients that never read.

Every case passes only if the server answers with a well-formed 200, 303 or 4xx (or, for what is not HTTP, refuses
with a 4xx or closes the connection), never a 5xx, never echoing markup unescaped, and still answers /healthz within a
second or two afterwards. Slow and idle connections must be closed by the server within its idle timeout (started here with
--idle-timeout 5) plus a margin, while other clients are served; memory must stay bounded. Prints each failure, then
"hostile: N passed, M failed (real server)"; exits 1 on any failure.

Usage: Scripts/hostile.py [--bin PATH] (default: $VERSUS_BIN, else .build/release/versus)
"""
import argparse
import json
import os
import random
import re
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IDLE = 5  # seconds: the --idle-timeout the server is started with
OK_STATUSES = {200, 303, 400, 404, 405, 414}
# Never raw in an answer's body (the pages escape markup; canonical links use --base-url, never the Host sent).
MARKUP = [b"<script>alert(1)", b"<svg/onload", b"<img src=x", b"onmouseover='", b"evil.example"]


class Server:
    def __init__(self, binary: str):
        self.process = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--log-level", "error", "--idle-timeout", str(IDLE)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.time() + 900  # the first run may build the database
        self.port = None
        while time.time() < deadline:
            line = self.process.stdout.readline().decode(errors="replace")
            if not line and self.process.poll() is not None:
                break
            match = re.search(r"Versus is serving at http://[0-9.]+:([0-9]+)", line)
            if match:
                self.port = int(match.group(1))
                break
        if self.port is None:
            raise SystemExit(f"hostile: versus serve did not start (exit {self.process.poll()})")
        threading.Thread(target=self.process.stdout.read, daemon=True).start()  # drain the log

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Response:
    def __init__(self, status, headers, body, raw):
        self.status, self.headers, self.body, self.raw = status, headers, body, raw


def connect(port, timeout=5.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


# Bytes read past the end of a response (pipelined answers), by socket, for the next read_response.
leftovers: dict[int, bytes] = {}


def read_response(s, head_request=False, timeout=5.0):
    """One response from `s`, or None when the server closes (or resets) without a whole one."""
    s.settimeout(timeout)
    data = leftovers.pop(id(s), b"")
    try:
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                return None
            data += chunk
        head, rest = data.split(b"\r\n\r\n", 1)
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.strip().lower().decode()] = value.strip().decode(errors="replace")
        length = 0 if head_request or status in (204, 304) else int(headers.get("content-length", "0"))
        while len(rest) < length:
            chunk = s.recv(65536)
            if not chunk:
                break
            rest += chunk
        if len(rest) > length:
            leftovers[id(s)] = rest[length:]
        return Response(status, headers, rest[:length], head + b"\r\n\r\n" + rest[:length])
    except (ConnectionResetError, BrokenPipeError, socket.timeout, ValueError, IndexError):
        return None


def exchange(port, request: bytes, timeout=5.0):
    s = connect(port, timeout)
    try:
        s.sendall(request)
    except (BrokenPipeError, ConnectionResetError):
        pass
    response = read_response(s, head_request=request.startswith(b"HEAD "), timeout=timeout)
    # Bytes after the answer: a HEAD body, or an answer not asked for. One exception: a body that turns out malformed
    # after its request was answered gets NIO's "400 Bad Request" and the connection closed, which is right.
    extra = leftovers.pop(id(s), b"")
    if extra and (request.startswith(b"HEAD ") or not extra.startswith(b"HTTP/1.1 400 Bad Request\r\nConnection: close")):
        response = Response(599, {}, b"bytes after the answer", b"")
    s.close()
    return response


def get(port, target: str, headers: str = "") -> Response:
    return exchange(port, f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Connection: close\r\n\r\n".encode())


class Run:
    def __init__(self, server: Server):
        self.server = server
        self.passed = 0
        self.failures = []

    def alive(self) -> str | None:
        if self.server.process.poll() is not None:
            return f"the server exited with {self.server.process.returncode}"
        started = time.time()
        response = get(self.server.port, "/healthz")
        if response is None or response.status != 200 or response.body != b"ok\n":
            return "/healthz does not answer ok"
        # Two seconds: this machine's two cores may be shared with builds; a stalled server takes far longer.
        if time.time() - started > 2.0:
            return f"/healthz took {time.time() - started:.1f} s"
        return None

    def case(self, name, check):
        try:
            problem = check()
        except Exception as error:  # a case that cannot run is a failure, not a skip
            problem = f"{type(error).__name__}: {error}"
        problem = problem or self.alive()
        if problem:
            self.failures.append(f"{name}: {problem}")
            print(f"  FAIL {name}: {problem}", flush=True)
        else:
            self.passed += 1


def well_formed(response, allow_close=False):
    """None when `response` is a 200/303/4xx whose page, if it is one, holds no attack markup raw, and whose JSON,
    if it is JSON, parses (JSON carries the text as sent: its type and nosniff keep a browser from reading markup)."""
    if response is None:
        return None if allow_close else "no response (connection closed)"
    if response.status not in OK_STATUSES and not (400 <= response.status < 500):
        return f"status {response.status}"
    kind = response.headers.get("content-type", "")
    if "json" in kind:
        try:
            json.loads(response.body or b"{}")
        except ValueError:
            return "an API answer that is not JSON"
    elif response.status != 303:
        for marker in MARKUP:
            if marker in response.body:
                return f"{marker!r} raw in the answer"
    if any("\r" in v or "\n" in v for v in response.headers.values()) or "x-injected" in response.headers:
        return "an injected header"
    return None


def refused(response):
    """What is not HTTP/1.1 the server can read: a 4xx, or the connection closed. Never a 2xx, 3xx or 5xx."""
    if response is None or 400 <= response.status < 500:
        return None
    return f"status {response.status}"


# --- the catalogue ---------------------------------------------------------------------------------------------------

def request_line_attacks(run: Run):
    """Bytes a browser would encode, sent raw in the request target."""
    port = run.server.port
    targets = [
        b"/search?q=<script>alert(1)</script>", b"/search?q=\"><svg/onload=alert(1)>", b"/search?q='onmouseover='alert(1)",
        b"/compare/<script>alert(1)</script>", b"/compare?a=<img src=x>&b=coo", b"/occupations/<svg/onload=1>",
        b"/api/search?q=<script>alert(1)</script>", b"/api/compare?a=\"><svg/onload=alert(1)>&b=coo",
        b"/search?q=\xff\xfe", b"/compare/\xc0\xaf-vs-coo", b"/api/search?q=\xed\xa0\x80", b"/search?q=nurse\x80",
        b"/compare?a=\xe2\x80\xae&b=coo", b"/search?q=%0d%0aX-Injected:%201", b"/compare?a=x%0d%0aX-Injected:%201&b=coo",
        b"/../../etc/passwd", b"/assets/../../Package.swift", b"/assets/..%2f..%2fPackage.swift", b"/%2e%2e/%2e%2e/etc/passwd",
        b"/assets/%252e%252e%252fPackage.swift", b"//etc/passwd", b"/assets//site.css", b"/assets/site.css/..", b"/.git/config",
        b"/compare/..%00/etc", b"*", b"http://evil.example/", b"http://evil.example/compare/operations-manager-vs-coo",
        b"evil", b"/search?q=" + b"a" * 3000, b"/compare/" + b"x-" * 1100 + b"vs-y",
        b"/search?" + b"&".join(b"p%d=1" % n for n in range(500)), b"/api/search?q=nurse&limit=99999999999999999999999",
        b"/search?q=%", b"/search?q=%%32%65", b"/search?q=\\u003cscript\\u003e",
    ]
    for target in targets:
        for method in (b"GET", b"HEAD"):
            request = method + b" " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            run.case(f"raw target {method.decode()} {target[:60]!r}", lambda r=request: well_formed(exchange(port, r), allow_close=True))


def malformed_http(run: Run):
    """What is not well-formed HTTP/1.1: refused with a 4xx or a closed connection, and the server carries on."""
    port = run.server.port
    tls_hello = bytes.fromhex("160301002e0100002a0303") + os.urandom(32) + bytes.fromhex("000002002f0100")
    cases = {
        "CRLF in the request line": b"GET /search?q=a\r\nX-Injected: 1 HTTP/1.1\r\nHost: x\r\n\r\n",
        "NUL in the request line": b"GET /search?q=a\x00b HTTP/1.1\r\nHost: x\r\n\r\n",
        "NUL in a header name": b"GET / HTTP/1.1\r\nHost: x\r\nX-\x00: 1\r\n\r\n",
        "NUL in a header value": b"GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n",
        "space before the colon": b"GET / HTTP/1.1\r\nHost : x\r\n\r\n",
        "a header without a colon": b"GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
        "obs-fold continuation": b"GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n",
        "an unknown version": b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        "no version": b"GET /\r\n\r\n",
        "a method with NUL": b"G\x00T / HTTP/1.1\r\nHost: x\r\n\r\n",
        "a 10 KB method": b"G" * 10000 + b" / HTTP/1.1\r\nHost: x\r\n\r\n",
        "two Content-Lengths": b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
        "Content-Length and Transfer-Encoding (smuggling)":
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin HTTP/1.1\r\n\r\n",
        "a negative Content-Length": b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
        "a Content-Length that is not a number": b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1e3\r\n\r\n",
        "a chunk size that is not hex": b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
        "a chunk size that overflows": b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\nx\r\n",
        "an unknown transfer coding": b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, identity\r\n\r\n",
        "the HTTP/2 preface": b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        "a TLS ClientHello": tls_hello,
        "64 KB of random bytes": random.Random(11).randbytes(65536),
        "bare LF line ends": b"GET / HTTP/1.1\nHost: x\n\n",
        "a request line of spaces": b"     \r\n\r\n",
    }
    for name, request in cases.items():
        run.case(f"malformed: {name}", lambda r=request: refused_or_answered(exchange(port, r)))
    run.case("malformed: the smuggled request is not answered", lambda: smuggling(port))


def refused_or_answered(response):
    # Lenient parsers may read some of these as a request; then the answer must be a well-formed one.
    if response is not None and response.status < 400:
        return well_formed(response)
    return refused(response)


def smuggling(port):
    s = connect(port)
    s.sendall(b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\nTransfer-Encoding: chunked\r\n\r\n"
              b"0\r\n\r\nGET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
    answers = []
    while (response := read_response(s, timeout=2)) is not None:
        answers.append(response.status)
    s.close()
    return f"answers {answers}: a request hidden in a body was served" if len(answers) > 1 else None


def methods_and_headers(run: Run):
    port = run.server.port
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "FOO"]:
        for target in ["/", "/api/search?q=nurse", "/compare/operations-manager-vs-coo"]:
            def check(method=method, target=target):
                response = exchange(port, f"{method} {target} HTTP/1.1\r\nHost: x\r\nX-Secret: s3cr3t\r\n"
                                          f"Content-Length: 0\r\nConnection: close\r\n\r\n".encode())
                if response is not None and b"s3cr3t" in response.body:
                    return "the request echoed back"
                if response is not None and response.status < 400:
                    return f"{method} answered {response.status}"
                return refused(response)
            run.case(f"method {method} {target}", check)

    def spoofed_host():
        response = get(port, "/compare/operations-manager-vs-coo", "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: javascript\r\n")
        plain = exchange(port, b"GET /compare/operations-manager-vs-coo HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
        return well_formed(response) or well_formed(plain)  # MARKUP holds evil.example: canonical links use --base-url only
    run.case("spoofed Host and X-Forwarded-Host are not reflected", spoofed_host)
    run.case("HTTP/1.0 without Host", lambda: expect_status(exchange(port, b"GET /healthz HTTP/1.0\r\n\r\n"), 200))
    run.case("HTTP/1.1 without Host", lambda: refused_or_answered(exchange(port, b"GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n")))
    run.case("two Host headers", lambda: refused_or_answered(exchange(port, b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n")))
    run.case("Expect: 100-continue without a body", lambda: refused_or_answered(
        exchange(port, b"GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10\r\nConnection: close\r\n\r\n", timeout=3)))
    run.case("Upgrade: websocket and h2c", lambda: well_formed(get(port, "/", "Upgrade: websocket, h2c\r\nConnection: Upgrade\r\n")))
    run.case("1,000 ranges", lambda: well_formed(get(port, "/sitemap.xml", "Range: bytes=" + ",".join(f"{n}-{n}" for n in range(1000)) + "\r\n")))
    run.case("a 60 KB Accept-Encoding", lambda: expect_status(get(port, "/", "Accept-Encoding: " + "gzip;q=0, " * 6000 + "\r\n"), 200))
    run.case("a 60 KB If-None-Match", lambda: expect_status(get(port, "/", "If-None-Match: " + "\"x\", " * 12000 + "\r\n"), 200))


def expect_status(response, status):
    if response is None:
        return "no response"
    return None if response.status == status else f"status {response.status}, expected {status}"


def huge_requests(run: Run):
    port = run.server.port
    run.case("a URL of 2,049 bytes is a 414 page", lambda: expect_status(get(port, "/search?q=" + "a" * 2039), 414))
    run.case("an API URL of 8 KB is a 414 problem", lambda: api_problem(get(port, "/api/search?q=" + "a" * 8000), 414))
    run.case("a URL of 100 KB", lambda: refused(get(port, "/search?q=" + "a" * 100_000)))
    run.case("a URL of 1 MB", lambda: refused(get(port, "/" + "a" * 1_000_000)))
    run.case("one header of 100 KB", lambda: refused(get(port, "/", "X-Big: " + "a" * 100_000 + "\r\n")))
    run.case("one header of 1 MB", lambda: refused(get(port, "/", "X-Big: " + "a" * 1_000_000 + "\r\n")))
    run.case("2,000 headers", lambda: refused(get(port, "/", "".join(f"X-H{n}: 1\r\n" for n in range(2000)))))
    run.case("headers of 70 KB in all, under the limits", lambda: expect_status(
        get(port, "/", "".join(f"X-H{n}: {'a' * 700}\r\n" for n in range(100))), 200))
    for size_mb in (10, 50):
        run.case(f"a GET with a {size_mb} MB body", lambda n=size_mb: big_body(run, "GET", "/", n))
        run.case(f"a POST with a {size_mb} MB body", lambda n=size_mb: big_body(run, "POST", "/api/search?q=nurse", n))
    run.case("a chunked body of 20 MB", lambda: big_body(run, "POST", "/", 20, chunked=True))
    run.case("100 pipelined requests answered in order", lambda: pipelined(port, 100))
    run.case("cached and uncached pages pipelined, answered in order", lambda: pipelined_mixed(port, 40))
    run.case("a cached page's GET with a body, then another request", lambda: cached_with_body(port))
    run.case("100 connections reset mid-request", lambda: resets(port, 100))
    run.case("2,000 connections at once", lambda: many_connections(run, 2000))


def api_problem(response, status):
    if response is None:
        return "no response"
    if response.status != status or not response.headers.get("content-type", "").startswith("application/problem+json"):
        return f"{response.status} {response.headers.get('content-type')}"
    return None


def big_body(run: Run, method, target, megabytes, chunked=False):
    """Sends a body of `megabytes` from another thread while reading the answer: no route reads a body, so the answer
    may come (and the connection close) before the body ends; the server may also stop reading it. Either way the
    answer must be well-formed or a refusal, memory must not grow with the body, and the server must carry on."""
    before = run.server.rss_mb()
    s = connect(run.server.port, timeout=30)
    size = megabytes << 20
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"
    s.sendall(f"{method} {target} HTTP/1.1\r\nHost: x\r\n{framing}\r\nConnection: close\r\n\r\n".encode())
    block = b"a" * 65536
    done = threading.Event()

    def send():
        sent = 0
        try:
            while sent < size and not done.is_set():
                s.sendall((b"10000\r\n" + block + b"\r\n") if chunked else block)
                sent += len(block)
            if chunked and not done.is_set():
                s.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed, or stopped reading and the socket was closed below
    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    response = read_response(s, timeout=20)
    done.set()
    grown = run.server.rss_mb() - before
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    sender.join(5)
    if grown > 64:
        return f"RSS grew {grown:.0f} MB for a {megabytes} MB body"
    return refused_or_answered(response)


def pipelined(port, count):
    s = connect(port, timeout=10)
    s.sendall(b"".join(b"GET /healthz?n=%d HTTP/1.1\r\nHost: x\r\n\r\n" % n for n in range(count)))
    for n in range(count):
        response = read_response(s, timeout=10)
        if response is None or response.status != 200:
            return f"response {n} of {count}: {response and response.status}"
    leftovers.pop(id(s), None)
    s.close()
    return None


def pipelined_mixed(port, count):
    """Cached pages are answered on the event loop, uncached ones by the router after rendering: pipelined together,
    their answers must still come back in request order."""
    cached = "/compare/operations-manager-vs-coo"
    get(port, cached)
    targets = [f"/search?q=nurse+{n}" if n % 2 == 0 else cached for n in range(count)]
    s = connect(port, timeout=30)
    s.sendall(b"".join(f"GET {target} HTTP/1.1\r\nHost: x\r\n\r\n".encode() for target in targets))
    for n, target in enumerate(targets):
        response = read_response(s, timeout=30)
        if response is None or response.status != 200:
            return f"response {n} of {count}: {response and response.status}"
        expected = f"nurse {n}" if target != cached else "Operations Manager vs. COO"
        if expected.encode() not in response.body:
            return f"response {n} is not the answer to {target}"
    leftovers.pop(id(s), None)
    s.close()
    return None


def cached_with_body(port):
    """A body on a GET of a cached page is read and dropped: the next request on the connection is answered."""
    cached = "/compare/operations-manager-vs-coo"
    get(port, cached)
    s = connect(port, timeout=10)
    s.sendall(f"GET {cached} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    first, second = read_response(s, timeout=10), read_response(s, timeout=10)
    s.close()
    if first is None or first.status != 200 or b"Operations Manager vs. COO" not in first.body:
        return f"first answer: {first and first.status}"
    if second is None or second.status != 200 or second.body != b"ok\n":
        return f"second answer: {second and second.status} {second and second.body[:40]}"
    return None


def resets(port, count):
    for n in range(count):
        s = connect(port)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.sendall(b"GET /compare/operations-manager-vs-coo HTTP/1.1\r\nHost: x\r\nX-A: " if n % 2 else b"GET /sitemap.xml HTTP/1.1\r\n\r\n")
        s.close()  # RST
    return None


def many_connections(run: Run, count):
    sockets = []
    try:
        for _ in range(count):
            s = connect(run.server.port)
            sockets.append(s)
        for s in sockets[: count // 10]:
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        for s in sockets[: count // 10]:
            response = read_response(s, timeout=10)
            if response is None or response.status != 200:
                return "a connection among many not answered"
        return run.alive()
    finally:
        for s in sockets:
            s.close()


def slow_clients(run: Run):
    port = run.server.port

    def closed_within(sockets, seconds):
        """How many of `sockets` the server has closed, waiting at most `seconds` in all."""
        deadline = time.time() + seconds
        closed = set()
        while len(closed) < len(sockets) and time.time() < deadline:
            for index, s in enumerate(sockets):
                if index in closed:
                    continue
                s.settimeout(0.01)
                try:
                    if s.recv(65536) == b"":
                        closed.add(index)
                except socket.timeout:
                    pass
                except (ConnectionResetError, OSError):
                    closed.add(index)
            time.sleep(0.2)
        return len(closed)

    def trickling(sockets, byte):
        """Sends `byte` on every socket once a second until the returned event is set."""
        stop = threading.Event()

        def run_trickle():
            while not stop.is_set():
                for s in sockets:
                    try:
                        s.sendall(byte)
                    except OSError:
                        pass
                stop.wait(1)
        threading.Thread(target=run_trickle, daemon=True).start()
        return stop

    def slowloris(count=200):
        # A request head that never ends: a header value growing by a byte a second on every connection.
        sockets = [connect(port) for _ in range(count)]
        for s in sockets:
            s.sendall(b"GET /compare/operations-manager-vs-coo HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        started = time.time()
        stop = trickling(sockets, b"a")
        try:
            for _ in range(10):
                t = time.time()
                if expect_status(get(port, "/compare/operations-manager-vs-coo"), 200) or time.time() - t > 2.0:
                    return f"a normal request was not served promptly with {count} slow connections open"
                time.sleep(0.2)
            closed = closed_within(sockets, IDLE + 6 - (time.time() - started))
        finally:
            stop.set()
            for s in sockets:
                s.close()
        return None if closed == count else f"{count - closed} of {count} slowloris connections still open after {IDLE + 6} s"

    def trickled_body(count=50):
        # A body that never ends, a byte a second. Each byte is activity, so no idle timeout closes these (nginx's
        # client_body_timeout would not either); what must hold is that the answer (a 4xx: no route takes a body)
        # comes without waiting for the body, and that other clients are served meanwhile.
        sockets = [connect(port) for _ in range(count)]
        for s in sockets:
            s.sendall(b"POST /api/search?q=nurse HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nab")
        stop = trickling(sockets, b"c")
        try:
            for s in sockets:
                response = read_response(s, timeout=5)
                if response is None or response.status >= 500 or response.status < 400:
                    return f"answer to a trickled body: {response and response.status}"
            for _ in range(10):
                t = time.time()
                if expect_status(get(port, "/api/search?q=nurse"), 200) or time.time() - t > 2.0:
                    return f"a normal request was not served promptly with {count} trickled bodies"
                time.sleep(0.3)
            still_open = count - closed_within(sockets, IDLE + 2)
            print(f"  note: {still_open} of {count} trickled-body connections still open after {IDLE + 2} s (client closes them)")
        finally:
            stop.set()
            for s in sockets:
                s.close()
        return None

    def idle_keep_alive(count=300):
        sockets = []
        for _ in range(count):
            s = connect(port)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            if expect_status(read_response(s), 200):
                return "keep-alive request not answered"
            sockets.append(s)
        closed = closed_within(sockets, IDLE + 4)
        for s in sockets:
            s.close()
        return None if closed == count else f"{count - closed} of {count} idle keep-alive connections still open after {IDLE + 4} s"

    def slow_body(count=50):
        sockets = []
        for _ in range(count):
            s = connect(port)
            s.sendall(b"POST /api/search?q=nurse HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nab")
            sockets.append(s)
        # The answer needs no body: it comes at once; the rest of the body is then read or the connection closed.
        for s in sockets:
            response = read_response(s, timeout=5)
            if response is None or response.status >= 500 or response.status < 400:
                return f"answer to a slow body: {response and response.status}"
        closed = closed_within(sockets, IDLE + 4)
        for s in sockets:
            s.close()
        return None if closed == count else f"{count - closed} of {count} slow-body connections still open after {IDLE + 4} s"

    def slow_readers(count=200):
        before = run.server.rss_mb()
        sockets = []
        for _ in range(count):
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET /sitemap.xml HTTP/1.1\r\nHost: x\r\n\r\n" * 20)  # and never read
            sockets.append(s)
        time.sleep(2)
        problem = run.alive()
        grown = run.server.rss_mb() - before
        for s in sockets:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
        if problem:
            return problem
        return None if grown < 200 else f"RSS grew {grown:.0f} MB with {count} clients not reading"

    run.case("slowloris: 200 request heads trickled a byte a second", slowloris)
    run.case("300 idle keep-alive connections are closed after the idle timeout", idle_keep_alive)
    run.case("50 stalled bodies", slow_body)
    run.case("50 bodies trickled a byte a second", trickled_body)
    run.case("200 clients that never read their answers", slow_readers)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.environ.get("VERSUS_BIN") or str(ROOT / ".build/release/versus"))
    args = parser.parse_args()
    server = Server(args.bin)
    print(f"hostile: versus serve (pid {server.process.pid}) on port {server.port}, idle timeout {IDLE} s, RSS {server.rss_mb():.0f} MB",
          flush=True)
    run = Run(server)
    started = time.time()
    try:
        for group in (request_line_attacks, malformed_http, methods_and_headers, huge_requests, slow_clients):
            before = run.passed + len(run.failures)
            group(run)
            print(f"hostile: {group.__name__}: {run.passed + len(run.failures) - before} cases", flush=True)
        run.case("the server still serves a comparison", lambda: expect_status(get(server.port, "/compare/registered-nurse-vs-coo"), 200))
        rss = server.rss_mb()
        run.case(f"RSS at the end under 300 MB ({rss:.0f} MB)", lambda: None if rss < 300 else f"{rss:.0f} MB")
    finally:
        server.stop()
    print(f"hostile: {run.passed} passed, {len(run.failures)} failed (real server, {time.time() - started:.0f} s)")
    sys.exit(1 if run.failures else 0)


if __name__ == "__main__":
    main()
