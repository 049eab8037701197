"""How good add-source's suggestions are, measured leave-one-out, and how fast it is.

For each source of the bundled example and of the benchmark projects, the project is copied to
a temporary folder without that source's claims file, suggestions are made for its text from
what the other sources claim, and they are scored against the claims a person typed:

  recall        a person's claim counts as found when a suggestion of the same property comes
                from a sentence that overlaps the claim's quote
  values right  among the claims found, those for which such a suggestion also has the same
                subject and the same canonical value
  per claim     suggestions made per claim the person typed

Then the time of add-source for a 20,000-word article in a project of 10,000 claims (built
synthetically, its claims files in block style as desks write them), with no cache and with
the cache a `check` leaves, and whether the time grows linearly with the article's length;
each run with the cycle collector paused, as the command line runs it.

    python scripts/bench_suggest.py [--json PATH] [--skip-speed] [--only PROJECT]
        [--learn all|values|nothing]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from reconcile.gcpause import cycle_collector_paused
from reconcile.load import load_project
from reconcile.model import Claim, Project
from reconcile.normalise import normalise
from reconcile.precedent import Precedent, precedent_of
from reconcile.suggest import Suggestion, suggest_claims
from reconcile.values import (
    InvalidValue,
    NumberValue,
    PropertyType,
    TextValue,
    parse_date,
    parse_number,
)

ROOT = Path(__file__).resolve().parent.parent
#: The projects the rules were developed on, and those measured only once they were written.
DEVELOPED_ON = {
    "bundled example": ROOT,
    "en-quake": ROOT / "benchmarks/projects/en-quake",
    "ar-derna": ROOT / "benchmarks/projects/ar-derna",
    "ru-newstart": ROOT / "benchmarks/projects/ru-newstart",
    "en-election": ROOT / "benchmarks/projects/en-election",
    "ar-morocco": ROOT / "benchmarks/projects/ar-morocco",
    "en-wildfire": ROOT / "benchmarks/projects/en-wildfire",
    "ar-gulf": ROOT / "benchmarks/projects/ar-gulf",
    "en-grain": ROOT / "benchmarks/projects/en-grain",
    "ar-iraq-vote": ROOT / "benchmarks/projects/ar-iraq-vote",
    "en-otis": ROOT / "benchmarks/projects/en-otis",
    "ar-beijing-deal": ROOT / "benchmarks/projects/ar-beijing-deal",
    "ru-orsk-flood": ROOT / "benchmarks/projects/ru-orsk-flood",
    "en-nordic-nato": ROOT / "benchmarks/projects/en-nordic-nato",
    "ar-beirut-port": ROOT / "benchmarks/projects/ar-beirut-port",
    "ru-listvyazhnaya": ROOT / "benchmarks/projects/ru-listvyazhnaya",
    "en-valencia-floods": ROOT / "benchmarks/projects/en-valencia-floods",
    "en-paris-agreement": ROOT / "benchmarks/projects/en-paris-agreement",
    "ar-egypt-election": ROOT / "benchmarks/projects/ar-egypt-election",
    "ru-crocus": ROOT / "benchmarks/projects/ru-crocus",
    "en-uk-election": ROOT / "benchmarks/projects/en-uk-election",
    "en-uk-count": ROOT / "benchmarks/projects/en-uk-count",
    "ar-jordan-election": ROOT / "benchmarks/projects/ar-jordan-election",
    "ru-sayano": ROOT / "benchmarks/projects/ru-sayano",
    # measured after the ninth round and its later fixes
    "ar-gerd": ROOT / "benchmarks/projects/ar-gerd",
    "ar-lebanon-president": ROOT / "benchmarks/projects/ar-lebanon-president",
    "en-grenfell": ROOT / "benchmarks/projects/en-grenfell",
    "ru-minsk": ROOT / "benchmarks/projects/ru-minsk",
    "ru-kemerovo": ROOT / "benchmarks/projects/ru-kemerovo",
    # measured after a subject's text was read as its title
    "ar-tunisia-election": ROOT / "benchmarks/projects/ar-tunisia-election",
    "ar-ever-given": ROOT / "benchmarks/projects/ar-ever-given",
    "en-fukushima": ROOT / "benchmarks/projects/en-fukushima",
    "en-chile-miners": ROOT / "benchmarks/projects/en-chile-miners",
    "ru-kursk": ROOT / "benchmarks/projects/ru-kursk",
    # measured after ranges, ordinals in words, lists of figures and yearless days
    "ar-hajj-heat": ROOT / "benchmarks/projects/ar-hajj-heat",
    "ar-algeria-election": ROOT / "benchmarks/projects/ar-algeria-election",
    "en-surfside": ROOT / "benchmarks/projects/en-surfside",
    "en-key-bridge": ROOT / "benchmarks/projects/en-key-bridge",
    "ru-sheremetyevo": ROOT / "benchmarks/projects/ru-sheremetyevo",
    # measured after the tenth round (sentence cutting, titled lists, likeness of short quotes)
    "ar-sudan-jeddah": ROOT / "benchmarks/projects/ar-sudan-jeddah",
    "en-titan-sub": ROOT / "benchmarks/projects/en-titan-sub",
    "ru-perm-shooting": ROOT / "benchmarks/projects/ru-perm-shooting",
    # measured after the eleventh round (entity pairs, bounds, seasons, one-name lists, codes)
    "ar-baghdad-hospital-fire": ROOT / "benchmarks/projects/ar-baghdad-hospital-fire",
    "en-thai-cave": ROOT / "benchmarks/projects/en-thai-cave",
    "ru-norilsk-spill": ROOT / "benchmarks/projects/ru-norilsk-spill",
    # measured during the twelfth round (ranges' ends, lengths of time, "former", bounds)
    "ar-libya-derna-trial": ROOT / "benchmarks/projects/ar-libya-derna-trial",
    "en-east-palestine": ROOT / "benchmarks/projects/en-east-palestine",
    "ru-kerch-college": ROOT / "benchmarks/projects/ru-kerch-college",
    # measured after the twelfth round and the rules written from the seventh set
    "ar-aqaba-gas-leak": ROOT / "benchmarks/projects/ar-aqaba-gas-leak",
    "en-aukus": ROOT / "benchmarks/projects/en-aukus",
    "ru-chelyabinsk-meteor": ROOT / "benchmarks/projects/ru-chelyabinsk-meteor",
    # measured during the thirteenth round (values other sources give one subject, parts of
    # decades, exact names, per cent, mass and length)
    "ar-kuwait-succession": ROOT / "benchmarks/projects/ar-kuwait-succession",
    "en-brexit-withdrawal": ROOT / "benchmarks/projects/en-brexit-withdrawal",
    "ru-luna-25": ROOT / "benchmarks/projects/ru-luna-25",
    # measured after the thirteenth round
    "ar-tunisia-measures": ROOT / "benchmarks/projects/ar-tunisia-measures",
    "en-sri-lanka-crisis": ROOT / "benchmarks/projects/en-sri-lanka-crisis",
    "ru-sochi-olympics": ROOT / "benchmarks/projects/ru-sochi-olympics",
    # measured after the fourteenth round
    "ar-pakistan-floods": ROOT / "benchmarks/projects/ar-pakistan-floods",
    "en-noto-quake": ROOT / "benchmarks/projects/en-noto-quake",
    # measured after the fourteenth round, typed by two hands each
    "ar-mauritania-election": ROOT / "benchmarks/projects/ar-mauritania-election",
    "ar-pylos-shipwreck": ROOT / "benchmarks/projects/ar-pylos-shipwreck",
    "en-texas-floods": ROOT / "benchmarks/projects/en-texas-floods",
    "ru-krymsk-flood": ROOT / "benchmarks/projects/ru-krymsk-flood",
    "ru-lame-horse-fire": ROOT / "benchmarks/projects/ru-lame-horse-fire",
}
#: Projects typed for a round of rules after it was written, measured once and then moved
#: to DEVELOPED_ON (docs/suggest.md gives each round's measure).
HELD_OUT: dict[str, Path] = {
    # typed by two hands each after the fifteenth round
    "ar-hamdaniya-fire": ROOT / "benchmarks/projects/ar-hamdaniya-fire",
    "en-air-india-171": ROOT / "benchmarks/projects/en-air-india-171",
    "ru-magnitogorsk-collapse": ROOT / "benchmarks/projects/ru-magnitogorsk-collapse",
}


def _copy_without(root: Path, source_id: str, into: Path) -> Path:
    target = into / "project"
    shutil.copytree(
        root,
        target,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "reports",
            "benchmarks",
            "tests",
            "reconcile",
            "docs",
            "scripts",
            "*.egg-info",
        ),
    )
    (target / "claims" / f"{source_id}.yaml").unlink(missing_ok=True)
    return target


def suggestions_leaving_out(
    root: Path, source_id: str, learn: str = "all"
) -> tuple[Project, list[Suggestion]]:
    """The suggestions for one source of the project at `root`, learnt from the others: from
    all they claim (`learn` "all"), from their claims without the quotes ("values", as for a
    property no other source quotes), or from nothing ("nothing", as for a first article)."""
    with tempfile.TemporaryDirectory() as folder:
        # as add-source --no-cache reads them: the quotes not looked for
        project = load_project(_copy_without(root, source_id, Path(folder)), quotes=False)
    source = project.sources[source_id]
    year = _year(source.published.edtf) if source.published else None
    precedent: Precedent | None = precedent_of(project, source_id)
    if learn == "values":
        unquoted = replace(project, claims=tuple(replace(c, quote=None) for c in project.claims))
        precedent = precedent_of(unquoted, source_id)
    elif learn == "nothing":
        precedent = None
    suggestions = suggest_claims(
        source.text,
        project.config,
        precedent,
        language=source.language,
        year=year,
        published=source.published.edtf if source.published else None,
    )
    return project, suggestions


def _year(edtf: str) -> int | None:
    return int(edtf[:4]) if edtf[:4].isdigit() else None


def overlaps(claim: Claim, suggestion: Suggestion) -> bool:
    """Whether the suggestion's sentence and the claim's quote are (partly) the same words."""
    sentence = normalise(suggestion.sentence)
    for part in (claim.quote or "").replace("...", "…").split("…"):
        quote = normalise(part)
        if len(quote) < 8 or not sentence:
            continue
        shorter, longer = sorted((quote, sentence), key=len)
        if fuzz.partial_ratio(shorter, longer) >= 90:
            return True
    return False


def same_value(claim: Claim, suggestion: Suggestion, project: Project) -> bool:
    """Whether the suggestion has the claim's subject and canonical value."""
    if claim.subject != suggestion.subject:
        return False
    prop = suggestion.property
    value = suggestion.value
    try:
        if prop.type is PropertyType.DATE:
            return parse_date(value).canonical() == claim.value.canonical()
        if prop.type is PropertyType.NUMBER:
            assert isinstance(claim.value, NumberValue)
            mine = parse_number(value, approximate=False, tolerance=claim.value.tolerance)
            return mine.canonical() == claim.value.canonical()
    except (InvalidValue, AssertionError):
        return False
    if prop.type is PropertyType.ENTITIES:
        return isinstance(value, list) and sorted(value) == claim.value.canonical()
    if prop.type is PropertyType.TEXT:
        assert isinstance(claim.value, TextValue)
        return (
            isinstance(value, str)
            and fuzz.token_sort_ratio(normalise(value), normalise(claim.value.text))
            >= project.config.settings.text_threshold
        )
    return bool(value == claim.value.canonical())


