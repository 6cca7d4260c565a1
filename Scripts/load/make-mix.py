#!/usr/bin/env python3
"""Writes the request mix of Scripts/soak.sh, one path a line in random order, for Scripts/load/pairs.lua (which
cycles through the lines): per 100 requests 5 hub, 20 catalog comparison pages, 20 ad-hoc comparison pages
(/compare/{a}-vs-{b}), 10 /api/compare?a=&b=, 15 occupation pages, 5 /api/occupations, 10 search pages, 5
/api/search, 5 /api/suggest, 3 assets and 2 /healthz.

Catalog comparisons and occupations come from the running server's sitemap; ad-hoc pairs from the titles people type
(Scripts/load/make-pairs.py). A soak fails on any non-2xx/3xx answer, so every ad-hoc pair is checked first through
the API document of the same comparison (/api/comparisons/{slug}, another cache entry than the page and than
/api/compare): the soak's own requests still reach the service uncached the first time. Pairs the site cannot write
about (an unclear title) are dropped, and counted.

Usage: make-mix.py BASE_URL N OUT [--seed S]
"""
import argparse
import random
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from importlib import import_module  # noqa: E402

pairs = import_module("make-pairs")
FIXTURES = Path(__file__).resolve().parents[2] / "Tests" / "VersusStoreTests" / "Fixtures"


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def queries() -> list[str]:
    found = []
    for name in ("title-queries.tsv", "posting-titles.tsv"):
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip():
                found.append(line.split("\t")[0])
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with urllib.request.urlopen(args.base + "/sitemap.xml", timeout=30) as response:
        locs = [urllib.parse.urlparse(loc).path for loc in re.findall(r"<loc>([^<]*)</loc>", response.read().decode())]
    catalog = [path for path in locs if path.startswith("/compare/")]
    occupations = [path.rsplit("/", 1)[1] for path in locs if path.startswith("/occupations/")]
    titles = pairs.titles()
    typed = queries()

    def share(weight: int) -> int:
        return max(1, args.count * weight // 100)

    # Ad-hoc pairs, checked through their API documents; a few more than needed, for the ones dropped.
    candidates = []
    while len(candidates) < int((share(20) + share(10)) * 1.3) + 20:
        a, b = rng.sample(titles, 2)
        candidates.append((a, b))
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda p: status(f"{args.base}/api/comparisons/{p[0]}-vs-{p[1]}"), candidates))
    good = [pair for pair, code in zip(candidates, statuses) if code == 200]
    dropped = len(candidates) - len(good)
    if len(good) < share(20) + share(10):
        raise SystemExit(f"make-mix: only {len(good)} of {len(candidates)} typed pairs answer 200")
    adhoc, api = good[: share(20)], good[share(20): share(20) + share(10)]

    paths = ["/"] * share(5)
    paths += [rng.choice(catalog) for _ in range(share(20))]
    paths += [f"/compare/{a}-vs-{b}" for a, b in adhoc]
    paths += [f"/api/compare?a={urllib.parse.quote(a.replace('-', ' '))}&b={urllib.parse.quote(b.replace('-', ' '))}" for a, b in api]
    paths += [f"/occupations/{rng.choice(occupations)}" for _ in range(share(15))]
    paths += [f"/api/occupations/{rng.choice(occupations)}" for _ in range(share(5))]
    paths += [f"/search?q={urllib.parse.quote_plus(rng.choice(typed))}" for _ in range(share(10))]
    paths += [f"/api/search?q={urllib.parse.quote_plus(rng.choice(typed))}&limit=10" for _ in range(share(5))]
    paths += [f"/api/suggest?q={urllib.parse.quote_plus(q[: rng.randint(2, max(2, len(q)))])}" for q in rng.choices(typed, k=share(5))]
    paths += [rng.choice(["/assets/site.css", "/assets/site.js"]) for _ in range(share(3))]
    paths += ["/healthz"] * share(2)
    rng.shuffle(paths)
    args.out.write_text("\n".join(paths) + "\n", encoding="ascii")
    print(f"mix: {len(paths)} requests, {len(set(paths))} distinct: {len(catalog)} catalog comparisons and {len(occupations)} "
          f"occupations in the sitemap; {len(adhoc) + len(api)} typed pairs ({dropped} of {len(candidates)} dropped as unclear)")


if __name__ == "__main__":
    main()
