"""The project's cache of checked claims files, in `.reconcile/cache/`.

Reading a claims file (parsing it, resolving every name, finding every quote in its source) is a
pure function of the file, of its source, of reconcile.yaml and of this program; so the claims
and problems it gives are kept, one entry per claims file, under the hash of all four (this
program by its version and the hash of its source files). An entry is plain JSON data, never
code: it is read with the standard JSON parser, its checksum checked, and every object rebuilt
by the constructor of a known model class from plain values; anything else (a half-written
entry, another version's, a foreign or altered file) is ignored, and the file is read again and
its entry rewritten. Nothing in an entry can run, which is why it is not
pickle (loading a pickle can call anything); JSON costs little more here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import enum
import functools
import hashlib
import json
import os
import shutil
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate, repeat
from pathlib import Path
from types import ModuleType
from typing import Any

import reconcile
from reconcile import model, problems, values
from reconcile.frozen import FrozenMap, by_columns
from reconcile.problems import Place, Problem

CACHE_DIR = Path(".reconcile") / "cache"
_FORMAT = 4


class Uncacheable(Exception):
    """A value of a kind the cache does not store: the file is simply read each time."""


def _classes(modules: Iterable[ModuleType]) -> dict[str, type]:
    found: dict[str, type] = {}
    for module in modules:
        for name, obj in vars(module).items():
            ours = isinstance(obj, type) and obj.__module__.startswith("reconcile")
            if ours and (dataclasses.is_dataclass(obj) or issubclass(obj, enum.Enum)):
                found[name] = obj
    return found


def _value_modules() -> list[ModuleType]:
    import importlib
    import pkgutil

    return [
        importlib.import_module(f"{values.__name__}.{info.name}")
        for info in pkgutil.iter_modules(values.__path__)
    ]


_KNOWN: dict[str, type] = {}


def _known() -> dict[str, type]:
    """The classes an entry may name: the model's, the problems' and the values'."""
    if not _KNOWN:
        _KNOWN.update(_classes([model, problems, values, *_value_modules()]))
    return _KNOWN


def encode(obj: Any) -> Any:
    """`obj` as plain JSON data; Uncacheable for what the cache does not know."""
    if obj is None or (isinstance(obj, (str, bool, int, float)) and not isinstance(obj, enum.Enum)):
        return obj
    if isinstance(obj, tuple):
        return ["t", *map(encode, obj)]
    if isinstance(obj, enum.Enum):
        return ["e", type(obj).__name__, obj.value]
    if isinstance(obj, frozenset):
        return ["s", *sorted(map(encode, obj), key=json.dumps)]
    if isinstance(obj, FrozenMap):
        return ["m", *[[key, encode(item)] for key, item in obj.items()]]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        kind = type(obj)
        if _known().get(kind.__name__) is not kind:
            raise Uncacheable(kind.__name__)
        fields = dataclasses.fields(obj)
        if not all(field.init for field in fields):
            raise Uncacheable(kind.__name__)
        return ["d", kind.__name__, *(encode(getattr(obj, field.name)) for field in fields)]
    if isinstance(obj, dt.datetime):
        return ["dt", obj.isoformat()]
    if isinstance(obj, dt.date):
        return ["da", obj.isoformat()]
    if isinstance(obj, Decimal):
        return ["n", str(obj)]
    if isinstance(obj, Fraction):
        return ["f", obj.numerator, obj.denominator]
    raise Uncacheable(type(obj).__name__)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def decode(data: Any) -> Any:
    """The object `encode` made `data` of; ValueError, TypeError or KeyError if it is not one."""
    if type(data) in _SCALARS:
        return data
    if not isinstance(data, list):
        raise ValueError("a mapping where none is written")
    tag = data[0]
    if tag == "t":
        return tuple([item if type(item) in _SCALARS else decode(item) for item in data[1:]])
    if tag == "d":
        kind = _dataclasses().get(data[1])
        if kind is None:
            raise ValueError(f"{data[1]!r} is no class an entry may build")
        return kind(*map(decode, data[2:]))
    if tag == "e":
        kind = _known()[data[1]]
        if not issubclass(kind, enum.Enum):
            raise ValueError(data[1])
        return kind(data[2])
    if tag == "s":
        return frozenset(map(decode, data[1:]))
    if tag == "m":
        return FrozenMap({str(key): decode(item) for key, item in data[1:]})
    if tag == "dt":
        return dt.datetime.fromisoformat(data[1])
    if tag == "da":
        return dt.date.fromisoformat(data[1])
    if tag == "n":
        return Decimal(data[1])
    if tag == "f":
        return Fraction(data[1], data[2])
    raise ValueError(f"unknown tag {tag!r}")


