#!/usr/bin/env python3
"""SIGTERM drain: `versus serve` under load finishes what is in flight, refuses what comes after, and exits 0.

Starts a real `versus serve`, then at once:
  - 96 uncached comparisons in flight on their own connections (ad-hoc pairs of typed titles with a place, checked
    first through their API documents so that each answers 200, and so that the pages themselves are not cached);
  - 8 clients reading /sitemap.xml a few kilobytes at a time through a small receive window, so that answers are
    still being written when the signal comes;
  - 50 idle keep-alive connections, which must not hold the shutdown up;
and sends SIGTERM while they run. Passes when every request sent before the signal gets a whole 200 (no reset, no
short body), new connections are refused within 2 s of the signal, idle connections are closed, and the process
exits with status 0 within 20 s. Prints the figures and "drain: N passed, M failed" (one check a line).

Usage: Scripts/drain.py [--bin PATH] (default: $VERSUS_BIN, else .build/release/versus)
"""
import argparse
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Scripts" / "load"))
pairs = __import__("make-pairs")
STATES = ["Texas", "California", "New York", "Ohio", "Florida", "Washington", "Georgia", "Illinois"]


def start(binary):
    process = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", "0", "--log-level", "error"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.time() + 900
    while time.time() < deadline:
        line = process.stdout.readline().decode(errors="replace")
        if not line and process.poll() is not None:
            break
        match = re.search(r"Versus is serving at http://[0-9.]+:([0-9]+)", line)
        if match:
            threading.Thread(target=process.stdout.read, daemon=True).start()
            return process, int(match.group(1))
    raise SystemExit(f"drain: versus serve did not start (exit {process.poll()})")


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def read_whole(s, chunk=65536, pause=0.0):
    """Reads one response with Content-Length; returns (status, body bytes, declared length) or raises."""
    data = b""
    while b"\r\n\r\n" not in data:
        part = s.recv(chunk)
        if not part:
            raise ConnectionError(f"closed after {len(data)} bytes of head")
        data += part
    head, body = data.split(b"\r\n\r\n", 1)
    status_code = int(head.split(b"\r\n")[0].split()[1])
    length = int(re.search(rb"(?im)^content-length:\s*(\d+)", head).group(1))
    while len(body) < length:
        if pause:
            time.sleep(pause)
        part = s.recv(chunk)
        if not part:
            raise ConnectionError(f"closed after {len(body)} of {length} body bytes")
        body += part
    return status_code, body, length


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.environ.get("VERSUS_BIN") or str(ROOT / ".build/release/versus"))
    args = parser.parse_args()
    process, port = start(args.bin)
    try:
        run(process, port)
    finally:
        if process.poll() is None:  # a step failed before the signal: leave nothing running
            process.kill()


def run(process, port):
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(21)

    # Pairs that answer 200, checked through their API documents (another cache entry than the pages asked below).
    titles = pairs.titles()
    chosen = []
    with ThreadPoolExecutor(8) as pool:
        while len(chosen) < 96:
            batch = [(a, b, rng.choice(STATES)) for a, b in (rng.sample(titles, 2) for _ in range(40))]
            codes = pool.map(lambda p: status(f"{base}/api/comparisons/{p[0]}-vs-{p[1]}"), batch)
            chosen += [pair for pair, code in zip(batch, codes) if code == 200]
    chosen = chosen[:96]
    sitemap_length = len(urllib.request.urlopen(base + "/sitemap.xml", timeout=30).read())

    results = {}  # name → ("ok" or the reason it is not, when it ended)
    lock = threading.Lock()
    written = threading.Semaphore(0)  # released once per request written
    pause = 1.5 / max(1, sitemap_length // 8192)  # a slow reader takes about 1.5 s over the sitemap

    def comparison(index, a, b, state):
        name = f"comparison {index}"
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            s.sendall(f"GET /compare/{a}-vs-{b}?state={state.replace(' ', '+')} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            written.release()
            code, body, length = read_whole(s)
            outcome = "ok" if code == 200 and len(body) == length and body.rstrip().endswith(b"</html>") else f"status {code}"
            s.close()
        except Exception as error:
            outcome = f"{type(error).__name__}: {error}"
        with lock:
            results[name] = (outcome, time.time())

    def slow_reader(index):
        name = f"slow reader {index}"
        try:
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8192)
            s.settimeout(30)
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET /sitemap.xml HTTP/1.1\r\nHost: x\r\n\r\n")
            written.release()
            code, body, length = read_whole(s, chunk=8192, pause=pause)
            outcome = "ok" if code == 200 and length == sitemap_length == len(body) else f"status {code}, {len(body)} of {length}"
            s.close()
        except Exception as error:
            outcome = f"{type(error).__name__}: {error}"
        with lock:
            results[name] = (outcome, time.time())

    idle = []
    for _ in range(50):
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        read_whole(s)
        idle.append(s)

    threads = [threading.Thread(target=comparison, args=(i, *chosen[i])) for i in range(96)]
    threads += [threading.Thread(target=slow_reader, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for _ in threads:  # every request written, and a moment for the server to accept the last connections
        written.acquire(timeout=30)
    time.sleep(0.05)
    signalled = time.time()
    process.send_signal(signal.SIGTERM)

    # New connections: refused once the listener is closed, within 2 s and from then on.
    refused_after = None
    while time.time() - signalled < 5:
        try:
            probe = socket.create_connection(("127.0.0.1", port), timeout=1)
            probe.close()
            refused_after = None
        except (ConnectionRefusedError, OSError):
            if refused_after is None:
                refused_after = time.time() - signalled
            if time.time() - signalled > 2.5:
                break
        time.sleep(0.05)

    for thread in threads:
        thread.join(60)
    closed_idle = 0
    for s in idle:
        s.settimeout(5)
        try:
            closed_idle += s.recv(1) == b""
        except socket.timeout:
            pass
        except OSError:
            closed_idle += 1
        s.close()
    try:
        code = process.wait(max(1, 20 - (time.time() - signalled)))
    except subprocess.TimeoutExpired:
        process.kill()
        code = None
    exited = time.time() - signalled

    in_flight = sorted(results.items())
    completed = sum(1 for _, (outcome, _) in in_flight if outcome == "ok")
    after = sum(1 for _, (outcome, ended) in in_flight if outcome == "ok" and ended > signalled)
    checks = [
        (f"{completed} of {len(in_flight)} requests sent before SIGTERM answered 200 in whole (96 comparisons, 8 slow readers)",
         completed == len(in_flight) == 104),
        (f"{after} of them still in flight at SIGTERM (answered after it)", after >= 8),
        (f"new connections refused {refused_after:.2f} s after SIGTERM" if refused_after is not None else "new connections still accepted",
         refused_after is not None and refused_after <= 2.0),
        (f"{closed_idle} of {len(idle)} idle keep-alive connections closed by the server", closed_idle == len(idle)),
        (f"exit status {code} after {exited:.1f} s", code == 0 and exited <= 20),
    ]
    for reason in [f"  {name}: {outcome}" for name, (outcome, _) in in_flight if outcome != "ok"][:20]:
        print(reason)
    failed = 0
    for text, ok in checks:
        print(f"drain: {'ok    ' if ok else 'FAILED'} {text}")
        failed += 0 if ok else 1
    print(f"drain: {len(checks) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
