"""The HTML audit report at scale: its size and the time headless Chromium takes to open it.

    python bench/bench_report.py [--documents 2000] [--findings 70000] [--repeat 3]

The run is the synthetic 2,000-document, 70,000-finding run of tests/big_report.py, fed straight
to the reporter. The open time is the browser's own navigation timing, from the start of the
navigation to the end of the load event (the page's script has run and the page is laid out),
the best of --repeat loads. Needs chromium and chromedriver on the PATH and selenium installed.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from big_report import TODAY, big_result  # noqa: E402

from contentlint.model.settings import Config  # noqa: E402
from contentlint.report import ReportOptions, get  # noqa: E402


def render(documents: int, findings: int) -> tuple[str, float]:
    result = big_result(documents, findings)
    config = Config(today=TODAY)
    buffer = io.StringIO()
    start = time.perf_counter()
    get("html")(result, buffer, ReportOptions(config=config))
    return buffer.getvalue(), time.perf_counter() - start


def open_times(page: Path, repeat: int) -> list[float]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
    driver.set_page_load_timeout(300)
    try:
        times = []
        for _ in range(repeat):
            driver.get("about:blank")
            driver.get(page.as_uri())
            times.append(driver.execute_script(
                "var t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime;") / 1000)
        return times
    finally:
        driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--findings", type=int, default=70_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    html, seconds = render(args.documents, args.findings)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        size = page.stat().st_size
        rows = html.count("<tr data-family=")
        times = open_times(page, args.repeat)
    print(f"{args.documents} documents, {args.findings} findings: {size / 1e6:.2f} MB, {rows} table rows, "
          f"rendered in {seconds:.2f} s; opens in {min(times):.2f} s (best of {len(times)}: "
          + ", ".join(f"{t:.2f}" for t in times) + ")")


if __name__ == "__main__":
    main()