_DATACLASSES: dict[str, type] = {}


def _dataclasses() -> dict[str, type]:
    """The known classes an entry may build from its fields: the dataclasses among them."""
    if not _DATACLASSES:
        _DATACLASSES.update((n, k) for n, k in _known().items() if dataclasses.is_dataclass(k))
    return _DATACLASSES


def cache_salt(config_text: bytes) -> bytes:
    """What every key of the cache starts from: this program, the cache's format, reconcile.yaml."""
    return hashlib.sha256(
        f"reconcile {reconcile.__version__} cache {_FORMAT}\0".encode()
        + code_fingerprint()
        + config_text
    ).digest()


@functools.cache
def code_fingerprint() -> bytes:
    """The hash of this program's own source files: an install from a newer checkout has the
    same version number but may read a file differently, and must not take an older entry."""
    digest = hashlib.sha256()
    package = Path(reconcile.__file__).parent
    for path in sorted(package.rglob("*.py")):
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(len(data).to_bytes(8, "big") + data)
    return digest.digest()


class BrokenEntry(ValueError):
    """An entry whose claims, read only when asked for, are not what its index says."""


GroupKey = tuple[str, str, str | None]


class StoredFile:
    """One claims file's entry: its problems and, for each claim, its group, digest and whether
    its quote is misquoted, read at once; the claims themselves are made only when asked for,
    so that a check that takes most groups' outcome from the cache never makes their claims.
    The claims part is behind the entry's checksum too; one that is not what the index says
    raises BrokenEntry."""

    __slots__ = ("_data", "_made", "_name", "_table", "digests", "keys", "misquoted", "problems")

    def __init__(self, name: str, index: dict[str, Any], data: bytes) -> None:
        self._name = name
        self.keys: list[GroupKey] = list(
            zip(
                map(str, index["topics"]),
                map(str, index["properties"]),
                (None if s is None else str(s) for s in index["subjects"]),
                strict=True,
            )
        )
        self.digests = [str(digest) for digest in index["digests"]]
        self.misquoted = [int(i) for i in index["misquoted"]]
        self.problems = _problems(index["problems"])
        if len(self.digests) != len(self.keys) or not set(self.misquoted) <= set(
            range(len(self.keys))
        ):
            raise ValueError("an index of another length")
        self._data: bytes | dict[str, Any] = data
        self._made: dict[int, Any] = {}
        self._table: dict[int, Any] = {}

    def __len__(self) -> int:
        return len(self.keys)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.claims())

    def claims(self) -> list[Any]:
        """Every claim of the file, in order."""
        return self.take(range(len(self.keys)))

    def take(self, rows: Iterable[int]) -> list[Any]:
        """The claims at `rows`, each made once."""
        wanted = list(rows)
        missing = sorted({row for row in wanted if row not in self._made})
        if missing:
            try:
                made = self._build(missing)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
                raise BrokenEntry(self._name) from exc
            self._made.update(zip(missing, made, strict=True))
        return [self._made[row] for row in wanted]

    def _build(self, rows: list[int]) -> list[Any]:
        data = self._data = json.loads(self._data) if isinstance(self._data, bytes) else self._data
        if len(data["rows"]) != len(self.keys):
            raise ValueError("rows of another length")
        picked = [data["rows"][row] for row in rows]
        claims = _claims(data, picked, self._name, self._table)
        if [claim.group_key for claim in claims] != [self.keys[row] for row in rows] or any(
            (claim.quote_match.status is model.QuoteStatus.MISQUOTED) != (row in self.misquoted)
            for claim, row in zip(claims, rows, strict=True)
        ):
            raise ValueError("claims that are not their index")
        return claims


