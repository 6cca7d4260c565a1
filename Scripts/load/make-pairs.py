#!/usr/bin/env python3
"""Writes N distinct typed pairs as comparison paths, one `/compare/{slugA}-vs-{slugB}` a line, for
Scripts/load/pairs.lua. Titles are the ones people type: the title-search eval queries (when the shared eval file is
there) and O*NET's alternate titles. A slug is the title's lowercase ASCII words joined by hyphens (of the words
outside its brackets, when it has both).

Usage: make-pairs.py N OUT [--seed S]
"""
import argparse
import gzip
import random
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "data" / "eval" / "title-queries.tsv"
ALTERNATES = ROOT / "Data" / "onet" / "30.1" / "Alternate Titles.txt.gz"


def slug(title: str) -> str:
    # A title in two forms, "Search Engine Optimizer (SEO)", is addressed by one of them, as the site's own
    # addresses are (VersusService.addressTitle): all its words in one run can read as no title at all.
    outside = re.sub(r"\([^)]*\)", " ", title).strip()
    if outside:
        title = outside
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def titles() -> list[str]:
    found: list[str] = []
    if EVAL.is_file():
        for line in EVAL.read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip():
                found.append(line.split("\t")[0])
    with gzip.open(ALTERNATES, "rt", encoding="utf-8") as file:
        next(file)
        for line in file:
            fields = line.rstrip("\n").split("\t")
            if len(fields) > 1:
                found.append(fields[1])
    slugs, seen = [], set()
    for title in found:
        s = slug(title)
        # "vs" would split the pair in the wrong place; very long titles are not what people type.
        if s and s not in seen and "vs" not in s.split("-") and len(s) <= 60:
            seen.add(s)
            slugs.append(s)
    return slugs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    pool = titles()
    rng = random.Random(args.seed)
    pairs: list[str] = []
    seen: set[tuple[str, str]] = set()
    while len(pairs) < args.count:
        a, b = rng.sample(pool, 2)
        if (a, b) in seen:
            continue
        seen.add((a, b))
        pairs.append(f"/compare/{a}-vs-{b}")
    args.out.write_text("\n".join(pairs) + "\n", encoding="ascii")


if __name__ == "__main__":
    main()
