"""Browser-test helpers: an accessibility scan with axe-core and full-page screenshots.

The fixtures (`browser`, `browser_login`) live in the root conftest.py; these helpers take a Playwright page.
"""

import os
import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[3]
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = BASE_DIR / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The WCAG 2.0 and 2.1 success criteria at levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_AXE_RUN = """async (tags) => {
  const result = await window.axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")),
  }));
}"""


def shot(page, name: str) -> Path | None:
    """With TRYG_SCREENSHOTS=1 (`make screenshots`): save a full-page screenshot to test-artifacts/<name>.png and
    return its path. Otherwise nothing: the screenshots are for people to look at, no test reads them, and
    encoding them is about a seventh of the browser tests' time."""
    if os.environ.get("TRYG_SCREENSHOTS") != "1":
        return None
    ARTIFACTS.mkdir(exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "page"
    path = ARTIFACTS / f"{safe}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the current page and return its violations."""
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}: run `make npm`")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(_AXE_RUN, AXE_TAGS)


def axe_check(page, *, name: str | None = None) -> None:
    """Fail the test listing every axe violation (id, impact, targets) on the current page."""
    violations = axe_violations(page)
    if not violations:
        return
    if name:
        shot(page, f"axe-{name}")
    lines = [f"{len(violations)} accessibility violation(s) on {page.url}" + (f" ({name})" if name else "")]
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}]: {v['help']}")
        lines.extend(f"    at {target}" for target in v["targets"][:10])
    pytest.fail("\n".join(lines))


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def check_at_widths(page, name: str) -> None:
    """axe-core and a screenshot (test-artifacts/<name>-1280.png, -390.png) at desktop and phone width."""
    for label, size in (("1280", DESKTOP), ("390", PHONE)):
        page.set_viewport_size(size)
        axe_check(page, name=f"{name}-{label}")
        shot(page, f"{name}-{label}")
    page.set_viewport_size(DESKTOP)