class CachedClaims(Sequence[Any]):
    """A project's claims in order, file by file: those of files the cache held are made only
    when first read (`StoredFile`), the others were read from their files. Each claim's group
    and which claims are misquoted are known without making any."""

    def __init__(self, parts: Sequence[StoredFile | list[Any]]) -> None:
        self._parts = [part for part in parts if len(part)]
        self._ends = list(accumulate(map(len, self._parts)))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.take([index])[0]

    def __iter__(self) -> Iterator[Any]:
        for part in self._parts:
            yield from part

    def group_keys(self) -> list[GroupKey]:
        """The group of each claim, in order."""
        return [
            key
            for part in self._parts
            for key in (part.keys if isinstance(part, StoredFile) else (c.group_key for c in part))
        ]

    def misquoted(self) -> list[int]:
        """The indices of the claims whose quote is misquoted, ascending."""
        found = []
        for start, part in zip([0, *self._ends], self._parts, strict=False):
            if isinstance(part, StoredFile):
                found += [start + row for row in part.misquoted]
            else:
                found += [
                    start + row
                    for row, claim in enumerate(part)
                    if claim.quote_match.status is model.QuoteStatus.MISQUOTED
                ]
        return found

    def take(self, indices: Sequence[int]) -> list[Any]:
        """The claims at `indices`, in that order; a file's claims made together."""
        by_part: dict[int, list[int]] = {}
        for index in indices:
            by_part.setdefault(bisect_right(self._ends, index), []).append(index)
        made: dict[int, Any] = {}
        for number, wanted in by_part.items():
            part, start = self._parts[number], self._ends[number] - len(self._parts[number])
            rows = [index - start for index in wanted]
            found = part.take(rows) if isinstance(part, StoredFile) else [part[r] for r in rows]
            made.update(zip(wanted, found, strict=True))
        return [made[index] for index in indices]


class ClaimsCache:
    """Entries of checked claims files, each under the hash of everything its result depends on."""

    def __init__(self, root: Path, config_text: bytes) -> None:
        self.folder = root / CACHE_DIR
        self.salt = cache_salt(config_text)

    def key(self, name: str, claims_text: bytes, source_text: bytes) -> str:
        """The hash of one claims file's result: this program, reconcile.yaml, file and source."""
        digest = hashlib.sha256(self.salt)
        for part in (name.encode(), claims_text, source_text):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        return digest.hexdigest()

    def get(self, key: str, name: str) -> StoredFile | None:
        """The entry stored under `key`, its claims not yet made; None when missing or not to be
        trusted."""
        try:
            text = (self.folder / key[:2] / f"{key}.json").read_bytes()
            head, _, body = text.partition(b"\n")
            if head != f"reconcile-cache {_FORMAT} {key} ".encode() + _checksum(body):
                return None
            index, _, claims = body.partition(b"\n")
            return StoredFile(name, json.loads(index), claims)
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None

    def put(self, key: str, claims: Iterable[Any], found: Iterable[Problem]) -> list[str] | None:
        """Store a file's claims and problems under `key`; what cannot be stored is not. The
        digest of each claim, or None when the claims cannot be stored."""
        try:
            listed = list(claims)
            data = _claims_data(listed)
            digests: list[str] = data.pop("digests")
            index = {
                "topics": [claim.topic for claim in listed],
                "properties": [claim.property for claim in listed],
                "subjects": [claim.subject for claim in listed],
                "digests": digests,
                "misquoted": [
                    row
                    for row, claim in enumerate(listed)
                    if claim.quote_match.status is model.QuoteStatus.MISQUOTED
                ],
                "problems": [_problem_data(problem) for problem in found],
            }
            body = (_json(index) + "\n" + _json(data)).encode()
        except (Uncacheable, UnicodeEncodeError):
            return None
        path = self.folder / key[:2] / f"{key}.json"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(f"reconcile-cache {_FORMAT} {key} ".encode() + _checksum(body))
            with temporary.open("ab") as out:
                out.write(b"\n" + body)
            os.replace(temporary, path)  # a reader sees the whole entry or none
        except OSError:
            pass  # a read-only project is checked all the same, only without its cache
        return digests


def clear_cache(root: Path) -> bool:
    """Delete the project's cache; whether there was one."""
    folder = root / CACHE_DIR
    if not folder.exists():
        return False
    shutil.rmtree(folder)
    return True


def _checksum(body: bytes) -> bytes:
    return hashlib.sha256(body).hexdigest().encode()


_PLAIN = (str, int, float, bool, type(None))
_STATUSES = {str(status): status for status in model.QuoteStatus}


def _claims_data(claims: list[model.Claim]) -> dict[str, Any]:
    """The claims of one file as rows of plain fields; objects in a table, each stored once."""
    names = [field.name for field in dataclasses.fields(model.Claim)]
    if names[:2] != ["source", "place"] or len({claim.source for claim in claims}) > 1:
        raise Uncacheable("Claim")
    columns = [[getattr(claim, name) for claim in claims] for name in names[2:]]
    kinds = [_kind(column) for column in columns]
    table: list[Any] = []
    known: dict[tuple[type, str], int] = {}

    def cell(kind: str, field: Any) -> Any:
        if kind == "plain" or field is None:
            return field
        if kind == "quote":
            flat = [n for span in field.spans for n in span]
            pairs = [list(pair) for pair in field.differences]
            return [str(field.status), flat, field.score, field.found, pairs]
        key = (type(field), repr(field))  # repr tells 1 from 1.0 and True, which == does not
        if key not in known:
            known[key] = len(table)
            table.append(encode(field))
        return known[key]

    rows = [
        [claim.place.line, claim.place.column, *map(cell, kinds, fields)]
        for claim, fields in zip(claims, zip(*columns, strict=True), strict=True)
    ]
    source = claims[0].source if claims else ""
    file = claims[0].place.file if claims else ""
    digests = _digests(f"{file}\0{source}", kinds, table, rows)
    return {"fields": kinds, "source": source, "table": table, "rows": rows, "digests": digests}


