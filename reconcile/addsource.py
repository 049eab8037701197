"""`reconcile add-source`: an article copied into sources/ID.md, with claims/ID.yaml of
suggested claims. Everything is checked before anything is written; no file is overwritten."""

from __future__ import annotations

from pathlib import Path

from reconcile.files import JOURNAL_SUFFIX, create_files, finish_or_undo
from reconcile.load import CLAIMS_DIR, SOURCE_ID, SOURCES_DIR, load_config
from reconcile.model import Config
from reconcile.problems import Place, Problem, ReconcileError, error
from reconcile.suggest import claims_file, suggest_claims
from reconcile.values import InvalidValue, parse_date
from reconcile.yamldump import dump, plain_date
from reconcile.yamlfile import read_text

__all__ = ["add_source"]


def add_source(
    root: Path,
    article: Path,
    source_id: str,
    *,
    title: str | None = None,
    author: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    published: str | None = None,
    language: str | None = None,
) -> tuple[Path, Path, int]:
    """Copy `article` into sources/ID.md and write claims/ID.yaml of suggested claims.

    The article's text is copied verbatim after the front matter. Every suggested claim is
    commented out, so the new claims file holds no claims until the user uncomments one.
    Returns the two paths written and the number of suggestions. Refuses to overwrite either
    file; on any error nothing is written.
    """
    source_name = f"{SOURCES_DIR}/{source_id}.md"
    claims_name = f"{CLAIMS_DIR}/{source_id}.yaml"
    source_path, claims_path = root / SOURCES_DIR / f"{source_id}.md", root / claims_name
    problems = _option_problems(source_name, source_id, published)
    journal = source_path.parent / f".{source_path.name}{JOURNAL_SUFFIX}"
    if not problems:
        finish_or_undo(journal)  # an earlier add of this id, killed half-way
    config, text = _inputs(root, article, problems)
    if not problems:
        problems += _files_in_the_way(((source_path, source_name), (claims_path, claims_name)))
    if problems or config is None or text is None:
        raise ReconcileError(problems)

    meta = {
        "title": title,
        "author": author,
        "publisher": publisher,
        "url": url,
        "published": plain_date(published) if published is not None else None,
        "language": language or config.language,
    }
    source_text, text_line = _source_text(text, meta)
    suggestions = list(suggest_claims(text, config))
    claims_text = claims_file(source_id, suggestions, text_line)
    create_files(
        ((source_path, source_name, source_text), (claims_path, claims_name, claims_text)), journal
    )
    return source_path, claims_path, len(suggestions)


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


def _inputs(root: Path, article: Path, problems: list[Problem]) -> tuple[Config | None, str | None]:
    """The project's configuration and the article's text; what cannot be read goes to
    `problems` and comes back as None."""
    config: Config | None = None
    text: str | None = None
    try:
        config = load_config(root)
    except ReconcileError as exc:
        problems.extend(exc.problems)
    try:
        text = read_text(article, str(article))
    except ReconcileError as exc:
        problems.extend(exc.problems)
    return config, text


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
    newline = "\r\n" if "\r\n" in text else "\n"
    front = dump({key: value for key, value in meta.items() if value is not None})
    front = "" if front.strip() == "{}" else front
    source_text = newline.join(["---", *front.splitlines(), "---", ""]) + text
    return source_text, len(front.splitlines()) + 3
