"""`versus export --out DIR`: every internal link of every exported page resolves to a file in the export, and
the export served by a plain static server (python3 -m http.server) answers a few pages."""

import subprocess
import sys
import time
import urllib.request
import warnings
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import free_port, stop, wait_for

# Form targets and live-only endpoints a static export cannot answer (they are what the forms submit to).
LIVE_ONLY = ("/search", "/api/search", "/api/suggest")
LINK_ATTRIBUTES = {"href", "src", "srcset", "poster", "data"}


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if value is None or name not in LINK_ATTRIBUTES:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, name, candidate.split()[0]))
            else:
                self.links.append((tag, name, value))

    handle_startendtag = handle_starttag


def page_url(root: Path, file: Path) -> str:
    """The URL path a static server gives a file: `compare/x/index.html` is `/compare/x/`."""
    relative = file.relative_to(root).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def resolve(root: Path, path: str) -> Path | None:
    """The file a static server answers for a URL path: `/x/` → x/index.html, `/x` → x or x/index.html."""
    parts = PurePosixPath(unquote(path)).parts[1:]
    if ".." in parts:
        return None
    target = root.joinpath(*parts)
    candidates = [target / "index.html"] if path.endswith("/") else [target, target / "index.html"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def export(versus_bin, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "site"
    started = time.monotonic()
    result = subprocess.run([str(versus_bin), "export", "--out", str(out)],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - started
    assert result.returncode == 0, f"versus export failed ({result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    print(f"\nversus export: {seconds:.1f} s, {sum(1 for _ in out.rglob('*') if _.is_file())} files")
    return out


def test_export_writes_the_site(export):
    for name in ("index.html", "occupations/index.html", "assets/site.css",
                 "compare/operations-manager-vs-coo/index.html",
                 "compare/demand-planner-vs-production-planner/index.html",
                 "compare/event-producer-vs-event-coordinator/index.html",
                 "occupations/11-1011.00/index.html"):
        assert (export / name).is_file(), f"the export has no {name}"


def test_every_internal_link_resolves(export):
    pages = sorted(export.rglob("*.html"))
    assert len(pages) > 100, f"only {len(pages)} pages exported"
    parsed: dict[Path, Links] = {}
    for page in pages:
        links = Links()
        links.feed(page.read_text(encoding="utf-8"))
        parsed[page] = links

    broken: list[str] = []
    checked = ignored = fragments = 0
    live_links: dict[str, list[str]] = {}
    for page, links in parsed.items():
        here = page_url(export, page)
        for tag, attribute, value in links.links:
            value = value.strip()
            if not value or value.startswith(("mailto:", "tel:", "data:", "javascript:")):
                ignored += 1
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:  # external (or absolute to the --base-url host)
                ignored += 1
                continue
            if not parts.path:  # "#id" or "?q": this page
                if parts.fragment and parts.fragment not in links.ids:
                    broken.append(f"{here}: <{tag} {attribute}={value!r}>: no id {parts.fragment!r} on the page")
                fragments += 1
                continue
            path = urljoin(here, parts.path)
            if path in LIVE_ONLY or (path == "/compare" and parts.query):
                ignored += 1
                if tag == "a":  # a link (not a form) that only a live server answers
                    live_links.setdefault(path, []).append(f"{here}: {value}")
                continue
            target = resolve(export, path)
            checked += 1
            if target is None:
                broken.append(f"{here}: <{tag} {attribute}={value!r}> → {path}: no such file in the export")
            elif parts.fragment and target in parsed and parts.fragment not in parsed[target].ids:
                broken.append(f"{here}: <{tag} {attribute}={value!r}>: {path} has no id {parts.fragment!r}")
    print(f"\n{len(pages)} pages, {checked} internal links checked, {fragments} fragment links, "
          f"{ignored} external or live-only ignored, {len(broken)} broken")
    for path, where in live_links.items():
        warnings.warn(f"{len(where)} <a href> links to {path}?… that only a live server answers "
                      f"(a static host has no {path}), e.g. {where[0]}")
    assert not broken, f"{len(broken)} broken links, the first:\n" + "\n".join(broken[:40])


def test_static_server_answers(export):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(export)],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", timeout=20, process=server)
        for path, expected in [
            ("/", b"form"),
            ("/compare/operations-manager-vs-coo/", b"Operations Manager vs. COO"),
            ("/compare/operations-manager-vs-coo", b"Operations Manager vs. COO"),  # redirects to the folder
            ("/occupations/11-1011.00/", b"Chief Executives"),
            ("/occupations/", b"<h1"),
            ("/assets/site.css", b"{"),
        ]:
            with urllib.request.urlopen(base + path, timeout=10) as response:
                body = response.read()
                assert response.status == 200, f"{path}: {response.status}"
                assert expected in body, f"{path}: no {expected!r} in the page"
    finally:
        stop(server, timeout=5)
