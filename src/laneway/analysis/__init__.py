"""SPEC §2: the map as a networkx graph, one function per rule, the report."""

from laneway.analysis.engine import DEFAULT_HANDOFF_THRESHOLD, analyze
from laneway.analysis.findings import RULES, RULES_BY_ID, SEVERITIES, Finding, Report, Rule, Summary
from laneway.analysis.graph import to_digraph
from laneway.analysis.output import format_report, report_to_dict

__all__ = [
    "DEFAULT_HANDOFF_THRESHOLD",
    "RULES",
    "RULES_BY_ID",
    "SEVERITIES",
    "Finding",
    "Report",
    "Rule",
    "Summary",
    "analyze",
    "format_report",
    "report_to_dict",
    "to_digraph",
]
