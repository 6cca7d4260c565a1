#!/usr/bin/env python3
"""Blind judging of title-search misses: is the set's label a better coding than search's first answer, or not?

An evaluation set's labels can be wrong (the H-2B codes are the Department of Labor's, chosen case by case for a wage),
so "top-1 below target" may mean search is wrong or the label is. This script lets people (or helper sessions) who do
not know which answer came from where decide, for every miss of a `versus eval titles` run:

    Scripts/judge-misses.py blind EVAL_OUTPUT --database DB --out DIR [--seed N] [--parts 2]
        Reads the misses of EVAL_OUTPUT (what `versus eval titles FILE` prints), and writes DIR/judge-1.md ... one
        part per judge, each miss as its title and two SOC 2018 occupations, the label's and search's first answer,
        in a random order with their SOC definitions; DIR/key.json remembers which is which. DB is a Versus database
        (for the SOC titles and definitions): the one `versus` builds in $XDG_CACHE_HOME/versus will do.

    Scripts/judge-misses.py score DIR/VERDICTS.tsv... [--table FILE]
        Reads the judges' verdicts, one line per miss, `number<TAB>verdict<TAB>reason`, where the verdict is A, B,
        both (equally defensible; the title does not decide) or neither. The files of one directory, beside the
        key.json that blinding wrote there, are one judge's pass over all the misses (a second pass is blinded
        again, with another seed, into another directory). Counts, per judge and where judges agree, how often
        the label is the better coding, search's answer is, both are, or neither is; with --table, writes every
        miss with its verdicts as a TSV.

The brief given to each judge (a helper session with no access to the repository, the data or the eval output):
"You are an experienced occupational coder (US SOC 2018). For each entry decide which occupation a careful, trained
coder would assign to a posting with exactly that title, using only the title itself: A, B, both, or neither. Use
only your own knowledge of the SOC; do not try to guess where the options came from."
"""
import argparse
import collections
import json
import random
import re
import sqlite3
import sys
from pathlib import Path

MISS = re.compile(r'- "(.*)" expects ([0-9X\- ]+);')
FIRST = re.compile(r'\s+1\. (\d\d-\d\d\d\d)(?:\.\d\d)? (.*?)\s+([0-9.]+)\s+matched "(.*)"')


def read_misses(path):
    """Each miss of an eval run: its query, the accepted codes, and search's first answer (SOC code, score)."""
    text = Path(path).read_text()
    if "\nmisses (first result not accepted):\n" not in text:
        sys.exit(f"{path}: no misses section; is it the output of `versus eval titles`?")
    section = text.split("\nmisses (first result not accepted):\n", 1)[1]
    misses = []
    for line in section.split("\n"):
        if line.startswith("confident and wrong:") or line.startswith("job titles not understood"):
            break
        if match := MISS.match(line):
            misses.append({"query": match.group(1), "accepted": match.group(2).split(), "first": None, "score": None})
        elif (match := FIRST.match(line)) and misses and misses[-1]["first"] is None:
            misses[-1]["first"], misses[-1]["score"] = match.group(1), float(match.group(3))
    return [miss for miss in misses if miss["first"]]


def blind(args):
    soc = {code: (title, definition or "") for code, title, definition in
           sqlite3.connect(f"file:{args.database}?mode=ro", uri=True).execute(
               "SELECT code, title, definition FROM soc_definition")}
    rng = random.Random(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    key = []
    for number, miss in enumerate(read_misses(args.eval_output), start=1):
        options = [["label", miss["accepted"][0]], ["search", miss["first"]]]
        rng.shuffle(options)
        key.append({"number": number, **miss, "options": options})
    (out / "key.json").write_text(json.dumps(key, indent=1))
    for part in range(args.parts):
        with open(out / f"judge-{part + 1}.md", "w") as file:
            for entry in key[part::args.parts]:
                file.write(f'## {entry["number"]}. "{entry["query"]}"\n')
                for letter, (_, code) in zip("AB", entry["options"]):
                    title, definition = soc.get(code, ("(not a SOC 2018 code)", ""))
                    file.write(f"- {letter}: {code} {title} — {definition[:260]}\n")
                file.write("\n")
    print(f"{len(key)} misses in {args.parts} parts under {out}")


def score(args):
    # A pass is one judging of every miss: the verdict files of one directory, beside the key.json their blinding wrote.
    passes = collections.defaultdict(dict)
    keys = {}
    for path in map(Path, args.verdicts):
        key = keys.setdefault(path.parent, {e["number"]: e for e in json.loads((path.parent / "key.json").read_text())})
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            fields = line.split("\t")
            if len(fields) < 2 or not fields[0].strip().isdigit():
                sys.exit(f"{path}:{number}: expected `number<TAB>verdict<TAB>reason`, got {line!r}")
            entry, verdict = int(fields[0]), fields[1].strip()
            if entry not in key or verdict not in ("A", "B", "both", "neither"):
                sys.exit(f"{path}:{number}: unknown miss {entry} or verdict {verdict!r}")
            passes[path.parent][entry] = key[entry]["options"]["AB".index(verdict)][0] + " better" if verdict in "AB" else verdict
    key = next(iter(keys.values()))
    if any([(e["query"], e["first"]) for e in k.values()] != [(e["query"], e["first"]) for e in key.values()] for k in keys.values()):
        sys.exit("the passes judged different misses: blind every pass from the same eval output")
    passes = list(passes.values())
    for index, verdicts in enumerate(passes, start=1):
        missing = len(key) - len(verdicts)
        print(f"judge {index}: " + ", ".join(f"{k} {v}" for k, v in collections.Counter(verdicts.values()).most_common())
              + (f" ({missing} not judged)" if missing else ""))
    if len(passes) > 1:
        agreed = collections.Counter(passes[0][n] for n in key if all(p.get(n) == passes[0].get(n) for p in passes))
        print(f"all judges agree on {sum(agreed.values())} of {len(key)}: "
              + ", ".join(f"{k} {v}" for k, v in agreed.most_common()))
    if args.table:
        with open(args.table, "w") as file:
            file.write("query\taccepted\tsearch_first\tscore\t" + "\t".join(f"judge_{i}" for i in range(1, len(passes) + 1)) + "\n")
            for number, entry in sorted(key.items()):
                file.write(f'{entry["query"]}\t{" ".join(entry["accepted"])}\t{entry["first"]}\t{entry["score"]:.2f}\t'
                           + "\t".join(p.get(number, "-") for p in passes) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    blind_parser = commands.add_parser("blind")
    blind_parser.add_argument("eval_output")
    blind_parser.add_argument("--database", required=True)
    blind_parser.add_argument("--out", required=True)
    blind_parser.add_argument("--seed", type=int, default=1)
    blind_parser.add_argument("--parts", type=int, default=2)
    score_parser = commands.add_parser("score")
    score_parser.add_argument("verdicts", nargs="+")
    score_parser.add_argument("--table")
    args = parser.parse_args()
    blind(args) if args.command == "blind" else score(args)


if __name__ == "__main__":
    main()
