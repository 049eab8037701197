"""Measure the quote rules by mutation: do misquotes and values taken from elsewhere get caught?

    python scripts/bench_quotes.py [--seed 1] [--json] [PROJECT ...]

For each claim whose quote its source holds (exact or approximate), on copies in a temporary
folder:

(a) one number or one entity name in the quote is changed to another plausible one (a number of
    similar size; another entity of the same kind): the claim should be `misquoted`;
(b) the value (date, number, entity or entities) is changed to another plausible one of its type
    that the quote does not name: the claim should get `value-not-in-quote`;

and the claims as they are should be neither. Prints the rates per language (of the claim's
source) and overall, and every unmutated claim flagged, with the warning's message. Mutations
are drawn from a seeded generator: the same seed, the same figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reconcile import load_project
from reconcile.model import Claim, Config, Project, QuoteStatus
from reconcile.normalise import normalise, normalise_with_offsets
from reconcile.number_words import number_words
from reconcile.numerals import base_language, read_numbers
from reconcile.problems import Problem, ReconcileError
from reconcile.values import InvalidValue, PropertyType, parse_date

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = (
    ROOT,
    ROOT / "benchmarks/projects/en-quake",
    ROOT / "benchmarks/projects/ar-derna",
    ROOT / "benchmarks/projects/ru-newstart",
)
CHECKED = (PropertyType.DATE, PropertyType.NUMBER, PropertyType.ENTITY, PropertyType.ENTITIES)
FOUND = (QuoteStatus.EXACT, QuoteStatus.APPROXIMATE)
_DIGITS = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_SCRIPTS = (re.compile("[\u0600-\u06ff]"), re.compile("[а-яё]", re.I), re.compile("[a-z]", re.I))


@dataclass
class Tally:
    """Counts per language: how many mutations of each kind, and how many were caught."""

    quote_total: Counter[str] = field(default_factory=Counter)
    quote_caught: Counter[str] = field(default_factory=Counter)
    value_total: Counter[str] = field(default_factory=Counter)
    value_caught: Counter[str] = field(default_factory=Counter)
    plain_total: Counter[str] = field(default_factory=Counter)
    plain_misquoted: Counter[str] = field(default_factory=Counter)
    plain_flagged: Counter[str] = field(default_factory=Counter)
    flagged: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Item:
    """A claim as its file holds it: the file, its index there, and its mapping."""

    file: str
    index: int
    raw: dict[str, Any]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("projects", nargs="*", type=Path, default=list(PROJECTS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--missed", action="store_true", help="list every mutation not caught")
    args = parser.parse_args()
    results = {}
    total = Tally()
    for root in args.projects:
        tally = measure(root, random.Random(f"{args.seed}:{root.name}"))
        results[_name(root)] = tally
        _add(total, tally)
    results["overall"] = total
    if args.json:
        print(json.dumps({name: _figures(t) for name, t in results.items()}, indent=2))
    else:
        for name, tally in results.items():
            print(_table(name, tally, missed=args.missed))


def _name(root: Path) -> str:
    return "example" if root.resolve() == ROOT else root.name


def measure(root: Path, rng: random.Random) -> Tally:
    """Mutate the claims of the project in `root` on copies, and count what is caught."""
    tally = Tally()
    project = load_project(root)
    items = list(_items(root))
    by_place = _claims_by_item(project, items)
    languages = {
        sid: base_language(s.language or project.config.language or "")
        for sid, s in project.sources.items()
    }
    found = {key: c for key, c in by_place.items() if c.quote_match.status in FOUND}
    checked = {
        key: claim for key, claim in found.items() if _type(project.config, claim) in CHECKED
    }

    for key, claim in found.items():  # the unmutated claims
        language = languages[claim.source]
        if key not in checked:
            continue
        tally.plain_total[language] += 1
        flags = _flags(project, claim)
        if claim.quote_match.status is QuoteStatus.MISQUOTED:
            tally.plain_misquoted[language] += 1
        if flags:
            tally.plain_flagged[language] += 1
            tally.flagged.append(f"{claim.place}: {flags[0].message}")

    quote_mutations = {}
    for key, claim in found.items():
        mutated = mutate_quote(claim, project.config, rng)
        if mutated is not None:
            quote_mutations[key] = mutated
    value_mutations = {}
    for key, claim in checked.items():
        mutated_value = mutate_value(claim, project.config, rng)
        if mutated_value is not None:
            value_mutations[key] = mutated_value

    for key, claim in _load_mutated(root, items, "quote", quote_mutations).items():
        language = languages[claim.source]
        tally.quote_total[language] += 1
        if claim.quote_match.status is QuoteStatus.MISQUOTED:
            tally.quote_caught[language] += 1
        else:
            tally.missed.append(
                f"(a) {claim.place} {claim.quote_match.status}: {quote_mutations[key]}"
            )
    mutated_project, claims = _load_mutated_project(root, items, "value", value_mutations)
    for key, claim in claims.items():
        language = languages[claim.source]
        tally.value_total[language] += 1
        if _flags(mutated_project, claim):
            tally.value_caught[language] += 1
        else:
            tally.missed.append(f"(b) {claim.place}: {value_mutations[key]!r} {claim.quote}")
    return tally


def _items(root: Path) -> Iterator[Item]:
    for path in sorted((root / "claims").glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for index, item in enumerate(raw):
            yield Item(path.name, index, item)


def _claims_by_item(project: Project, items: list[Item]) -> dict[tuple[str, int], Claim]:
    """Each claim of the project by (file, index): claims come in file order, as written."""
    by_file: dict[str, list[Claim]] = defaultdict(list)
    for claim in project.claims:
        by_file[Path(claim.place.file).name].append(claim)
    keyed: dict[tuple[str, int], Claim] = {}
    for name, claims in by_file.items():
        claims.sort(key=lambda c: c.place.line)
        indices = [item.index for item in items if item.file == name]
        keyed.update({(name, i): c for i, c in zip(indices, claims, strict=False)})
    return keyed


def _type(config: Config, claim: Claim) -> PropertyType:
    return config.topics[claim.topic].properties[claim.property].type


def _flags(project: Project, claim: Claim) -> list[Problem]:
    """The value-not-in-quote warnings placed inside `claim`'s mapping."""
    lines = sorted(c.place.line for c in project.claims if c.place.file == claim.place.file)
    after = next((line for line in lines if line > claim.place.line), 10**9)
    return [
        p
        for p in project.problems
        if p.code == "value-not-in-quote"
        and p.place.file == claim.place.file
        and claim.place.line <= p.place.line < after
    ]