def _digests(where: str, kinds: list[str], table: list[Any], rows: list[list[Any]]) -> list[str]:
    """A digest of each claim of one file: of its place and of every field, the values of the
    file's table a row refers to written out in place of their indices, so that a claim's
    digest does not depend on what the other claims of its file are (nor on their order)."""
    written = [_json(item) for item in table]
    refs = {i + 2 for i, kind in enumerate(kinds) if kind == "ref"}
    return [
        hashlib.blake2b(
            "\0".join(
                [
                    where,
                    _json(
                        [
                            [written[cell]] if i in refs and cell is not None else cell
                            for i, cell in enumerate(row)
                        ]
                    ),
                ]
            ).encode("utf-8", "surrogatepass"),
            digest_size=16,
        ).hexdigest()
        for row in rows
    ]


#: `json.dumps(data, ensure_ascii=False, separators=(",", ":"))` without making an encoder a
#: call (a quarter of the time of a claim's digest).
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _kind(column: list[Any]) -> str:
    kinds = {type(field) for field in column} - {type(None)}
    if kinds <= set(_PLAIN):
        return "plain"
    return "quote" if kinds == {model.QuoteMatch} else "ref"


def _claims(
    data: dict[str, Any], rows: list[list[Any]], name: str, table: dict[int, Any]
) -> list[Any]:
    """The claims of `rows`, rows `_claims_data` wrote; an exception when they are not that.
    Built a column at a time: each field's cells are decoded by one comprehension, and the
    claims, their places and quote matches made field by field (`by_columns`). The objects of
    the file's table are decoded once each, when a row first refers to one, into `table`."""
    kinds = data["fields"]
    if len(kinds) != len(dataclasses.fields(model.Claim)) - 2:
        raise ValueError("another model")
    if not rows:
        return []
    lines, columns, *cells = zip(*rows, strict=True)
    if len(cells) != len(kinds):
        raise ValueError("another model")
    stored = data["table"]
    for kind, column in zip(kinds, cells, strict=True):
        if kind == "ref":
            for cell in set(column) - table.keys() - {None}:
                if not isinstance(cell, int) or cell < 0:
                    raise ValueError("a reference to no object")
                table[cell] = decode(stored[cell])
    count = len(rows)
    places = by_columns(Place, [repeat(name), map(int, lines), map(int, columns)], count)
    fields = [_column(kind, column, table) for kind, column in zip(kinds, cells, strict=True)]
    return by_columns(model.Claim, [repeat(str(data["source"])), places, *fields], count)


def _column(kind: str, cells: tuple[Any, ...], table: dict[int, Any]) -> Iterable[Any]:
    """One field's values, from its cells in the rows."""
    if kind == "plain":
        return cells
    if kind == "ref":
        return [None if cell is None else table[cell] for cell in cells]
    if kind != "quote":
        raise ValueError(f"unknown field kind {kind!r}")
    found = [cell for cell in cells if cell is not None]
    spans = [
        ((cell[1][0], cell[1][1]),)
        if len(cell[1]) == 2
        else tuple(zip(cell[1][::2], cell[1][1::2], strict=True))
        for cell in found
    ]
    differences = [
        tuple((str(said), str(seen)) for said, seen in cell[4]) if cell[4] else () for cell in found
    ]
    statuses = [_STATUSES[cell[0]] for cell in found]
    scores, texts = [cell[2] for cell in found], [cell[3] for cell in found]
    matches = iter(
        by_columns(model.QuoteMatch, [statuses, spans, scores, texts, differences], len(found))
    )
    return [None if cell is None else next(matches) for cell in cells]


def _problem_data(problem: Problem) -> list[Any]:
    place = problem.place
    return [
        place.file,
        place.line,
        place.column,
        str(problem.severity),
        problem.code,
        problem.message,
    ]


def _problems(rows: list[Any]) -> list[Problem]:
    return [
        Problem(
            Place(str(f), int(line), int(column)),
            problems.Severity(severity),
            str(code),
            str(message),
        )
        for f, line, column, severity, code, message in rows
    ]
