"""`reconcile add-source` and `reconcile suggest`: an article read from a file, standard input or
the web into sources/ID.md, with claims/ID.yaml of suggested claims learnt from the project's
other sources. Everything cheap is checked before the article is read; no file is overwritten;
an interrupted run is undone by the next one."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import BinaryIO

from reconcile.articles import Article, read_article, text_language
from reconcile.editor import modeline
from reconcile.files import JOURNAL_SUFFIX, checkpoint, create_file, write_atomic
from reconcile.load import CLAIMS_DIR, SOURCE_ID, SOURCES_DIR, load_config, load_project
from reconcile.model import Config, Project
from reconcile.precedent import Precedent, precedent_of
from reconcile.problems import Place, Problem, ReconcileError, error
from reconcile.suggest import Suggestion, suggest_claims
from reconcile.suggest_file import claims_file, suggestion_blocks
from reconcile.values import InvalidValue, parse_date
from reconcile.yamldump import dump, plain_date

__all__ = ["FRONT_MATTER", "add_source", "suggest_for_source"]

#: The fields of a source's front matter that add-source fills.
FRONT_MATTER = ("title", "author", "publisher", "url", "published", "language")


def add_source(
    root: Path,
    source: str | Path,
    source_id: str,
    *,
    stdin: BinaryIO | None = None,
    cache: bool = False,
    **meta: str | None,
) -> tuple[Path, Path, int]:
    """Read the article at `source` (a path, "-" for standard input, an http(s) URL) into
    sources/ID.md and write claims/ID.yaml of suggested claims, all commented out.

    `meta` gives front matter (title, author, publisher, url, published, language); what it
    leaves out comes from the article's metadata. The source file holds the front matter, then
    exactly the text later quotes are checked against. Returns the two paths and the number of
    suggestions. Refuses to overwrite either file; on any error nothing is written. With
    `cache`, the other sources' claims are read through `.reconcile/cache/`.
    """
    unknown = set(meta) - set(FRONT_MATTER)
    if unknown:
        raise TypeError(f"unknown front matter: {sorted(unknown)}")
    names = (f"{SOURCES_DIR}/{source_id}.md", f"{CLAIMS_DIR}/{source_id}.yaml")
    paths = (root / names[0], root / names[1])
    problems = _option_problems(names[0], source_id, meta.get("published"))
    config = _config(root, problems)
    if not problems:
        _undo_interrupted(root, source_id)
        problems += _files_in_the_way(tuple(zip(paths, names, strict=True)))
    if problems or config is None:
        raise ReconcileError(problems)
    article = read_article(str(source), stdin=stdin)
    front = _front_matter(meta, article, config)
    source_text, text_line = _source_text(article.text, front)
    precedent, learnt = _precedent(root, source_id, cache)
    suggestions = suggest_claims(
        article.text,
        config,
        precedent,
        language=str(front.get("language") or "") or None,
        year=_year(front.get("published")),
        published=_day(front.get("published")),
    )
    claims_text = modeline(names[1]) + claims_file(source_id, suggestions, text_line, learnt=learnt)
    _create_both(
        root, source_id, (paths[0], names[0], source_text), (paths[1], names[1], claims_text)
    )
    return paths[0], paths[1], len(suggestions)


def suggest_for_source(
    root: Path, source_id: str, *, cache: bool = False
) -> tuple[list[Suggestion], str]:
    """The suggestions for sources/ID.md, leaving out what claims/ID.yaml holds already, and
    the text of them as commented-out claims; with `cache`, claims are read through
    `.reconcile/cache/`."""
    project = load_project(root, cache=cache, quotes=cache)
    source = project.sources.get(source_id)
    if source is None:
        name = f"{SOURCES_DIR}/{source_id}.md"
        raise ReconcileError(
            [
                error(
                    Place(name), "unknown-source", f"{name} does not exist: no source {source_id!r}"
                )
            ]
        )
    published = source.published.edtf if source.published else None
    suggestions = suggest_claims(
        source.text,
        project.config,
        precedent_of(project, source_id),
        language=source.language,
        year=_year(published),
        published=_day(published),
    )
    held = {
        (c.topic, c.property, c.subject, repr(c.value.canonical()))
        for c in project.claims
        if c.source == source_id
    }
    sentences = {(c.topic, c.property, c.subject) for c in project.claims if c.source == source_id}
    new = [s for s in suggestions if not _held(s, held, sentences, project, source_id)]
    return new, suggestion_blocks(new, source.text_line).lstrip("\n")


def _held(
    suggestion: Suggestion,
    held: set[tuple[str, str, str | None, str]],
    groups: set[tuple[str, str, str | None]],
    project: Project,
    source_id: str,
) -> bool:
    """Whether the claims file has this claim: the same value, or a claim of the same group
    whose quote is in the suggestion's sentence."""
    from reconcile.normalise import normalise

    prop = suggestion.property
    group = (prop.topic, prop.id, suggestion.subject)
    if group not in groups:
        return False
    if (*group, repr(_canonical(suggestion.value))) in held:
        return True
    sentence = normalise(suggestion.sentence)
    return any(
        (c.topic, c.property, c.subject) == group
        and c.quote
        and normalise(c.quote.split("…")[0]) in sentence
        for c in project.claims
        if c.source == source_id
    )


