"""The `saywho sources --html` report in a real browser: sorting, quotes in
context, details on focus and tap, and screenshots at desktop and phone widths."""

import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import ROOT, no_horizontal_overflow, open_page, run_saywho, screenshot

SAMPLE = ROOT / "docs/sample-articles.jsonl"


@pytest.fixture(scope="module")
def report():
    out = Path(tempfile.mkdtemp(prefix="saywho-report-")) / "report.html"
    run_saywho("sources", "--jsonl-input", "--by", "date:month", "--gender", "--html", str(out), str(SAMPLE))
    return out


def column(browser, index):
    rows = browser.find_elements(By.CSS_SELECTOR, "#sources tbody.src > tr:first-child")
    return [row.find_elements(By.TAG_NAME, "td")[index].get_attribute("data-v") for row in rows]


def header(browser, name):
    return browser.find_element(By.XPATH, f"//table[@id='sources']//th/button[normalize-space()='{name}']")


def test_the_page_loads_nothing_from_outside(browser, report):
    open_page(browser, report)
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
    assert resources == []
    assert browser.find_elements(By.CSS_SELECTOR, "script[src], link[rel=stylesheet], img[src^=http]") == []


def test_the_table_sorts_by_a_column(browser, report):
    open_page(browser, report)
    quotes = [int(v) for v in column(browser, 2)]
    assert quotes == sorted(quotes, reverse=True), "most quoted first"
    header(browser, "Source").click()
    names = column(browser, 0)
    assert names == sorted(names, key=str.lower)
    assert header(browser, "Source").find_element(By.XPATH, "..").get_attribute("aria-sort") == "ascending"
    header(browser, "Source").click()
    assert column(browser, 0) == sorted(names, key=str.lower, reverse=True)
    header(browser, "Documents").click()
    documents = [int(v) for v in column(browser, 3)]
    assert documents == sorted(documents, reverse=True)
    assert documents[0] == 2 and documents[-1] == 1


def test_a_row_opens_its_quotes_in_context(browser, report):
    open_page(browser, report)
    row = browser.find_element(By.XPATH, "//tbody[@class='src'][.//td[@data-v='Hilde Varga']]")
    quotes = row.find_element(By.CSS_SELECTOR, "tr.quotes")
    assert not quotes.is_displayed()
    opener = row.find_element(By.CSS_SELECTOR, "button.open")
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    assert quotes.is_displayed()
    assert "3 of 3 quotes" in quotes.text
    marks = [m.text for m in quotes.find_elements(By.TAG_NAME, "mark")]
    assert "The bridge will reopen in May," in marks
    assert "said Ms Hilde Varga" in quotes.text, "the words around the quote are shown"
    opener.click()
    assert not quotes.is_displayed()


def test_chart_details_show_on_focus_and_tap(browser, report):
    open_page(browser, report)
    tip = browser.find_element(By.ID, "tip")
    # Keyboard: the first Tab reaches the first chart segment.
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.tag_name == "rect"
    assert tip.is_displayed() and tip.text == focused.get_attribute("data-tip")
    browser.execute_script("document.body.click()")
    assert not tip.is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#groups svg rect[tabindex='0']").click()
    assert tip.is_displayed() and "2024-" in tip.text


@pytest.mark.parametrize("width", [1200, 390])
def test_screenshots_are_not_blank_and_the_page_fits(browser, report, width):
    open_page(browser, report)
    path = screenshot(browser, width, "report")
    assert path.stat().st_size > 10_000
    assert no_horizontal_overflow(browser)
