"""The report of any parliament: from one game file to report.html, report.md, tables and
figures.

:class:`Study` computes every number once (power, leverage, scenarios with traced blocs,
the formateur's partners, coalition theories, the sensitivity to the graph);
:func:`write_report` writes them, with the analyst's narrative in its slots. The command
``powerindex report FILE -o DIR`` does the same.

This package sits at the top of the layers: it uses games, indices, politics, file reading
and the presentation tools, and nothing imports it but the command line and the public API.
"""

from .model import Study
from .report import SLOTS, read_narrative, report_markdown, write_pages, write_report

__all__ = ["Study", "write_report", "write_pages", "report_markdown", "read_narrative", "SLOTS"]
