"""`add-source` takes any article (a file of text, HTML or Word, standard input, a web address)
and `suggest` suggests claims for a source already in the project."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from reconcile.addsource import add_source
from reconcile.cli import cli
from reconcile.load import load_config, load_project
from writes import EXIT_BAD_INPUT, EXIT_CLEAN, assert_error, new_project, run, snapshot

SENTENCE = "وقّع عليها في طشقند في 15 أيار 1992 ست دول هي: روسيا، أرمينيا، وأوزبكستان."
PAGE = f"""<!doctype html>
<html lang="ar"><head><meta charset="utf-8">
<title>معاهدة طشقند</title>
<meta name="author" content="Layla Haddad">
<meta property="og:site_name" content="Desk Daily">
<meta property="article:published_time" content="2022-05-30T10:00:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>معاهدة طشقند</h1>
<p>{SENTENCE}</p>
<p>وفي عام 2012 علقت أوزبكستان عضويتها في المنظمة بعد سنوات من الخلاف.</p>
</article><footer>© Desk Daily</footer></body></html>
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return new_project(tmp_path)


def _source_text(project: Path, source_id: str) -> str:
    return load_project(project).sources[source_id].text


def test_a_web_page_file_gives_its_main_text_and_metadata(project: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = run("add-source", "--project", project, page, "--id", "desk", "--title", "Mine")
    assert result.exit_code == EXIT_CLEAN, result.output
    source = load_project(project).sources["desk"]
    assert SENTENCE in source.text and "Home | World" not in source.text
    assert source.title == "Mine"  # the option wins over the page's title
    assert (source.author, source.publisher, source.language) == (
        "Layla Haddad",
        "Desk Daily",
        "ar",
    )
    assert source.published is not None and source.published.edtf == "2022-05-30"
    claims = (project / "claims" / "desk.yaml").read_text(encoding="utf-8")
    assert f'quote: "{SENTENCE}"' in claims


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Armenia froze its part in the treaty in February 2024, its prime minister said.", "en"),
        ("Армения заморозила своё участие в договоре в феврале 2024 года.", "ru"),
        ("جمّدت أرمينيا مشاركتها في المعاهدة في شباط 2024.", "ar"),
    ],
)
def test_an_article_that_names_no_language_gets_the_one_it_is_written_in(
    project: Path, tmp_path: Path, text: str, language: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(text + "\n", encoding="utf-8")
    result = run("add-source", "--project", project, article, "--id", "desk")
    assert result.exit_code == EXIT_CLEAN, result.output
    assert load_project(project).sources["desk"].language == language


def test_add_source_and_suggest_give_the_same_with_and_without_the_cache(
    project: Path, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    assert run("check", "--project", project).exit_code != EXIT_BAD_INPUT  # fills the cache
    assert (project / ".reconcile" / "cache").is_dir()
    files = []
    for source_id, flags in (("cached", ()), ("fresh", ("--no-cache",))):
        result = run("add-source", "--project", project, article, "--id", source_id, *flags)
        assert result.exit_code == EXIT_CLEAN, result.output
        text = (project / "claims" / f"{source_id}.yaml").read_text(encoding="utf-8")
        files.append(text.replace(source_id, "ID"))
    assert files[0] == files[1] and "# - topic:" in files[0]
    cached = run("suggest", "--project", project, "example")
    fresh = run("suggest", "--project", project, "example", "--no-cache")
    assert cached.exit_code == fresh.exit_code == EXIT_CLEAN and cached.output == fresh.output


def test_a_word_document(project: Path, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("معاهدة طشقند")
    document.add_paragraph(SENTENCE)
    document.core_properties.author = "Layla Haddad"
    path = tmp_path / "article.docx"
    document.save(str(path))
    result = run("add-source", "--project", project, path, "--id", "word")
    assert result.exit_code == EXIT_CLEAN, result.output
    assert SENTENCE in _source_text(project, "word")
    assert load_project(project).sources["word"].author == "Layla Haddad"


def test_standard_input(project: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli,
        ["add-source", "--project", str(project), "-", "--id", "piped"],
        input=f"معاهدة طشقند\n{SENTENCE}\n".encode(),
    )
    assert result.exit_code == EXIT_CLEAN, result.output
    assert _source_text(project, "piped") == f"معاهدة طشقند\n{SENTENCE}\n"


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = PAGE.encode() if self.path == "/treaty" else b"<h1>Not Found</h1>"
        self.send_response(200 if self.path == "/treaty" else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_web_address_in_one_command(project: Path, site: str) -> None:
    result = run("add-source", "--project", project, f"{site}/treaty", "--id", "web")
    assert result.exit_code == EXIT_CLEAN, result.output
    source = load_project(project).sources["web"]
    assert SENTENCE in source.text
    assert source.url == f"{site}/treaty"


def test_a_web_address_that_fails_writes_nothing(project: Path, site: str) -> None:
    before = snapshot(project)
    result = run("add-source", "--project", project, f"{site}/gone", "--id", "web")
    assert result.exit_code == EXIT_BAD_INPUT
    assert f"{site}/gone:1:1: error: cannot fetch" in result.stderr
    assert "404 Not Found [cannot-fetch]" in result.stderr
    assert snapshot(project) == before


def test_options_are_checked_before_the_article_is_fetched(project: Path) -> None:
    # nothing listens on port 9: a fetch would fail with cannot-fetch, not bad-source-id
    result = run("add-source", "--project", project, "http://127.0.0.1:9/x", "--id", "Bad_ID")
    assert_error(result, "bad-source-id")
    assert "cannot-fetch" not in result.stderr


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"%PDF-1.7 ...", "unsupported-article"), (b"\x89PNG\r\n\x1a\n....", "unsupported-article")],
)
def test_what_is_not_an_article_is_refused(
    project: Path, tmp_path: Path, data: bytes, code: str
) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(data)
    before = snapshot(project)
    assert_error(run("add-source", "--project", project, path, "--id", "bin"), code)
    assert snapshot(project) == before


def test_a_run_killed_between_the_two_files_is_undone_by_the_next(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    import reconcile.addsource as module

    real = module.create_file

    def killed(path: Path, name: str, text: str) -> None:
        if name.startswith("claims/"):
            raise KeyboardInterrupt  # as a kill would stop the run here
        real(path, name, text)

    monkeypatch.setattr(module, "create_file", killed)
    with pytest.raises(KeyboardInterrupt):
        add_source(project, article, "half")
    monkeypatch.setattr(module, "create_file", real)
    # whether the first run took its source away or left it with its journal, a rerun works
    assert add_source(project, article, "half")[2] >= 0
    assert (project / "claims" / "half.yaml").exists()
    assert not list((project / "sources").glob(".*"))


def test_a_journal_left_by_a_killed_run_is_rolled_back(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    source, claims, _ = add_source(project, article, "kept")
    claims.unlink()  # as if the run had been killed before it wrote the claims file
    import json

    from reconcile.addsource import _digest

    journal = project / "sources" / ".kept.adding"
    journal.write_text(json.dumps({"sources/kept.md": _digest(source.read_text())}))
    add_source(project, article, "kept")
    assert claims.exists() and not journal.exists()


def test_a_journal_never_removes_a_file_the_user_changed(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    source, claims, _ = add_source(project, article, "mine")
    claims.unlink()
    (project / "sources" / ".mine.adding").write_text('{"sources/mine.md": "0000"}')
    result = run("add-source", "--project", project, article, "--id", "mine")
    assert_error(result, "exists")
    assert source.exists()


def test_the_first_article_says_there_is_nothing_to_learn_from(
    tmp_path: Path,
) -> None:
    project = tmp_path / "bare"
    assert run("init", project).exit_code == EXIT_CLEAN
    for folder in ("sources", "claims"):
        for path in (project / folder).iterdir():
            path.unlink()
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    _, claims, count = add_source(project, article, "first")
    text = claims.read_text(encoding="utf-8")
    assert "first article" in text and count > 0
    assert yaml.safe_load(text) is None


def test_a_later_article_learns_from_the_others(project: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SENTENCE + "\n", encoding="utf-8")
    _, claims, _ = add_source(project, article, "second")
    text = claims.read_text(encoding="utf-8")
    assert "first article" not in text
    assert "score" in text


# suggest ------------------------------------------------------------------------------------


def test_suggest_prints_what_the_claims_file_does_not_hold(project: Path) -> None:
    before = snapshot(project)
    result = run("suggest", "--project", project, "example")
    assert result.exit_code == EXIT_CLEAN, result.output
    assert snapshot(project) == before  # writes nothing
    held = yaml.safe_load((project / "claims" / "example.yaml").read_text(encoding="utf-8"))
    for claim in held:
        # a claim the file holds is not suggested again
        block = f"#   property: {claim['property']}"
        assert not any(
            block in b and str(claim["value"]) in b for b in result.output.split("\n\n")
        ), claim


def test_suggest_writes_a_new_file_with_o(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "more.yaml"
    result = run("suggest", "--project", project, "example", "-o", target)
    assert result.exit_code == EXIT_CLEAN, result.output
    assert f"wrote {target}" in result.output
    assert yaml.safe_load(target.read_text(encoding="utf-8")) is None
    again = run("suggest", "--project", project, "example", "-o", target)
    assert_error(again, "exists")


def test_suggest_for_an_unknown_source(project: Path) -> None:
    result = run("suggest", "--project", project, "nowhere")
    assert result.exit_code == EXIT_BAD_INPUT
    assert "[unknown-source]" in result.stderr


# choices with their own words ---------------------------------------------------------------


def test_choices_may_give_the_words_articles_write_them_in(project: Path) -> None:
    config = project / "reconcile.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "choices: [member, withdrawn, suspended]",
        "choices: {member: [عضو], withdrawn: [انسحبت, withdrew, вышла], suspended: [علقت]}",
    )
    config.write_text(text, encoding="utf-8")
    prop = load_config(project).topics["membership"].properties["status"]
    assert prop.choices == ("member", "withdrawn", "suspended")
    assert dict(prop.choice_words)["withdrawn"] == ("انسحبت", "withdrew", "вышла")
    assert run("check", "--project", project).exit_code == EXIT_CLEAN


def test_a_plain_list_of_choices_still_works(project: Path) -> None:
    prop = load_config(project).topics["membership"].properties["status"]
    assert prop.choices == ("member", "withdrawn", "suspended") and prop.choice_words == ()
