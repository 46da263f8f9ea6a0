"""The two automatic checkers the browser tests run on rendered pages: axe-core and the Nu HTML Checker."""

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

NODE_MODULES = Path(__file__).resolve().parent / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
BLOCKING_IMPACTS = {"serious", "critical"}
INSTALL_HINT = "run ops/browser-tools.sh (make test does) to install the pinned checkers"


@cache
def axe_source():
    assert AXE_JS.exists(), f"{AXE_JS} is missing: {INSTALL_HINT}"
    return AXE_JS.read_text()


def axe_violations(page, impacts=BLOCKING_IMPACTS):
    """axe-core's violations on the page as it is now, keeping only the given impacts."""
    page.evaluate(axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [violation for violation in result["violations"] if violation["impact"] in impacts]


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
            lines.append(f"        {node['html'][:200]}")
    return "\n".join(lines)


def vnu_errors(html_files):
    """The Nu HTML Checker's errors, per file, for a batch of HTML files (one JVM start)."""
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: {INSTALL_HINT}"
    java = shutil.which("java")
    assert java, "Java is missing: " + INSTALL_HINT
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, html_files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu exits 1 when it found errors; the JSON report is on stderr either way.
    report = json.loads(result.stderr or result.stdout)
    errors = {Path(path).name: [] for path in html_files}
    for message in report["messages"]:
        if message.get("type") in {"error", "non-document-error"} or message.get("subType") == "fatal":
            errors.setdefault(Path(message.get("url", "")).name, []).append(message)
    return errors


def describe_vnu_errors(messages):
    return "\n".join(
        f"line {message.get('lastLine', '?')}: {message['message']}\n    {message.get('extract', '').strip()[:200]}"
        for message in messages
    )