# Mutating a quote ---------------------------------------------------------------------------


def mutate_quote(claim: Claim, config: Config, rng: random.Random) -> str | None:
    """The claim's quote with one number or one entity name changed; None if it has neither."""
    quote = claim.quote or ""
    sites: list[tuple[int, int, str]] = []
    for match in _DIGITS.finditer(quote):
        replacement = _other_number_text(match.group(), rng)
        if replacement:
            sites.append((match.start(), match.end(), replacement))
    sites += _number_word_sites(quote, claim, config, rng)
    sites += _entity_sites(quote, config, rng)
    if not sites:
        return None
    low, high, replacement = rng.choice(sorted(sites))
    return quote[:low] + replacement + quote[high:]


def _other_number_text(text: str, rng: random.Random) -> str | None:
    """Another number written like `text`: a year a few years off, a count 15-40 % off."""
    digits = (
        text.replace(",", "").replace(".", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", text) else None
    )
    if digits is not None:
        value = int(digits)
        other = _nearby(value, rng)
        return f"{other:,}"
    if re.fullmatch(r"\d+[.,]\d+", text):
        whole, mark, fraction = re.split(r"([.,])", text)
        last = int(fraction[-1])
        fraction = fraction[:-1] + str((last + rng.randint(1, 8)) % 10)
        return f"{whole}{mark}{fraction}"
    if not text.isdigit():
        return None
    value = int(text)
    if 1900 <= value <= 2100 and len(text) == 4:
        return str(value + rng.choice([-3, -2, -1, 1, 2, 3]))
    return str(_nearby(value, rng))


def _nearby(value: int, rng: random.Random) -> int:
    if value < 10:
        return rng.choice([n for n in range(1, 13) if n != value])
    factor = rng.choice([-1, 1]) * rng.uniform(0.15, 0.4)
    other = round(value * (1 + factor))
    return other if other != value else value + 1


def _number_word_sites(
    quote: str, claim: Claim, config: Config, rng: random.Random
) -> list[tuple[int, int, str]]:
    """Number words (six, ستة, шесть) with another number word of the language in their place."""
    sites = []
    folded, origin = normalise_with_offsets(quote)
    for language in ("en", "ar", "ru"):
        words = number_words(language)
        small = {w: v for w, v in words.items() if 2 <= v <= 12 and " " not in w}
        by_value = defaultdict(list)
        for word, value in small.items():
            by_value[value].append(word)
        for match in re.finditer(r"\w+", folded):
            value = small.get(match.group())
            if value is None:
                continue
            others = [v for v in by_value if v != value]
            other = rng.choice(sorted(others))
            low, high = origin[match.start()], origin[match.end() - 1] + 1
            sites.append((low, high, sorted(by_value[other])[0]))
    return sites


def _entity_sites(quote: str, config: Config, rng: random.Random) -> list[tuple[int, int, str]]:
    """Entity names in the quote with a name of another entity of the same kind in their place."""
    folded, origin = normalise_with_offsets(quote)
    sites = []
    for entities in config.entities.values():
        if len(entities) < 2:
            continue
        for entity in entities.values():
            for name in sorted(set(entity.names), key=lambda n: (-len(n), n)):
                key = normalise(name)
                if len(key) < 4:
                    continue
                # an Arabic name may carry a proclitic: وتركيا, بروسيا
                pattern = rf"(?<!\w)(?:[وفبل]|ال)?({re.escape(key)})(?!\w)"
                for match in re.finditer(pattern, folded):
                    others = [e for e in entities.values() if e.id != entity.id]
                    other = rng.choice(sorted(others, key=lambda e: e.id))
                    low, high = origin[match.start(1)], origin[match.end(1) - 1] + 1
                    sites.append((low, high, _same_script_name(other.names, quote[low:high])))
                break  # one name per entity
    return sites


def _same_script_name(names: tuple[str, ...], written: str) -> str:
    for script in _SCRIPTS:
        if script.search(written):
            for name in names:
                if script.search(name) and not name.islower():
                    return name
            for name in names:
                if script.search(name):
                    return name
    return names[1] if len(names) > 1 else names[0]


# Mutating a value ---------------------------------------------------------------------------


def mutate_value(claim: Claim, config: Config, rng: random.Random) -> Any:
    """Another plausible value of the claim's type that its quote does not name; None if none."""
    prop = config.topics[claim.topic].properties[claim.property]
    folded = normalise(claim.quote or "")
    canonical = claim.value.canonical()
    if prop.type is PropertyType.DATE:
        return _other_date(str(canonical), folded, rng)
    if prop.type is PropertyType.NUMBER:
        return _other_number(canonical, folded, rng)
    entities = config.entities.get(prop.kind or "", {})
    named = {e.id for e in entities.values() if any(_names(folded, n) for n in e.names)}
    if prop.type is PropertyType.ENTITY:
        choices = sorted(set(entities) - named - {canonical})
        return rng.choice(choices) if choices else None
    listed = list(canonical) if isinstance(canonical, list) else []
    choices = sorted(set(entities) - named - set(listed))
    if not listed or not choices:
        return None
    listed[rng.randrange(len(listed))] = rng.choice(choices)
    return listed


def _names(folded: str, name: str) -> bool:
    key = normalise(name)
    return len(key) >= 3 and key in folded


def _other_date(edtf: str, folded: str, rng: random.Random) -> str | None:
    if "X" in edtf or ".." in edtf:
        return None
    for _ in range(20):
        years = rng.choice([-3, -2, -1, 1, 2, 3])
        days = rng.randint(1, 20)
        try:
            other = "/".join(_shift(end, years, days) for end in edtf.split("/"))
            parse_date(other)
        except (ValueError, InvalidValue):
            continue
        if not any(year in folded for year in re.findall(r"\d{4}", other)):
            return other
    return None


def _shift(end: str, years: int, days: int) -> str:
    qualifier = re.sub(r"[\d-]", "", end)
    core = end.rstrip("~?%")
    parts = core.split("-")
    if len(parts) == 3:
        moved = dt.date(int(parts[0]) + years, int(parts[1]), int(parts[2])) + dt.timedelta(days)
        return moved.isoformat() + qualifier
    parts[0] = str(int(parts[0]) + years)
    return "-".join(parts) + qualifier


def _other_number(canonical: Any, folded: str, rng: random.Random) -> Any:
    for _ in range(20):
        if isinstance(canonical, dict):
            low, high = canonical.get("min"), canonical.get("max")
            factor = 1 + rng.choice([-1, 1]) * rng.uniform(0.15, 0.4)
            moved = {
                k: int(_round_like(v, v * factor)) for k, v in (("min", low), ("max", high)) if v
            }
            if moved and not any(_digits_in(v, folded) for v in moved.values()):
                return moved
            continue
        value = float(canonical)
        if value.is_integer() and 1900 <= value <= 2100:
            other: float = value + rng.choice([-3, -2, -1, 1, 2, 3])
        elif value.is_integer() and value < 10:
            other = rng.choice([n for n in range(1, 13) if n != value])
        else:
            other = _round_like(value, value * (1 + rng.choice([-1, 1]) * rng.uniform(0.15, 0.4)))
        if other != value and not _digits_in(other, folded):
            return int(other) if float(other).is_integer() else other
    return None


def _round_like(value: float, other: float) -> float:
    """`other` rounded as `value` is: 22,500,000 gives 14,000,000 rather than 14,012,896."""
    if not float(value).is_integer():
        return round(other, len(str(value).split(".")[1]))
    digits = str(int(value)).rstrip("0")
    places = len(str(int(value))) - max(len(digits), 1)
    return float(max(1, round(other, -places) if places else round(other)))


def _digits_in(number: float, folded: str) -> bool:
    """Whether the quote writes `number`, in digits or in words: then it is no wrong value."""
    text = str(int(number)) if float(number).is_integer() else str(number)
    plain = folded.replace(",", "").replace(" ", "")
    words = read_numbers(folded, ("en", "ar", "ru"))
    return text in plain or any(m.means(number) for m in words)


# Loading the copies ---------------------------------------------------------------------------


def _write_copy(root: Path, items: list[Item], field_name: str, mutations: dict[Any, Any]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="bench-quotes-"))
    target = folder / "project"
    shutil.copytree(root, target, ignore=shutil.ignore_patterns(".*", "reports", "tests", "*.py"))
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        raw = dict(item.raw)
        change = mutations.get((item.file, item.index))
        if change is not None:
            raw[field_name] = change
        raw["note"] = f"bench {item.index}"
        by_file[item.file].append(raw)
    for name, raws in by_file.items():
        (target / "claims" / name).write_text(
            yaml.safe_dump(raws, allow_unicode=True, sort_keys=False, width=100000),
            encoding="utf-8",
        )
    return target


