"""Fixtures for the browser tests: one headless Chromium per test module."""

import pytest

from harness import start_browser, stop_browser


@pytest.fixture(scope="module")
def browser():
    driver = start_browser()
    yield driver
    stop_browser(driver)