def _canonical(value: object) -> object:
    if isinstance(value, list):
        return sorted(value)
    if isinstance(value, dict):
        return {"min": value.get("min"), "max": value.get("max")}
    return value


def _option_problems(source_name: str, source_id: str, published: str | None) -> list[Problem]:
    """The errors in --id and --published."""
    problems: list[Problem] = []
    if not SOURCE_ID.fullmatch(source_id):
        problems.append(
            error(
                Place(source_name),
                "bad-source-id",
                f"--id {source_id!r} is not a source id: use lowercase letters, "
                "digits and hyphens, such as 'reuters-2022-05'",
            )
        )
    if published is not None:
        try:
            parse_date(published)
        except InvalidValue as exc:
            problems.append(error(Place(source_name), "bad-date", f"--published: {exc}"))
    return problems


def _config(root: Path, problems: list[Problem]) -> Config | None:
    try:
        return load_config(root)
    except ReconcileError as exc:
        problems.extend(exc.problems)
        return None


def _precedent(root: Path, source_id: str, cache: bool) -> tuple[Precedent | None, bool | None]:
    """What the other sources claim; and True, False for a first article, None when the
    project's claims do not load. Suggestions learn nothing from whether a quote is found, so
    without the cache the quotes are not looked for; with it, they are, and what is read fills
    the cache for the next check."""
    try:
        project = load_project(root, cache=cache, quotes=cache)
    except ReconcileError:
        return None, None
    precedent = precedent_of(project, source_id)
    return precedent, bool(precedent.sources)


def _front_matter(
    meta: dict[str, str | None], article: Article, config: Config
) -> dict[str, object]:
    """The front matter: each field from the options, else from the article's metadata."""
    published = meta.get("published") or _valid_date(article.published)
    return {
        "title": meta.get("title") or article.title,
        "author": meta.get("author") or article.author,
        "publisher": meta.get("publisher") or article.publisher,
        "url": meta.get("url") or article.url,
        "published": plain_date(published) if published is not None else None,
        "language": meta.get("language")
        or article.language
        or text_language(article.text, config.language),
    }


def _valid_date(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        parse_date(text)
    except InvalidValue:
        return None
    return text


def _year(published: object) -> int | None:
    text = str(published or "")
    return int(text[:4]) if text[:4].isdigit() else None


def _day(published: object) -> str | None:
    """The day an article was published (EDTF), when its front matter gives one."""
    text = str(published or "")
    return text[:10] if len(text) >= 10 and text[:4].isdigit() else None


def _files_in_the_way(targets: tuple[tuple[Path, str], ...]) -> list[Problem]:
    """An error for each file to be written that is there already."""
    return [
        error(
            Place(name),
            "exists",
            f"{name} already exists; add-source never overwrites a "
            "file: choose another --id, or delete it first",
        )
        for path, name in targets
        if path.exists() or path.is_symlink()
    ]


def _source_text(text: str, meta: dict[str, object]) -> tuple[str, int]:
    """sources/ID.md: front matter of the given fields, then the text as it was; and the line
    the text starts on."""
    front = dump({key: value for key, value in meta.items() if value is not None})
    front = "" if front.strip() == "{}" else front
    source_text = "\n".join(["---", *front.splitlines(), "---", ""]) + text
    return source_text, len(front.splitlines()) + 3


# Writing both files, or neither -------------------------------------------------------------


def _journal(root: Path, source_id: str) -> Path:
    return root / SOURCES_DIR / f".{source_id}{JOURNAL_SUFFIX}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _create_both(root: Path, source_id: str, *files: tuple[Path, str, str]) -> None:
    """Write the source, then the claims file. A journal written first names both with a hash
    of their text, so that a run killed between them is undone by the next one."""
    journal = _journal(root, source_id)
    entries = {name: _digest(text) for _, name, text in files}
    write_atomic(journal, json.dumps(entries, ensure_ascii=False))
    written: list[Path] = []
    try:
        for path, name, text in files:
            if written:
                checkpoint("between-files")
            create_file(path, name, text)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        journal.unlink(missing_ok=True)
        raise
    journal.unlink(missing_ok=True)


def _undo_interrupted(root: Path, source_id: str) -> None:
    """Take away what an interrupted add-source of `source_id` wrote, and only what it wrote:
    files whose text is still the text it wrote."""
    journal = _journal(root, source_id)
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal.unlink(missing_ok=True)
        return
    for name, digest in dict(entries).items():
        path = root / str(name)
        try:
            if _digest(path.read_text(encoding="utf-8")) == digest:
                path.unlink()
        except (OSError, UnicodeDecodeError):
            continue
    journal.unlink(missing_ok=True)
