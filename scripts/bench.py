"""Benchmark the engine on a synthetic desk: load and compare N claims.

    python scripts/bench.py [--claims 100000] [--sources 100]

Prints the time PyYAML's C loader needs just to parse the claims files (the yardstick),
the time to load and validate the project, the time to compare it, and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import yaml

import reconcile

COUNTRIES = [
    "russia",
    "belarus",
    "armenia",
    "kazakhstan",
    "kyrgyzstan",
    "tajikistan",
    "uzbekistan",
    "azerbaijan",
    "georgia",
]
ARABIC = {
    "russia": "روسيا",
    "belarus": "بيلاروسيا",
    "armenia": "أرمينيا",
    "kazakhstan": "كازاخستان",
    "kyrgyzstan": "قرغيزستان",
    "tajikistan": "طاجيكستان",
    "uzbekistan": "أوزبكستان",
    "azerbaijan": "أذربيجان",
    "georgia": "جورجيا",
}
CONFIG = """\
title: Synthetic desk
language: ar
entities:
  country:
{countries}
topics:
  events:
    properties:
      happened: {{type: date, subject: country}}
      troops: {{type: number, subject: country}}
      members: {{type: entities, kind: country}}
      status: {{type: choice, choices: [member, withdrawn], subject: country, temporal: true}}
"""


def build(root: Path, claims: int, sources: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    countries = "\n".join(
        f"    {c}: {{label: {c.title()}, aliases: [{ARABIC[c]}]}}" for c in COUNTRIES
    )
    (root / "reconcile.yaml").write_text(CONFIG.format(countries=countries), encoding="utf-8")
    (root / "sources").mkdir()
    (root / "claims").mkdir()
    per_source = claims // sources
    for s in range(sources):
        sentences = []
        items = []
        for i in range(per_source):
            country = rng.choice(COUNTRIES)
            name = rng.choice([country, ARABIC[country], "و" + ARABIC[country]])
            year = rng.randint(1990, 2025)
            sentence = f"في عام {year} ذكر المصدر {s} الخبر رقم {i} عن {ARABIC[country]}."
            sentences.append(sentence)
            kind = i % 4
            topic_line = f'- topic: events\n  quote: "{sentence[:-1]}"\n'
            if kind == 0:
                items.append(
                    f"{topic_line}  property: happened\n  subject: {name}\n  value: {year}\n"
                )
            elif kind == 1:
                items.append(
                    f"{topic_line}  property: troops\n  subject: {name}\n"
                    f"  value: {rng.choice([1000, 2000, 4000])}\n"
                )
            elif kind == 2:
                members = rng.sample(COUNTRIES, 6)
                items.append(f"{topic_line}  property: members\n  value: [{', '.join(members)}]\n")
            else:
                items.append(
                    f"{topic_line}  property: status\n  subject: {name}\n"
                    f"  value: {rng.choice(['member', 'withdrawn'])}\n  as_of: {year}\n"
                )
        (root / "sources" / f"s{s}.md").write_text(
            f"---\ntitle: Source {s}\npublished: 2024\n---\n" + "\n".join(sentences) + "\n",
            encoding="utf-8",
        )
        (root / "claims" / f"s{s}.yaml").write_text("".join(items), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build(root, args.claims, args.sources)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        start = time.perf_counter()
        for path in sorted((root / "claims").glob("*.yaml")):
            yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        parse = time.perf_counter() - start
        start = time.perf_counter()
        project = reconcile.load_project(root)
        load = time.perf_counter() - start
        start = time.perf_counter()
        report = reconcile.compare(project)
        compared = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"claims: {len(project.claims):,} in {len(project.sources)} sources, "
            f"{len(report.groups):,} groups, {len(report.problems):,} problems"
        )
        print(f"PyYAML C loader, parse only: {parse:6.2f} s")
        print(f"load and validate:           {load:6.2f} s  ({load / parse:.1f}x the parse)")
        print(f"compare:                     {compared:6.2f} s")
        print(
            f"load + compare:              {load + compared:6.2f} s  "
            f"({(load + compared) / parse:.1f}x the parse)"
        )
        print(f"peak memory:                 {peak:6.0f} MiB")


if __name__ == "__main__":
    main()
