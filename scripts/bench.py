"""Benchmark `reconcile check` on synthetic desks, against the time PyYAML needs to parse them.

    python scripts/bench.py [--claims 100000] [--sources 100] [--generator PATH] [--repeat 3]
                            [--scale]

Two shapes. This script's own is a desk: every source states each fact once, so that a group
holds one claim per source (about `--sources` claims) and the number of subjects grows with the
claims. Four properties (a date, a number, a list of entities, a temporal choice) of places: the
nine countries first, then generated Arabic-script place names with an alias each, as many as
needed (about claims / sources / 3); values random among a few choices; short Arabic quotes
that carry their value the way an article does (the year, the number, the names, the status
word), except 2 % that do not, so that `value-not-in-quote` is exercised without flooding the
run. (The earlier shape had nine countries only: one source stated one fact 250 times, and its
list group held a quarter of all claims, whose contradicting pairs, which SPEC §7 lists every one
of, grew with the square of the claims: hundreds of millions at 100,000.) With `--generator`,
also the project `gen_project.py --sources 200 --claims-per-source N` writes (groups of all seven
types, fuzzy names, ~90-character quotes), measured as it is.

For each it measures, in the same run and on the same machine, the parse floor (PyYAML's C
loader parsing every claims file, in this process) and then, each in a fresh process, `check` as
text and as JSON with no cache, `check` filling an empty cache, `check` with a warm cache and
`check` after one claims file changed. Each figure is the best of `--repeat` runs, as CPU time
(user + system) and as wall time, with the ratio to the parse floor's; peak memory is the
process's. The machine may be busy: CPU-time ratios are the ones to read. `--scale` also checks
ten times as many claims (1,000,000 by default) in ten times as many sources of the same size,
to show that time grows linearly and memory stays bounded. (Ten times the claims in each source
instead would measure something else: every quote is looked for in its source, so a source of
10,000 quoted sentences costs ten times more per quote.)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

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
  place:
{places}
topics:
  events:
    properties:
      happened: {{type: date, subject: place}}
      troops: {{type: number, subject: place}}
      members: {{type: entities, kind: place}}
      status: {{type: choice, choices: [member, withdrawn], subject: place, temporal: true}}
"""
#: Syllables of the generated place names: three of them give 1,728 names, four 20,736.
SYLLABLES = ["بر", "كا", "سا", "مي", "لو", "نا", "ري", "تا", "دو", "فا", "زي", "حو"]
STATUS_WORDS = {"member": "عضوا", "withdrawn": "منسحبة"}
#: The share of quotes that do not carry their claim's value.
UNMENTIONED = 0.02


def places(count: int) -> list[tuple[str, str, str]]:
    """`count` places as (id, label, Arabic alias): the nine countries, then generated names."""
    found = [(c, c.title(), ARABIC[c]) for c in COUNTRIES]
    width = 3
    while len(SYLLABLES) ** width < count:
        width += 1
    n = 0
    while len(found) < count:
        digits, rest = [], n
        for _ in range(width):
            rest, digit = divmod(rest, len(SYLLABLES))
            digits.append(SYLLABLES[digit])
        name = "".join(digits)
        found.append((f"p{n}", name, "آل" + name))
        n += 1
    return found[:count]


def code(number: int) -> str:
    """`number` in letters, so that no digit of a quote but its value's can be found."""
    letters = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        letters.append(SYLLABLES[digit])
        if not number:
            return "".join(letters)


