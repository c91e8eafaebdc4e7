"""Our TimelineJS export, opened by the real TimelineJS 3 in headless Chromium.

Needs `chromium` and TimelineJS (tests/consumers/setup.sh installs both; CI runs it);
skipped, with the reason, where either is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from viewer.core.catalog.read import Catalog
from viewer.core.interchange import timelinejs_export

CONSUMERS = ROOT / "tests" / "consumers"
TIMELINEJS = CONSUMERS / "node_modules" / "@knight-lab" / "timelinejs" / "dist" / "js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or not TIMELINEJS.is_dir(),
    reason="needs chromium and TimelineJS: run tests/consumers/setup.sh",
)


def _open_in_timelinejs(document: dict[str, object], tmp_path: Path) -> dict[str, object]:
    page = (CONSUMERS / "timelinejs.html").read_text(encoding="utf-8")
    run = CONSUMERS / f".run-{tmp_path.name}.html"  # beside node_modules, which it loads
    run.write_text(page.replace("/*DATA*/", json.dumps(document)), encoding="utf-8")
    try:
        dom = subprocess.run(
            [
                str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tmp_path / 'profile'}", "--allow-file-access-from-files",
                "--virtual-time-budget=8000", "--dump-dom", run.as_uri(),
            ],
            capture_output=True, text=True, timeout=120, check=False,
        ).stdout  # fmt: skip
    finally:
        run.unlink()
    found = re.search(r'<pre id="result">([^<]*)</pre>', dom)
    assert found is not None and found.group(1) != "pending", dom[-2000:]
    result: dict[str, object] = json.loads(found.group(1).replace("&quot;", '"'))
    return result


@pytest.mark.parametrize("profile", ["trump-on-putin", "putin-on-trump"])
def test_timelinejs_builds_every_slide_and_era_with_no_error(
    catalog: Catalog, tmp_path: Path, profile: str
) -> None:
    document = timelinejs_export.export_profile(catalog, profile)
    shown = _open_in_timelinejs(document, tmp_path)
    assert shown["thrown"] is None and shown["errors"] == [] and shown["shown"] is None
    assert sorted(shown["slides"]) == sorted(e.id for e in catalog.events(profile))  # type: ignore[arg-type]
    eras = catalog.eras()
    assert len(shown["eras"]) == len(eras)  # type: ignore[arg-type]
    # Every range ends where ours ends: its last day, not the first of its last year.
    ours = {e.id: e.date.end for e in catalog.events(profile)}
    for event_id, (year, month, day) in shown["ends"]:  # type: ignore[attr-defined]
        end = ours[event_id]
        assert (year, month, day) == (end.year, end.month, end.day), event_id
    assert ["2015-2016-trump-denies-knowing-putin", [2016, 12, 31]] in shown["ends"] or (
        profile != "trump-on-putin"
    )
