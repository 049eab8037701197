"""Checks of what a user types on the command line, with the limits files get.

Each returns None when the option's value is fine, else the reason it is not; the command line
turns a reason into a usage error that names the option.
"""

from __future__ import annotations

from reconcile.values import InvalidValue, parse_date


def encoding_problem(text: str) -> str | None:
    """Why `text` cannot be written to a UTF-8 file: bytes that were not UTF-8 on the command
    line (they arrive as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        byte = f"0x{ord(bad) - 0xDC00:02x}" if 0xDC80 <= ord(bad) <= 0xDCFF else repr(bad)
        return f"holds {byte} at character {exc.start + 1}, which is not UTF-8 text"
    return None


def date_problem(text: str) -> str | None:
    """Why `text` is not an EDTF date or interval."""
    try:
        parse_date(text)
    except InvalidValue as exc:
        return str(exc)
    return None