def build(root: Path, claims: int, sources: int, seed: int = 1) -> None:
    """A desk of `claims` claims in `sources` sources: each source states each fact once."""
    rng = random.Random(seed)
    per_source = claims // sources
    subjects = places(max(len(COUNTRIES), -(-(per_source - 1) // 3)))
    listing = "\n".join(
        f"    {id_}: {{label: {label}, aliases: [{alias}]}}" for id_, label, alias in subjects
    )
    (root / "reconcile.yaml").write_text(CONFIG.format(places=listing), encoding="utf-8")
    (root / "sources").mkdir()
    (root / "claims").mkdir()
    for s in range(sources):
        sentences: list[str] = []
        items: list[str] = []
        for i in range(per_source):
            sentence, item = _claim(rng, i, s, subjects)
            sentences.append(sentence)
            items.append(f'- topic: events\n  quote: "{sentence[:-1]}"\n{item}')
        (root / "sources" / f"s{s}.md").write_text(
            f"---\ntitle: Source {s}\npublished: 2024\n---\n" + "\n".join(sentences) + "\n",
            encoding="utf-8",
        )
        (root / "claims" / f"s{s}.yaml").write_text("".join(items), encoding="utf-8")


def _claim(
    rng: random.Random, i: int, s: int, subjects: list[tuple[str, str, str]]
) -> tuple[str, str]:
    """The sentence of claim `i` of source `s` and its claim's fields: claim 0 lists the
    members, then claims go through the properties of each subject in turn."""
    carried = rng.random() >= UNMENTIONED
    opening = f"ذكر المصدر {code(s)} في الخبر {code(i)}"
    if i == 0:
        members = rng.sample(COUNTRIES, 6)
        named = "، ".join(ARABIC[m] for m in members) if carried else "ست دول"
        return (
            f"{opening} أن الأعضاء هم {named}.",
            f"  property: members\n  value: [{', '.join(members)}]\n",
        )
    place_id, label, alias = subjects[(i - 1) // 3]
    kind = (i - 1) % 3
    arabic = ARABIC.get(place_id, alias)
    name = rng.choice([place_id, arabic, "و" + arabic] if place_id in ARABIC else [label, alias])
    year = rng.choice([2014, 2015, 2016])
    if kind == 0:
        told = f"أن الحدث وقع في {arabic} عام {year if carried else 'مضى'}"
        return f"{opening} {told}.", f"  property: happened\n  subject: {name}\n  value: {year}\n"
    if kind == 1:
        troops = rng.choice([1000, 2000, 4000])
        told = f"أن {troops if carried else 'آلاف'} جندي انتشروا في {arabic}"
        return f"{opening} {told}.", f"  property: troops\n  subject: {name}\n  value: {troops}\n"
    status = rng.choice(["member", "withdrawn"])
    as_of = rng.randint(1990, 2025)
    told = f"أن {arabic} كانت {STATUS_WORDS[status]} عام {as_of}"
    return (
        f"{opening} {told}.",
        f"  property: status\n  subject: {name}\n  value: {status}\n  as_of: {as_of}\n",
    )


#: Runs one command in a child and reports its own CPU time, wall time and peak memory. The peak
#: is the process's own (VmHWM): Linux's ru_maxrss of a child starts at its parent's size when it
#: was started, and this parent holds every output.
CHILD = """
import json, resource, sys, time
start = time.perf_counter()
sys.argv = ["reconcile", *sys.argv[1:]]
from reconcile.cli import main
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
use = resource.getrusage(resource.RUSAGE_SELF)
peak = use.ru_maxrss / 1024
try:
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    pass
sys.stderr.write(json.dumps([use.ru_utime + use.ru_stime, time.perf_counter() - start,
                             peak]) + "\\n")
"""


#: Each check runs as an installed program does, its modules' bytecode kept between runs:
#: where PYTHONDONTWRITEBYTECODE is set, every run would compile every module again.
CHILD_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def parse_floor(root: Path) -> tuple[float, float]:
    """CPU and wall seconds PyYAML's C loader takes to parse every claims file of `root`."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    cpu, wall = _cpu(), time.perf_counter()
    for path in sorted((root / "claims").glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return _cpu() - cpu, time.perf_counter() - wall


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def run_check(root: Path, *args: str) -> tuple[float, float, float, bytes]:
    """CPU seconds, wall seconds and peak MiB of one `reconcile check`, and its output."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "check", "--project", str(root), *args],
        capture_output=True,
        check=False,
        env=CHILD_ENVIRONMENT,
    )
    lines = done.stderr.decode().strip().splitlines()
    if not lines or not lines[-1].startswith("["):
        raise SystemExit(f"check {' '.join(args)} failed: {done.stderr.decode()[-2000:]}")
    cpu, wall, peak = json.loads(lines[-1])
    return cpu, wall, peak, done.stdout


def edit_one_file(root: Path, round_: int) -> None:
    """Change one claims file the way an editor would: one number claim's value corrected, and
    a comment line added."""
    path = sorted((root / "claims").glob("*.yaml"))[round_]
    text = path.read_text(encoding="utf-8")
    number = re.search(r"^  value: (\d+)$", text, flags=re.MULTILINE)
    if number is not None:
        corrected = f"  value: {int(number.group(1)) + 1}"
        text = text[: number.start()] + corrected + text[number.end() :]
    path.write_text(text + f"# checked again ({round_})\n", encoding="utf-8")


def best(runs: list[tuple[float, float, float, bytes]]) -> tuple[float, float, float]:
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


def measure(label: str, root: Path, repeat: int) -> None:
    """Print the parse floor and every kind of check of the project in `root`."""
    floors = [parse_floor(root) for _ in range(repeat)]
    floor_cpu, floor_wall = min(f[0] for f in floors), min(f[1] for f in floors)
    claims = sum(1 for _ in (root / "claims").glob("*.yaml"))
    print(f"\n{label}: {claims} claims files")
    print(
        f"  {'parse floor (PyYAML C loader)':34} CPU {floor_cpu:6.2f} s   wall {floor_wall:6.2f} s"
    )
    cache = root / ".reconcile"
    outputs: dict[str, bytes] = {}
    rows: list[tuple[str, list[tuple[float, float, float, bytes]], str]] = []
    text = [run_check(root, "--no-cache") for _ in range(repeat)]
    rows.append(("check, text, no cache", text, "target 1.8x"))
    json_runs = [run_check(root, "--no-cache", "--format", "json") for _ in range(repeat)]
    rows.append(("check --format json, no cache", json_runs, "target 2.0x"))
    filling = []
    for _ in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        filling.append(run_check(root))
    rows.append(("check, filling an empty cache", filling, ""))
    warm = [run_check(root) for _ in range(repeat)]
    rows.append(("check, warm cache", warm, ""))
    edited = []
    for round_ in range(repeat):
        edit_one_file(root, round_)
        edited.append(run_check(root))
    rows.append(("check after one file changed", edited, "target 0.5x"))
    fresh = run_check(root, "--no-cache")[3]
    outputs = {"no cache": text[0][3], "filled": filling[0][3], "warm": warm[0][3]}
    for name, (cpu, wall, peak), note in ((n, best(r), t) for n, r, t in rows):
        print(
            f"  {name:34} CPU {cpu:6.2f} s ({cpu / floor_cpu:4.2f}x)   wall {wall:6.2f} s "
            f"({wall / floor_wall:4.2f}x)   peak {peak:5.0f} MiB  {note}"
        )
    same = len(set(outputs.values())) == 1 and edited[-1][3] == fresh
    print(f"  outputs identical with and without the cache: {'yes' if same else 'NO'}")
    print(
        "  JSON peak memory / text peak memory: "
        f"{best(json_runs)[2] / best(text)[2]:.2f} (target 1.3)"
    )


def scale(label: str, small: Path, large: Path) -> None:
    """Print how time and memory grow from `small` to `large` (ten times the claims)."""
    a, b = run_check(small, "--no-cache"), run_check(large, "--no-cache")
    print(
        f"\n{label}, ten times the claims: CPU {a[0]:.1f} s -> {b[0]:.1f} s "
        f"(x{b[0] / a[0]:.1f}), peak {a[2]:.0f} -> {b[2]:.0f} MiB (target 3 GiB)"
    )


def generate(generator: Path, root: Path, per_source: int, sources: int = 200) -> None:
    subprocess.run(
        [
            sys.executable,
            str(generator),
            str(root),
            "--sources",
            str(sources),
            "--claims-per-source",
            str(per_source),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--generator", type=Path, help="gen_project.py, for the second shape")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", action="store_true", help="also check ten times the claims")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "desk"
        root.mkdir()
        build(root, args.claims, args.sources)
        measure(
            f"bench.py's shape, {args.claims:,} claims in {args.sources} sources", root, args.repeat
        )
        if args.scale:
            large = Path(folder) / "large"
            large.mkdir()
            build(large, args.claims * 10, args.sources * 10)
            scale("bench.py's shape", root, large)
            shutil.rmtree(large)
        if args.generator:
            generated = Path(folder) / "generated"
            per_source = args.claims // 200
            generate(args.generator, generated, per_source)
            measure(
                f"gen_project.py's shape, {per_source * 200:,} claims in 200 sources",
                generated,
                args.repeat,
            )
            if args.scale:
                large = Path(folder) / "generated-large"
                generate(args.generator, large, per_source, sources=2000)
                scale("gen_project.py's shape", generated, large)


if __name__ == "__main__":
    main()
