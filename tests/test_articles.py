"""Reading articles as a desk receives them: text, web pages, Word files, standard input, URLs."""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import gzip
import io
import socket
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reconcile.articles import Article, read_article
from reconcile.problems import ReconcileError

TEXTS = {
    "ar": "وقعت ست دول المعاهدة في 15 أيار 1992.\r\nومن بينها أرمينيا وبيلاروس.\r\n",
    "en": "Six states signed the treaty on 15 May 1992.\nAmong them: Armenia & Belarus.\n",
    "ru": "Договор подписали 15 мая 1992 года шесть государств.\rСреди них Армения.",
}
ENCODINGS = {
    "utf-8": ("utf-8", b""),
    "utf-8 with BOM": ("utf-8", codecs.BOM_UTF8),
    "utf-16 LE with BOM": ("utf-16-le", codecs.BOM_UTF16_LE),
    "utf-16 BE with BOM": ("utf-16-be", codecs.BOM_UTF16_BE),
}

ENGLISH_PAGE = """\
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Treaty signed in Minsk | The Daily Example</title>
<meta property="og:title" content="Treaty signed in Minsk">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2022-05-30T10:00:00Z">
<link rel="canonical" href="https://news.example.org/2022/05/treaty">
<script>var banner = "BUY NOW";</script>
<style>body { color: red }</style>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="ad">Advertisement: cheap flights to everywhere</div>
<article>
<h1>Treaty signed in Minsk</h1>
<p>The treaty was signed on 15 May 1992 by six states, among them Armenia &amp; Belarus,
in a ceremony that lasted two hours.</p>
<p>Officials said it would come into force the following year; the word &#1583; was
printed on the Arabic copy.</p>
<p>Three more states joined later.</p>
</article>
<aside class="related">Related: Ten things you did not know about treaties</aside>
<script>document.write("tracking pixel");</script>
<footer><p>© 2022 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""
ENGLISH_TEXT = """\
Treaty signed in Minsk

The treaty was signed on 15 May 1992 by six states, among them Armenia & Belarus, \
in a ceremony that lasted two hours.

Officials said it would come into force the following year; the word د was printed on the \
Arabic copy.

Three more states joined later.
"""
ENGLISH_ARTICLE = Article(
    ENGLISH_TEXT,
    title="Treaty signed in Minsk",
    author="Jane Doe",
    publisher="The Daily Example",
    published="2022-05-30",
    url="https://news.example.org/2022/05/treaty",
    language="en",
)

ARABIC_PAGE = """\
<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="{charset}">
<title>توقيع المعاهدة في مينسك - جريدة المثال</title>
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "توقيع المعاهدة في مينسك",
 "author": {{"@type": "Person", "name": "أحمد علي"}},
 "publisher": {{"@type": "Organization", "name": "جريدة المثال"}},
 "datePublished": "2022-05-30T08:00:00+03:00",
 "mainEntityOfPage": "https://ar.example.org/treaty"}}
</script>
<script>var x = "إعلان";</script>
</head>
<body>
<header><div class="menu"><a href="/">الرئيسية</a> | <a href="/a">سياسة</a> |
<a href="/b">رياضة</a> | <a href="/c">اقتصاد</a></div></header>
<div class="advert">إعلان: اشترك الآن</div>
<div id="content">
<h1>توقيع المعاهدة في مينسك</h1>
<p>وقعت ست دول المعاهدة في 15 أيار 1992.</p>
<p>ومن بينها أرمينيا وبيلاروس.</p>
<p>وقال مسؤولون إن الاتفاق دخل حيز التنفيذ &amp; صادقت عليه البرلمانات &#1583;.</p>
</div>
<div class="share">شارك على فيسبوك تويتر</div>
<footer>جميع الحقوق محفوظة © 2022</footer>
</body>
</html>
"""
ARABIC_TEXT = """\
توقيع المعاهدة في مينسك

وقعت ست دول المعاهدة في 15 أيار 1992.

ومن بينها أرمينيا وبيلاروس.

