"""JUnit XML, which GitLab, Jenkins and most CI servers show as test results.

One ``<testcase>`` per checked file, so a clean file shows as a passed test;
one ``<failure>`` per finding that fails the run (errors; warnings too under
``--strict``), its ``type`` the finding's severity.  Findings that do not fail
the run are listed in the test's ``<system-out>``: shown, but the test passes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from guidelint.diagnostic import Diagnostic
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(result: LintResult, info: FormatInfo) -> str:
    """One ``<testsuite>`` named guidelint inside ``<testsuites>``."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in result.diagnostics:
        by_path[d.path].append(d)
    # Findings may name files the run did not list (none today); keep them too.
    paths = list(dict.fromkeys([*result.paths, *by_path]))
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[info.fail_at]
    failed = sum(1 for p in paths if any(d.severity in failing for d in by_path.get(p, ())))
    counts = {"tests": str(len(paths)), "failures": str(failed), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "guidelint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "guidelint", **counts, "time": "0"})
    for path in paths:
        case = ET.SubElement(
            suite,
            "testcase",
            {"classname": "guidelint", "name": _clean(path), "file": _clean(path), "time": "0"},
        )
        passing = []
        for d in by_path.get(path, ()):
            line = _clean(f"{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}")
            if d.severity not in failing:
                passing.append(line)
                continue
            failure = ET.SubElement(
                case,
                "failure",
                {"type": d.severity, "message": _clean(f"{d.rule}: {d.message}")},
            )
            failure.text = line
        if passing:
            ET.SubElement(case, "system-out").text = "\n".join(passing)
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
