"""The page that replaces an HTML report when errors stop a run: the errors, nothing current."""

from __future__ import annotations

from html import escape

from reconcile.problems import Problem

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consistency report: not written</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; }}
code {{ font-family: ui-monospace, monospace; }}
li {{ margin: .4rem 0; }}
.error {{ color: #b00020; font-weight: bold; }}
</style>
</head>
<body>
<h1>Consistency report: not written</h1>
<p>The project has {summary}, so no report was written. Fix them and run
<code>reconcile report</code> again. This page replaces the older report, which no longer held.</p>
<ul>
{items}
</ul>
</body>
</html>
"""


def error_page(problems: tuple[Problem, ...]) -> str:
    """A self-contained page listing `problems`, each at its place, all text escaped."""
    errors = sum(1 for problem in problems if str(problem.severity) == "error")
    summary = f"{errors} error{'s' * (errors != 1)}"
    items = "\n".join(
        f'<li><code>{escape(str(problem.place))}</code>: <span class="{problem.severity}">'
        f"{problem.severity}</span>: {escape(problem.message)} "
        f"<code>[{escape(problem.code)}]</code></li>"
        for problem in problems
    )
    return _PAGE.format(summary=summary, items=items)