def _load_mutated_project(
    root: Path, items: list[Item], field_name: str, mutations: dict[Any, Any]
) -> tuple[Project, dict[tuple[str, int], Claim]]:
    target = _write_copy(root, items, field_name, mutations)
    try:
        project = load_project(target)
    except ReconcileError as exc:  # a mutation the project cannot read: report it, skip it
        for problem in exc.errors:
            print(f"skipped: {problem}", file=sys.stderr)
        raise
    finally:
        shutil.rmtree(target.parent, ignore_errors=True)
    claims = {}
    for claim in project.claims:
        index = int((claim.note or "bench -1").split()[1])
        key = (Path(claim.place.file).name, index)
        if key in mutations:
            claims[key] = claim
    return project, claims


def _load_mutated(
    root: Path, items: list[Item], field_name: str, mutations: dict[Any, Any]
) -> dict[tuple[str, int], Claim]:
    return _load_mutated_project(root, items, field_name, mutations)[1]


# Reporting ------------------------------------------------------------------------------------


def _add(total: Tally, tally: Tally) -> None:
    for name in (
        "quote_total",
        "quote_caught",
        "value_total",
        "value_caught",
        "plain_total",
        "plain_misquoted",
        "plain_flagged",
    ):
        getattr(total, name).update(getattr(tally, name))
    total.flagged += tally.flagged
    total.missed += tally.missed


