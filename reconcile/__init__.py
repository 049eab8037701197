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
