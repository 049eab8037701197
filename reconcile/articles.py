"""Articles as a desk receives them, turned into the plain text of a source and its metadata.

A text or Markdown file is taken as it is; a web page (a saved file or an http(s) URL) gives its
main text, without navigation, ads and markup; a Word .docx file gives its paragraphs. Anything
else (PDFs, images, archives, other binary files) is refused with an error that names it.
Every read is bounded, so that neither a huge file nor an endless stream is ever held whole.
"""

from __future__ import annotations

import codecs
import io
import re
import sys
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from reconcile import __version__
from reconcile.problems import Place, ReconcileError, error

__all__ = ["MAX_ARTICLE_BYTES", "Article", "read_article", "text_language"]

MAX_ARTICLE_BYTES = 16 * 1024 * 1024
USER_AGENT = f"reconcile/{__version__} (checks news articles against each other)"

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_CHUNK = 1024 * 1024
# A Word file names its parts in [Content_Types].xml; python-docx needs the main document part.
_DOCX_PARTS = ("[Content_Types].xml", "word/document.xml")
# What a .docx may hold once unzipped, as a multiple of the limit on the file itself.
_DOCX_EXPANSION = 8
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels that browsers read as another encoding (the WHATWG Encoding Standard).
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_MAGIC = (
    (b"%PDF", "a PDF document; copy its text into a .txt file, or save the page as HTML"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data; uncompress it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word .doc (or other OLE) file; save it as .docx"),
)


@dataclass(frozen=True, slots=True)
class Article:
    """An article's plain text and what its file or page says about it."""

    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # an ISO date: YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class _Received:
    """The bytes of an article and what the way it came says about them."""

    data: bytes
    name: str  # how errors name the article
    suffix: str  # the file name's extension, lowercase, "" when there is none
    content_type: str | None = None  # from an HTTP response
    charset: str | None = None  # from an HTTP response
    url: str | None = None  # the address the page was fetched from


def read_article(
    source: str,
    *,
    stdin: BinaryIO | None = None,
    timeout: float = 20,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article:
    """Read the article at `source`: a file's path, "-" for `stdin`, or an http(s) URL."""
    if re.match(r"https?://", source, re.I):
        received = _fetch(source, timeout, max_bytes)
    elif _SCHEME.match(source):
        raise _problem(
            source, "unsupported-article", "only http:// and https:// addresses can be fetched"
        )
    elif source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        received = _Received(_read_bounded(stream, "<stdin>", max_bytes), "<stdin>", "")
    else:
        received = _Received(_read_file(source, max_bytes), source, _suffix(source))
    return _article(received, max_bytes)


def text_language(text: str, usual: str | None) -> str | None:
    """The language `text` is written in: `usual` (the project's) when the text is in its script,
    else what a language classifier reads in it. The classifier is asked only then, since loading
    its model takes most of a second."""
    script = _script(text[:_SCRIPT_SAMPLE])
    if script is None or (usual is not None and script == _language_script(usual)):
        return usual
    import py3langid  # imported here: slow, and needed only for an article in another script

    found = str(py3langid.classify(text[:_CLASSIFIER_SAMPLE])[0])
    return found if re.fullmatch(r"[a-z]{2,3}", found) else usual


_SCRIPT_SAMPLE = 20_000
_CLASSIFIER_SAMPLE = 200_000


def _script(text: str) -> str | None:
    """The script most of the letters of `text` are written in (LATIN, ARABIC, CYRILLIC…)."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = unicodedata.name(char, "?").split(" ", 1)[0]
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _language_script(language: str) -> str | None:
    """The script of a language, read from its own name for itself in CLDR ("русский")."""
    from babel import Locale, UnknownLocaleError  # imported here: slow, and rarely needed

    try:
        return _script(Locale.parse(language).get_display_name(language) or "")
    except (UnknownLocaleError, ValueError):
        return None


def _problem(name: str, code: str, message: str, line: int = 1, column: int = 1) -> ReconcileError:
    return ReconcileError([error(Place(name, line, column), code, message)])


def _too_large(name: str, max_bytes: int) -> ReconcileError:
    return _problem(
        name, "article-too-large", f"the article is larger than {_size(max_bytes)}, the limit"
    )


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MiB" if count % (1024 * 1024) == 0 else f"{count:,} bytes"


def _suffix(path: str) -> str:
    return PurePosixPath(path).suffix.lower()


# Reading, bounded --------------------------------------------------------------------------


def _read_file(path: str, max_bytes: int) -> bytes:
    """The bytes of a file, read no further than the limit (its size on disk may lie)."""
    try:
        with open(path, "rb") as handle:
            return _read_bounded(handle, path, max_bytes)
    except IsADirectoryError:
        raise _problem(path, "unreadable-file", "this is a folder, not a file") from None
    except OSError as exc:
        raise _problem(path, "unreadable-file", exc.strerror or str(exc)) from None


def _read_bounded(stream: Any, name: str, max_bytes: int, deadline: float | None = None) -> bytes:
    """Everything `stream` holds, refused once it passes `max_bytes` or the `deadline`."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError
    raise _too_large(name, max_bytes)


# Fetching ---------------------------------------------------------------------------------


def _fetch(url: str, timeout: float, max_bytes: int) -> _Received:
    """The body of the page at `url`, with the content type and charset its server gave."""
    import http.client
    import urllib.error
    import urllib.parse
    import urllib.request

    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.strip().isdigit() and int(length) > max_bytes:
                raise _too_large(url, max_bytes)
            data = _read_bounded(response, url, max_bytes, deadline)
            return _Received(
                data,
                url,
                _suffix(urllib.parse.urlsplit(response.geturl()).path),
                response.headers.get_content_type(),
                response.headers.get_content_charset(),
                response.geturl(),
            )
    except urllib.error.HTTPError as exc:
        reason = f"the server answered {exc.code} {exc.reason}"
    except urllib.error.URLError as exc:
        reason = _why(exc.reason, timeout)
    except (OSError, http.client.HTTPException, ValueError) as exc:
        reason = _why(exc, timeout)
    raise _problem(url, "cannot-fetch", f"cannot fetch {url}: {reason}")


def _opener() -> Any:
    """urllib's opener, following redirects only to http(s) addresses."""
    import urllib.error
    import urllib.request

    class HttpRedirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(
            self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
        ) -> Any:
            if not re.match(r"https?://", newurl, re.I):
                why = f"{msg}, to {newurl}, which is not an http(s) address"
                raise urllib.error.HTTPError(newurl, code, why, headers, fp)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(HttpRedirects)


def _why(reason: object, timeout: float) -> str:
    """Why a request failed, in the words a user can act on."""
    import socket

    if isinstance(reason, socket.gaierror):
        return "the host name was not found (are you offline, or is the address mistyped?)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused (nothing answers at that port)"
    if isinstance(reason, TimeoutError):
        return f"no complete answer within {timeout:g} seconds"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[0].lower() + reason.strerror[1:]
    return str(reason) or type(reason).__name__


# Telling what the bytes are ----------------------------------------------------------------


def _article(received: _Received, max_bytes: int) -> Article:
    """The article in `received`, after refusing what is not one."""
    data = received.data
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _problem(received.name, "unsupported-article", f"this is {what}, not an article")
    if data.startswith(b"PK\x03\x04"):
        return _docx_article(received, max_bytes)
    encoding = _bom_encoding(data)
    if encoding is None and b"\x00" in data:
        raise _problem(
            received.name,
            "unsupported-article",
            "this is a binary file (it holds NUL bytes), not an article; "
            "a text in UTF-16 needs a byte-order mark",
        )
    if _is_html(received, encoding):
        return _html_article(received, encoding)
    text = _decode(data, received.name, encoding or received.charset or "utf-8")
    return Article(_plain_lines(text), url=received.url)


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def _is_html(received: _Received, encoding: str | None) -> bool:
    """Whether the article is a web page: by its content type, its suffix, else its start."""
    if received.content_type in ("text/html", "application/xhtml+xml"):
        return True
    if received.content_type in ("text/plain", "text/markdown"):
        return False
    if received.suffix in _HTML_SUFFIXES:
        return True
    if received.suffix in _TEXT_SUFFIXES:
        return False
    start = received.data[:4096].decode(encoding or "latin-1", errors="ignore")
    return _HTML_START.match(start.lstrip("\ufeff")) is not None


def _decode(data: bytes, name: str, encoding: str, declared: bool = False) -> str:
    """`data` as text in `encoding`; an undecodable byte is an error that says where it is."""
    try:
        codec = codecs.lookup(_CHARSET_ALIASES.get(encoding.lower(), encoding)).name
    except LookupError:
        raise _problem(
            name, "bad-encoding", f"the page declares the charset {encoding!r}, which is unknown"
        ) from None
    try:
        return data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        if codec.startswith("utf-16"):
            message = f"the bytes at offset {exc.start} are not UTF-16"
            raise _problem(name, "bad-encoding", message) from None
        if declared:
            why = f"is not {encoding}, the charset the page declares"
        elif codec in ("utf-8", "utf-8-sig"):
            why = "is not UTF-8; save the article as UTF-8"
        else:
            why = f"is not {encoding}"
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode(codec, errors="replace")) + 1
        message = f"byte 0x{data[exc.start]:02x} {why}"
        raise _problem(name, "bad-encoding", message, line, column) from None


def _plain_lines(text: str) -> str:
    """`text` with every line ending a plain newline."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Web pages ---------------------------------------------------------------------------------


def _html_article(received: _Received, bom_encoding: str | None) -> Article:
    """The main text of a web page, with the metadata the page gives."""
    import trafilatura
    from trafilatura.settings import Document

    declared = received.charset or _meta_charset(received.data)
    encoding = bom_encoding or declared or "utf-8"
    markup = _decode(
        received.data, received.name, encoding, bom_encoding is None and bool(declared)
    )
    tree = trafilatura.load_html(markup)
    if tree is None:
        raise _problem(received.name, "unreadable-article", "found no web page in this file")
    language = _page_language(tree)  # before extraction, which prunes the tree
    # The balanced default: favour_precision drops short paragraphs of real articles, and
    # favour_recall keeps adverts and teasers; this one falls back on recall by itself
    # when what it finds covers little of the page.
    document = trafilatura.bare_extraction(
        tree,
        url=received.url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _body_text(document.body) if isinstance(document, Document) else ""
    if not isinstance(document, Document) or not text:
        raise _problem(received.name, "unreadable-article", "found no article text in this page")
    return Article(
        text,
        title=_given(document.title),
        author=_given(document.author),
        publisher=_given(document.sitename),
        published=_iso_date(document.date),
        url=_given(document.url) or received.url,
        language=language,
    )


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def _page_language(tree: Any) -> str | None:
    """The language the page declares: <html lang>, Content-Language, or og:locale."""
    root = tree.getroottree().getroot()
    candidates = [root.get("lang", ""), root.get("{http://www.w3.org/XML/1998/namespace}lang", "")]
    for meta in tree.iter("meta"):
        if meta.get("http-equiv", "").lower() == "content-language":
            candidates.append(meta.get("content", ""))
    candidates += (
        meta.get("content", "") for meta in tree.iter("meta") if meta.get("property") == "og:locale"
    )
    return next((code for code in map(_language_code, candidates) if code), None)


def _language_code(tag: str) -> str | None:
    """The primary subtag of a language tag: "ar" for ar-SA, "en" for en_GB."""
    primary = re.split(r"[-_,;\s]", tag.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _body_text(body: Any) -> str:
    """trafilatura's extracted tree as paragraphs, a blank line between them."""
    if body is None:
        return ""
    paragraphs = (block.strip() for block in _blocks(body))
    text = "\n\n".join(block for block in paragraphs if block)
    return f"{text}\n" if text else ""


def _blocks(body: Any) -> Iterator[str]:
    for element in body:
        if element.tag == "list":
            yield from (_inline(item) for item in element.iterchildren("item"))
        elif element.tag == "table":
            for row in element.iter("row"):
                yield " | ".join(_inline(cell).strip() for cell in row.iterchildren("cell"))
        else:
            yield _inline(element)


def _inline(element: Any) -> str:
    """An element's text, its line breaks kept as newlines."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _inline(child))
        parts.append(child.tail or "")
    return "\n".join(line.strip() for line in "".join(parts).split("\n"))


def _given(value: str | None) -> str | None:
    """A metadata value, None when the page gives none or only spaces."""
    return (value or "").strip() or None


def _iso_date(value: str | None) -> str | None:
    return value if value and _ISO_DATE.fullmatch(value) else None


# Word documents ----------------------------------------------------------------------------


def _docx_article(received: _Received, max_bytes: int) -> Article:
    """The paragraphs of a Word .docx file, with its title, author and creation date."""
    name = received.name
    try:
        with zipfile.ZipFile(io.BytesIO(received.data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise _problem(name, "unsupported-article", "this is a damaged ZIP archive") from None
    if not set(_DOCX_PARTS) <= {member.filename for member in members}:
        raise _problem(
            name, "unsupported-article", "this is a ZIP archive, not a Word .docx document"
        )
    if sum(member.file_size for member in members) > _DOCX_EXPANSION * max_bytes:
        raise _too_large(name, max_bytes)

    import docx

    try:
        document = docx.Document(io.BytesIO(received.data))
        paragraphs = list(_docx_blocks(document))
        properties = document.core_properties
    except Exception:  # python-docx has no one error for a malformed part
        raise _problem(
            name,
            "unreadable-article",
            "this Word document is damaged; open it in Word and save it again",
        ) from None
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        raise _problem(name, "unreadable-article", "found no text in this Word document")
    created = properties.created
    return Article(
        f"{text}\n",
        title=_given(properties.title),
        author=_given(properties.author),
        published=created.date().isoformat() if created is not None else None,
        language=_language_code(properties.language or ""),
    )


def _docx_blocks(document: Any) -> Iterator[str]:
    """The body's paragraphs and table rows, in the order they are written."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                yield " | ".join(_plain_lines(cell.text).strip() for cell in row.cells)
        else:
            yield _plain_lines(block.text).strip()
