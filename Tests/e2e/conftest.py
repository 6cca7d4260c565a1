"""Fixtures for the end-to-end tests: the versus binary, a real `versus serve` on a free loopback port, headless
Chromium driven through Debian's chromedriver, and the artifacts folder.

Environment:
  VERSUS_BIN     the versus binary to test; by default `swift build -c release --product versus` is run and
                 .build/release/versus is used.
  E2E_ARTIFACTS  where screenshots, axe reports and the server's log go (default Tests/e2e/artifacts/).
  CHROMIUM, CHROMEDRIVER  the browser and its driver (default /usr/bin/chromium, /usr/bin/chromedriver).
Nothing is downloaded at run time: Selenium is given the driver's path, so Selenium Manager never runs.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Selenium Manager must never fetch a driver or a browser.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float, process: subprocess.Popen | None = None) -> None:
    """Polls `url` until it answers 200; fails early if `process` exits."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
                last = f"status {response.status}"
        except (urllib.error.URLError, ConnectionError, OSError) as error:
            last = error
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer 200 within {timeout:.0f} s (last: {last})")


def stop(process: subprocess.Popen, timeout: float = 15) -> int:
    """SIGTERM, then SIGKILL if it has not exited within `timeout`."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = Path(os.environ.get("E2E_ARTIFACTS") or ROOT / "Tests" / "e2e" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def versus_bin() -> Path:
    given = os.environ.get("VERSUS_BIN")
    if given:
        path = Path(given).resolve()
        assert path.is_file() and os.access(path, os.X_OK), f"VERSUS_BIN={given} is not an executable file"
        return path
    subprocess.run(["swift", "build", "-c", "release", "--product", "versus"], cwd=ROOT, check=True)
    return ROOT / ".build" / "release" / "versus"


@pytest.fixture(scope="session")
def server(versus_bin: Path, artifacts: Path):
    """A real `versus serve` on a free loopback port; yields its base URL ("http://127.0.0.1:PORT").
    The first start may build the database (tens of seconds), so the wait for /healthz is generous."""
    port = free_port()
    log = open(artifacts / "versus-serve.log", "wb")
    process = subprocess.Popen(
        [str(versus_bin), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz", timeout=float(os.environ.get("E2E_START_TIMEOUT", "600")), process=process)
    except BaseException:
        stop(process)
        log.close()
        print((artifacts / "versus-serve.log").read_text(errors="replace")[-4000:])
        raise
    yield base
    code = stop(process)
    log.close()
    # A graceful shutdown on SIGTERM exits 0 (or by the signal, if the server does not handle it).
    assert code in (0, -signal.SIGTERM), f"versus serve exited with {code} on SIGTERM"


@pytest.fixture(scope="session")
def driver(artifacts: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"),
                      log_output=str(artifacts / "chromedriver.log"))
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(60)
    browser.set_script_timeout(60)
    yield browser
    browser.quit()