وقال مسؤولون إن الاتفاق دخل حيز التنفيذ & صادقت عليه البرلمانات د.
"""
ARABIC_ARTICLE = Article(
    ARABIC_TEXT,
    title="توقيع المعاهدة في مينسك",
    author="أحمد علي",
    publisher="جريدة المثال",
    published="2022-05-30",
    url=None,
    language="ar",
)


def problem(excinfo: pytest.ExceptionInfo[ReconcileError]) -> tuple[str, str]:
    """The one problem raised, as its code and its printed form."""
    (found,) = excinfo.value.problems
    return found.code, str(found)


# Text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", TEXTS)
@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_text_in_each_encoding(tmp_path: Path, language: str, encoding: str, suffix: str) -> None:
    codec, bom = ENCODINGS[encoding]
    path = tmp_path / f"article{suffix}"
    path.write_bytes(bom + TEXTS[language].encode(codec))
    expected = TEXTS[language].replace("\r\n", "\n").replace("\r", "\n")
    assert read_article(str(path)) == Article(expected)


@pytest.mark.parametrize(
    ("data", "place", "message"),
    [
        ("café\n".encode("latin-1"), "1:4", "byte 0xe9 is not UTF-8; save the article as UTF-8"),
        (b"ok\nnot \xff ok\n", "2:5", "byte 0xff is not UTF-8"),
        ("وقعت\n".encode() + b"\xd9", "2:1", "byte 0xd9 is not UTF-8"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xdc", "1:1", "the bytes at offset 4 are not UTF-16"),
    ],
)
def test_text_that_does_not_decode(tmp_path: Path, data: bytes, place: str, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(ReconcileError) as excinfo:
        read_article(str(path))
    code, printed = problem(excinfo)
    assert code == "bad-encoding"
    assert printed.startswith(f"{path}:{place}: error: ")
    assert message in printed


def test_stdin_is_read_to_its_end() -> None:
    stream = io.BytesIO(codecs.BOM_UTF8 + TEXTS["ar"].encode())
    assert read_article("-", stdin=stream).text == TEXTS["ar"].replace("\r\n", "\n")


def test_stdin_holding_a_page_is_read_as_a_page() -> None:
    assert read_article("-", stdin=io.BytesIO(ENGLISH_PAGE.encode())) == ENGLISH_ARTICLE


# Web pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "page", "expected"),
    [
        ("english.html", ENGLISH_PAGE.encode(), ENGLISH_ARTICLE),
        ("arabic.htm", ARABIC_PAGE.format(charset="utf-8").encode(), ARABIC_ARTICLE),
        (
            "arabic-1256.html",
            ARABIC_PAGE.format(charset="windows-1256").encode("cp1256", "xmlcharrefreplace"),
            ARABIC_ARTICLE,
        ),
        ("saved page", ENGLISH_PAGE.encode(), ENGLISH_ARTICLE),
        ("with-bom.html", codecs.BOM_UTF8 + ENGLISH_PAGE.encode(), ENGLISH_ARTICLE),
        ("utf-16.html", ENGLISH_PAGE.encode("utf-16"), ENGLISH_ARTICLE),
        (
            "xhtml",
            b'<?xml version="1.0" encoding="utf-8"?>\n'
            + ENGLISH_PAGE.replace("<!DOCTYPE html>", "").encode(),
            ENGLISH_ARTICLE,
        ),
    ],
)
def test_page_gives_its_main_text_and_metadata(
    tmp_path: Path, name: str, page: bytes, expected: Article
) -> None:
    path = tmp_path / name
    path.write_bytes(page)
    article = read_article(str(path))
    assert article == expected
    for noise in ("Home", "Advertisement", "BUY NOW", "tracking", "Related", "©", "Privacy"):
        assert noise not in article.text
    for noise in ("الرئيسية", "إعلان", "شارك", "الحقوق"):
        assert noise not in article.text
    assert "<" not in article.text and "&amp;" not in article.text and "&#" not in article.text


def test_page_lists_tables_and_line_breaks(tmp_path: Path) -> None:
    page = tmp_path / "lists.html"
    page.write_text(
        "<html><body><article><h1>Who signed</h1>"
        "<p>The treaty was signed in Minsk by these states, the ministry said on Monday:</p>"
        "<ul><li>Armenia, represented by its president</li>"
        "<li>Belarus, represented by its prime minister</li></ul>"
        "<table><tr><th>State</th><th>Troops</th></tr><tr><td>Armenia</td><td>1,500</td></tr>"
        "</table><p>First line of the address,<br>second line of the address.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    text = read_article(str(page)).text
    assert text == (
        "Who signed\n\n"
        "The treaty was signed in Minsk by these states, the ministry said on Monday:\n\n"
        "Armenia, represented by its president\n\n"
        "Belarus, represented by its prime minister\n\n"
        "State | Troops\n\n"
        "Armenia | 1,500\n\n"
        "First line of the address,\nsecond line of the address.\n"
    )


@pytest.mark.parametrize(
    ("page", "code", "message"),
    [
        (
            b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body>",
            "unreadable-article",
            "found no article text in this page",
        ),
        (
            b'<html><head><meta charset="x-martian"></head><body><p>Hi</p></body></html>',
            "bad-encoding",
            "the page declares the charset 'x-martian', which is unknown",
        ),
        (
            b'<html><head><meta charset="utf-8"></head><body><p>caf\xe9</p></body></html>',
            "bad-encoding",
            "byte 0xe9 is not utf-8, the charset the page declares",
        ),
    ],
)
def test_page_that_cannot_be_read(tmp_path: Path, page: bytes, code: str, message: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page)
    with pytest.raises(ReconcileError) as excinfo:
        read_article(str(path))
    assert problem(excinfo)[0] == code
    assert message in problem(excinfo)[1]


# Word documents -----------------------------------------------------------------------------


def word_document(path: Path, paragraphs: list[str], **properties: object) -> Path:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    for key, value in properties.items():
        setattr(document.core_properties, key, value)
    document.save(str(path))
    return path


def test_word_document_gives_its_paragraphs_and_properties(tmp_path: Path) -> None:
    path = word_document(
        tmp_path / "article.docx",
        ["توقيع المعاهدة في مينسك", "", "وقعت ست دول المعاهدة في 15 أيار 1992.", "Line\none"],
        title="توقيع المعاهدة",
        author="أحمد علي",
        created=dt.datetime(2022, 5, 30, 9, 15),
        language="ar-SA",
    )
    assert read_article(str(path)) == Article(
        "توقيع المعاهدة في مينسك\n\nوقعت ست دول المعاهدة في 15 أيار 1992.\n\nLine\none\n",
        title="توقيع المعاهدة",
        author="أحمد علي",
        published="2022-05-30",
        language="ar",
    )


def test_word_document_tables_are_read_in_place(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Troops by state:")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("State", "Troops"), ("Armenia", "1,500")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("So the ministry said.")
    document.save(str(tmp_path / "t.docx"))
    assert read_article(str(tmp_path / "t.docx")).text == (
        "Troops by state:\n\nState | Troops\n\nArmenia | 1,500\n\nSo the ministry said.\n"
    )


def test_damaged_and_empty_word_documents(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<not xml")
    with pytest.raises(ReconcileError) as excinfo:
        read_article(str(damaged))
    assert problem(excinfo)[0] == "unreadable-article"
    assert "this Word document is damaged" in problem(excinfo)[1]

    empty = word_document(tmp_path / "empty.docx", ["", "  "])
    with pytest.raises(ReconcileError) as excinfo:
        read_article(str(empty))
    assert problem(excinfo) == (
        "unreadable-article",
        f"{empty}:1:1: error: found no text in this Word document [unreadable-article]",
    )


# What is not an article ---------------------------------------------------------------------


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        ("article.txt", b"%PDF-1.4\n", "a PDF document"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        ("anim.gif", b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        ("page.html.gz", gzip.compress(b"<html></html>"), "gzip-compressed data"),
        ("archive.zip", zip_bytes(), "a ZIP archive, not a Word .docx document"),
        ("fake.docx", zip_bytes(), "a ZIP archive, not a Word .docx document"),
        ("broken.docx", b"PK\x03\x04 then nothing", "a damaged ZIP archive"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8), "an old Word .doc"),
        ("data.bin", b"text\x00with\x00nuls", "a binary file (it holds NUL bytes)"),
        ("utf16.txt", "no byte-order mark".encode("utf-16-le"), "needs a byte-order mark"),
    ],
)
def test_binary_input_is_named(tmp_path: Path, name: str, data: bytes, what: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReconcileError) as excinfo:
        read_article(str(path))
    code, printed = problem(excinfo)
    assert code == "unsupported-article"
    assert printed.startswith(f"{path}:1:1: error: this is ")
    assert what in printed


def test_endless_file_is_refused_without_reading_it_all() -> None:
    with pytest.raises(ReconcileError) as excinfo:
        read_article("/dev/zero")
    assert problem(excinfo) == (
        "article-too-large",
        "/dev/zero:1:1: error: the article is larger than 16 MiB, the limit [article-too-large]",
    )


def test_large_file_and_stdin_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"a" * 1001)
    with pytest.raises(ReconcileError) as excinfo:
        read_article(str(path), max_bytes=1000)
    assert "larger than 1,000 bytes" in problem(excinfo)[1]
    assert read_article(str(path), max_bytes=1001).text == "a" * 1001
    with pytest.raises(ReconcileError) as excinfo:
        read_article("-", stdin=io.BytesIO(b"a" * 1001), max_bytes=1000)
    assert problem(excinfo)[1].startswith("<stdin>:1:1: error: the article is larger than")


@pytest.mark.parametrize(
    ("source", "code", "message"),
    [
        ("missing.txt", "unreadable-file", "No such file or directory"),
        (".", "unreadable-file", "this is a folder, not a file"),
        ("ftp://example.org/a.txt", "unsupported-article", "only http:// and https://"),
        ("file:///etc/hostname", "unsupported-article", "only http:// and https://"),
    ],
)
def test_sources_that_cannot_be_opened(source: str, code: str, message: str) -> None:
    with pytest.raises(ReconcileError) as excinfo:
        read_article(source)
    assert problem(excinfo)[0] == code
    assert problem(excinfo)[1].startswith(f"{source}:1:1: error: ")
    assert message in problem(excinfo)[1]


def test_importing_the_module_leaves_the_parsers_unloaded() -> None:
    code = (
        "import sys, reconcile.articles; print(sorted({'trafilatura', 'docx'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# URLs ---------------------------------------------------------------------------------------


class Site(BaseHTTPRequestHandler):
    """A small web site with a page, a text, a redirect, a missing page and misbehaving ones."""

    release = threading.Event()
    user_agents: list[str] = []  # noqa: RUF012 - shared by the handler's instances on purpose

    def do_GET(self) -> None:
        Site.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/treaty":
            self.answer(200, "text/html; charset=utf-8", ENGLISH_PAGE.encode())
        elif self.path == "/arabic":  # the charset only in the header, none in the page
            page = ARABIC_PAGE.format(charset="").replace('<meta charset="">', "")
            self.answer(200, "text/html; charset=windows-1256", page.encode("cp1256"))
        elif self.path == "/russian.txt":
            self.answer(200, "text/plain; charset=koi8-r", TEXTS["ru"].encode("koi8-r"))
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/treaty")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/treaty.txt")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/huge-declared":
            self.answer(200, "text/plain", b"a" * 2000)
        elif self.path == "/huge-streamed":  # no Content-Length: only reading finds it out
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"a" * 2000)
            self.close_connection = True
        elif self.path == "/slow":
            Site.release.wait(10)
        else:
            self.answer(404, "text/html", b"<h1>Not Found</h1>")

    def answer(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        Site.release.set()
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local site is reached directly, whatever proxy the machine running the tests has."""
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def test_url_gives_the_page_and_names_reconcile(site: str) -> None:
    assert read_article(f"{site}/treaty") == ENGLISH_ARTICLE
    assert Site.user_agents[-1].startswith("reconcile/")