def _rate(caught: int, total: int) -> str:
    return f"{caught}/{total} = {100 * caught / total:.1f} %" if total else "-"


def _figures(tally: Tally) -> dict[str, Any]:
    languages = sorted(set(tally.quote_total) | set(tally.value_total) | set(tally.plain_total))
    out: dict[str, Any] = {}
    for language in [*languages, "all"]:

        def count(counter: Counter[str], language: str = language) -> int:
            return sum(counter.values()) if language == "all" else counter[language]

        out[language] = {
            "misquote_caught": [count(tally.quote_caught), count(tally.quote_total)],
            "value_flagged": [count(tally.value_caught), count(tally.value_total)],
            "unmutated_misquoted": [count(tally.plain_misquoted), count(tally.plain_total)],
            "unmutated_flagged": [count(tally.plain_flagged), count(tally.plain_total)],
        }
    out["flagged"] = tally.flagged
    return out


def _table(name: str, tally: Tally, *, missed: bool = False) -> str:
    figures = _figures(tally)
    lines = [
        f"== {name}",
        "lang  (a) misquoted           (b) flagged             unmutated misquoted / flagged",
    ]
    for language, row in figures.items():
        if language == "flagged":
            continue
        a, b, m, f = (
            row[k]
            for k in (
                "misquote_caught",
                "value_flagged",
                "unmutated_misquoted",
                "unmutated_flagged",
            )
        )
        lines.append(f"{language:<5} {_rate(*a):<24} {_rate(*b):<24} {_rate(*m)} / {_rate(*f)}")
    lines += [f"  flagged: {line}" for line in tally.flagged]
    if missed:
        lines += [f"  missed {line}" for line in tally.missed]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
