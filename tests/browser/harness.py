"""A reusable harness for saywho's HTML pages in headless Chromium.

Runs the real `saywho` binary, opens the pages it writes in Debian's
`chromium` through `chromium-driver` (selenium, with explicit paths, so no
driver or browser is ever downloaded), and checks screenshots. Used by the
report tests here and meant for the `saywho show` pages as well.

Environment:
  SAYWHO_BIN      the binary (default: target/release/saywho, then target/debug/saywho)
  CHROMIUM        the browser (default: chromium on PATH)
  CHROMEDRIVER    the driver (default: chromedriver on PATH)
  CI=true         a missing browser or binary fails the tests instead of skipping them
  SAYWHO_SCREENSHOTS  a directory to keep the screenshots in (default: a temporary one)
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(message: str):
    """Skips the test, or fails it under CI=true."""
    if in_ci():
        pytest.fail(f"{message} (CI=true: the browser tests must run)")
    pytest.skip(message)


def saywho_bin() -> Path:
    given = os.environ.get("SAYWHO_BIN")
    candidates = [Path(given)] if given else [ROOT / "target/release/saywho", ROOT / "target/debug/saywho"]
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    unavailable(f"no saywho binary at {', '.join(map(str, candidates))}; run `cargo build --release`")


def run_saywho(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Runs the binary and fails the test on a non-zero exit."""
    done = subprocess.run([str(saywho_bin()), *args], input=stdin, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"saywho {' '.join(args)} exited {done.returncode}:\n{done.stderr}"
    return done


def start_browser():
    """A headless Chromium with a fresh profile, driven by chromium-driver."""
    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium")
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    if not (chromium and Path(chromium).is_file() and driver_path and Path(driver_path).is_file()):
        unavailable("chromium or chromedriver is not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="saywho-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument("--window-size=1200,900")
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.saywho_profile = profile
    return driver


def stop_browser(driver) -> None:
    driver.quit()
    shutil.rmtree(driver.saywho_profile, ignore_errors=True)


def open_page(driver, path: Path) -> None:
    driver.get(path.resolve().as_uri())
    assert driver.execute_script("return document.readyState") == "complete"


def screenshot(driver, width: int, name: str) -> Path:
    """A full-page screenshot at `width` CSS pixels, checked non-blank; returns the PNG's path."""
    from PIL import Image

    height = driver.execute_script("return Math.max(document.documentElement.scrollHeight, 600)")
    driver.set_window_size(width, min(int(height) + 120, 4000))
    assert driver.execute_script("return document.documentElement.clientWidth") <= width
    png = driver.get_screenshot_as_png()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.width > 0 and image.height > 0
    colours = image.getcolors(maxcolors=1 << 20) or []
    commonest = max(count for count, _ in colours) if colours else 0
    assert len(colours) > 16, f"{name}: {len(colours)} colours: a blank page?"
    assert commonest < 0.98 * image.width * image.height, f"{name}: one colour fills the page"
    keep = os.environ.get("SAYWHO_SCREENSHOTS")
    directory = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="saywho-shots-"))
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}-{width}.png"
    path.write_bytes(png)
    return path


def no_horizontal_overflow(driver) -> bool:
    """Whether the page fits its window's width (tables may scroll inside their own box)."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