def score_source(
    project: Project, truth: list[Claim], suggestions: list[Suggestion]
) -> dict[str, int]:
    """Counts for one source: claims, found, values right, suggestions."""
    found = right = 0
    for claim in truth:
        matching = [
            s
            for s in suggestions
            if (s.property.topic, s.property.id) == (claim.topic, claim.property)
            and overlaps(claim, s)
        ]
        if matching:
            found += 1
            right += any(same_value(claim, s, project) for s in matching)
    return {"claims": len(truth), "found": found, "right": right, "suggested": len(suggestions)}


def measure(projects: dict[str, Path], verbose: bool = False, learn: str = "all") -> dict[str, Any]:
    """Leave-one-out figures per project and per language."""
    per_project: dict[str, dict[str, int]] = {}
    per_language: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, root in projects.items():
        full = load_project(root)
        totals: dict[str, int] = defaultdict(int)
        for source_id, source in sorted(full.sources.items()):
            truth = [c for c in full.claims if c.source == source_id]
            if not truth:
                continue
            project, suggestions = suggestions_leaving_out(root, source_id, learn)
            counts = score_source(project, truth, suggestions)
            if verbose:
                _explain(source_id, project, truth, suggestions)
            for key, count in counts.items():
                totals[key] += count
                per_language[source.language or full.config.language or "?"][key] += count
        per_project[name] = dict(totals)
    return {"projects": per_project, "languages": {k: dict(v) for k, v in per_language.items()}}