def test_url_without_canonical_link_is_the_address_it_came_from(site: str) -> None:
    article = read_article(f"{site}/arabic")
    assert article == dataclasses.replace(ARABIC_ARTICLE, url=f"{site}/arabic")


def test_url_follows_redirects_and_reads_the_charset_of_the_header(site: str) -> None:
    assert read_article(f"{site}/moved") == ENGLISH_ARTICLE
    russian = TEXTS["ru"].replace("\r", "\n")
    assert read_article(f"{site}/russian.txt") == Article(russian, url=f"{site}/russian.txt")


@pytest.mark.parametrize("path", ["/huge-declared", "/huge-streamed"])
def test_url_too_large(site: str, path: str) -> None:
    with pytest.raises(ReconcileError) as excinfo:
        read_article(f"{site}{path}", max_bytes=1000)
    assert problem(excinfo) == (
        "article-too-large",
        f"{site}{path}:1:1: error: the article is larger than 1,000 bytes, the limit "
        "[article-too-large]",
    )


def refused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("{site}/gone", "the server answered 404 Not Found"),
        ("{site}/slow", "no complete answer within 0.2 seconds"),
        (
            "{site}/to-ftp",
            "the server answered 301 Moved Permanently, to ftp://127.0.0.1/treaty.txt, "
            "which is not an http(s) address",
        ),
        ("http://127.0.0.1:{port}/", "the connection was refused (nothing answers at that port)"),
    ],
)
def test_url_that_cannot_be_fetched(site: str, url: str, reason: str) -> None:
    url = url.format(site=site, port=refused_port())
    with pytest.raises(ReconcileError) as excinfo:
        read_article(url, timeout=0.2)
    assert problem(excinfo) == (
        "cannot-fetch",
        f"{url}:1:1: error: cannot fetch {url}: {reason} [cannot-fetch]",
    )


def test_url_whose_host_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    def offline(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", offline)
    with pytest.raises(ReconcileError) as excinfo:
        read_article("https://news.example.org/treaty")
    assert problem(excinfo)[1] == (
        "https://news.example.org/treaty:1:1: error: cannot fetch https://news.example.org/treaty: "
        "the host name was not found (are you offline, or is the address mistyped?) [cannot-fetch]"
    )
