"""Every link a page shows must answer (issue 21, item 9): from the hub, the seed comparison, a typed pair and an
occupation page, every same-site link is followed two clicks deep against the real `versus serve`, and any 4xx or
5xx fails the test with the page that showed the link."""

from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from urllib.error import HTTPError
from urllib.parse import urljoin, urlparse
from urllib.request import Request, urlopen

STARTS = [
    "/",
    "/compare/operations-manager-vs-coo",
    "/compare?a=paralegal&b=lawyer",
    "/occupations/29-2061.00",
    "/compare?a=rn&b=lpn&c=cna&d=medical+assistant",
]
DEPTH = 2


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def fetch(url: str) -> tuple[int, str, str]:
    """Status, final URL (after redirects) and body of a GET."""
    try:
        with urlopen(Request(url, headers={"Accept-Encoding": "identity"}), timeout=30) as response:
            body = response.read().decode("utf-8", "replace") if "html" in response.headers.get("Content-Type", "") else ""
            return response.status, response.geturl(), body
    except HTTPError as error:
        return error.code, url, ""


def test_every_link_two_clicks_deep_answers(server):
    origin = urlparse(server).netloc
    seen: dict[str, str] = {}  # URL -> the page that showed it
    frontier = [(server + start, "(start)") for start in STARTS]
    failures: list[str] = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        for depth in range(DEPTH + 1):
            batch = [(url, referrer) for url, referrer in frontier if url not in seen]
            for url, referrer in batch:
                seen[url] = referrer
            results = list(pool.map(lambda item: fetch(item[0]), batch))
            frontier = []
            for (url, referrer), (status, final, body) in zip(batch, results):
                if status >= 400:
                    failures.append(f"{status} {url} (linked from {referrer})")
                    continue
                if depth == DEPTH or not body:
                    continue
                parser = Links()
                parser.feed(body)
                for href in parser.hrefs:
                    target = urljoin(final, href).split("#")[0]
                    if urlparse(target).netloc == origin and target not in seen:
                        frontier.append((target, url))
    assert len(seen) > 500, f"the crawl reached only {len(seen)} pages"
    assert not failures, f"{len(failures)} links fail:\n" + "\n".join(failures[:30])