def _explain(
    source_id: str, project: Project, truth: list[Claim], suggestions: list[Suggestion]
) -> None:
    for claim in truth:
        matching = [
            s
            for s in suggestions
            if (s.property.topic, s.property.id) == (claim.topic, claim.property)
            and overlaps(claim, s)
        ]
        status = (
            "MISS"
            if not matching
            else ("ok  " if any(same_value(claim, s, project) for s in matching) else "VAL ")
        )
        shown = "" if not matching else f" -> {[(s.subject, s.value) for s in matching]}"
        what = f"{claim.topic}.{claim.property} {claim.subject or ''}"
        print(f"{status} {source_id} {what} {claim.value.canonical()}{shown}")


def rates(counts: dict[str, int]) -> dict[str, float]:
    """Recall, values right and suggestions per claim from counts."""
    claims, found = counts.get("claims", 0), counts.get("found", 0)
    return {
        "recall": round(found / claims, 3) if claims else 0.0,
        "values_right": round(counts.get("right", 0) / found, 3) if found else 0.0,
        "per_claim": round(counts.get("suggested", 0) / claims, 2) if claims else 0.0,
    }


# Speed --------------------------------------------------------------------------------------


def synthetic_project(folder: Path, claims: int = 10_000, sources: int = 200) -> Path:
    """A project of `claims` claims over `sources` sources, on 50 properties."""
    from reconcile.yamldump import dump

    properties = {
        f"p{n}": {"type": "number", "label": f"Count of thing {n}", "keywords": [f"thing{n}"]}
        for n in range(50)
    }
    config = {
        "title": "synthetic",
        "language": "en",
        "entities": {"country": {f"c{n}": {"label": f"Country{n}"} for n in range(100)}},
        "topics": {"t": {"properties": properties}},
    }
    (folder / "sources").mkdir(parents=True)
    (folder / "claims").mkdir()
    (folder / "reconcile.yaml").write_text(dump(config), encoding="utf-8")
    per_source = claims // sources
    for s in range(sources):
        lines = []
        items = []
        for c in range(per_source):
            n = (s * 7 + c) % 50
            sentence = f"In Country{c % 100} officials counted {s * 10 + c} thing{n} on day {c}."
            lines.append(sentence)
            items.append(
                {"topic": "t", "property": f"p{n}", "value": s * 10 + c, "quote": sentence}
            )
        (folder / "sources" / f"s{s}.md").write_text(
            "---\npublished: 2020\n---\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
        (folder / "claims" / f"s{s}.yaml").write_text(  # in block style, as desks write them
            yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=1 << 30),
            encoding="utf-8",
        )
    return folder


