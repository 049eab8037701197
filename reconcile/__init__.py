"""reconcile: find, before publication, every place where your sources disagree.

The library is the product; the command line is a thin layer over it::

    import reconcile
    project = reconcile.load_project("path/to/project")
    report = reconcile.compare(project)
    for group in report.groups:
        print(group.status, group.topic.id, group.property.id)
    frame = reconcile.claims_frame(report)   # a pandas DataFrame, one row per claim
    reconcile.write_report(report, "html", "reports/consistency.html")
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reconcile.compare import compare
    from reconcile.load import load_project
    from reconcile.model import (
        Claim,
        ClaimView,
        Config,
        Entity,
        Group,
        MemberRow,
        Project,
        QuoteStatus,
        Report,
        Resolution,
        Source,
        Status,
        Verdict,
    )
    from reconcile.problems import Place, Problem, ReconcileError, Severity
    from reconcile.render import render, write_report
    from reconcile.render.data import claims_frame, report_data

#: Where each public name lives; imported on first use, so that `reconcile --help` starts fast.
_HOMES = {
    "compare": "reconcile.compare",
    "load_project": "reconcile.load",
    **dict.fromkeys(
        (
            "Claim",
            "ClaimView",
            "Config",
            "Entity",
            "Group",
            "MemberRow",
            "Project",
            "QuoteStatus",
            "Report",
            "Resolution",
            "Source",
            "Status",
            "Verdict",
        ),
        "reconcile.model",
    ),
    **dict.fromkeys(("Place", "Problem", "ReconcileError", "Severity"), "reconcile.problems"),
    "write_report": "reconcile.render",
    "claims_frame": "reconcile.render.data",
    "report_data": "reconcile.render.data",
}


class _Function:
    """A public function named as a submodule is (`compare`, `render`): the import system sets
    the package's attribute to the submodule when it is imported; the function stays."""

    def __init__(self, module: str) -> None:
        self.module = module

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, package: object, owner: type | None = None) -> Any:
        return getattr(importlib.import_module(self.module), self.name)

    def __set__(self, package: object, value: object) -> None:
        pass


class _Package(types.ModuleType):
    compare = _Function("reconcile.compare")
    render = _Function("reconcile.render")


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'reconcile' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimView",
    "Config",
    "Entity",
    "Group",
    "MemberRow",
    "Place",
    "Problem",
    "Project",
    "QuoteStatus",
    "ReconcileError",
    "Report",
    "Resolution",
    "Severity",
    "Source",
    "Status",
    "Verdict",
    "__version__",
    "claims_frame",
    "compare",
    "load_project",
    "render",
    "report_data",
    "write_report",
]