def article(words: int) -> str:
    """An article of about `words` words, sentences of a dozen words with numbers and dates."""
    sentences = []
    for n in range(words // 12):
        sentences.append(
            f"On 15 May 2021 officials in Country{n % 100} said {n * 3} thing{n % 50} were "
            f"counted, more than before."
        )
    return " ".join(sentences)


def timed_add_source(project: Path, text: str, source_id: str, cache: bool = False) -> float:
    from reconcile.addsource import add_source

    path = project.parent / f"{source_id}.txt"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    with cycle_collector_paused():  # as the command line runs it
        add_source(project, str(path), source_id, published="2021", cache=cache)
    return time.perf_counter() - start


def speed() -> dict[str, float]:
    """Seconds for add-source: 20,000 words into 10,000 claims, with no cache and with the cache
    a `check` leaves; 5,000 and 20,000 words into a small project (linear growth); and one
    line of 60,000 dates."""
    with tempfile.TemporaryDirectory() as folder:
        big = synthetic_project(Path(folder) / "big")
        twenty = timed_add_source(big, article(20_000), "long")
        load_project(big, cache=True)  # as `reconcile check` leaves it
        warm = timed_add_source(big, article(20_000), "long-again", cache=True)
        small = synthetic_project(Path(folder) / "small", claims=200, sources=10)
        short = timed_add_source(small, article(5_000), "short")
        long = timed_add_source(small, article(20_000), "long")
        dates = timed_add_source(small, "15 May 1992, " * 60_000, "dates")
    return {
        "20000_words_10000_claims": round(twenty, 2),
        "20000_words_10000_claims_warm_cache": round(warm, 2),
        "5000_words": round(short, 2),
        "20000_words": round(long, 2),
        "growth_4x_length": round(long / short, 2) if short else 0.0,
        "60000_dates_one_line": round(dates, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--only", choices=[*DEVELOPED_ON, *HELD_OUT])
    parser.add_argument("--verbose", action="store_true", help="List every claim, found or not.")
    parser.add_argument(
        "--learn",
        choices=["all", "values", "nothing"],
        default="all",
        help="What the other sources teach: all they claim (the figures of docs/suggest.md), "
        "their claims without the quotes (as for properties no other source quotes), or "
        "nothing (as for a project's first article).",
    )
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    for label, projects in (("developed on", DEVELOPED_ON), ("held out", HELD_OUT)):
        chosen = {k: v for k, v in projects.items() if args.only in (None, k)}
        if not chosen:
            continue
        measured = measure(chosen, args.verbose, args.learn)
        figures[label] = {
            "projects": {k: {**v, **rates(v)} for k, v in measured["projects"].items()},
            "languages": {k: {**v, **rates(v)} for k, v in measured["languages"].items()},
        }
        total: dict[str, int] = defaultdict(int)
        for counts in measured["projects"].values():
            for key, count in counts.items():
                total[key] += count
        figures[label]["overall"] = {**total, **rates(total)}
    if not args.skip_speed:
        figures["seconds"] = speed()
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
