"""`saywho show` pages in a real browser: every quote and entity that
`saywho extract` reports is marked, a quote's details show on keyboard
focus, click and tap, the list of who said what links to the quotes, the
index links to the pages, and screenshots at desktop and phone widths are
not blank and fit the width."""

import json
import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from harness import no_horizontal_overflow, open_page, run_saywho, screenshot

# Our own sentences: an interrupted quote, names inside quotes and speakers,
# a speaker saywho cannot name, a scare quote, and text that looks like HTML.
ARTICLE = """Harbour Bridge to Reopen in June
“The steel is in place,” said Lena Vogt, the engineer in charge. “We only need the paint to dry.”
Mayor Tomas Berg told reporters in Bergen that Lena Vogt had “earned a medal” for the work.
Local traders said that the closure had cost them <b>half</b> their sales & more.
Some called the new colour “sunset orange.”
“It is about time,” one driver said.
"""


@pytest.fixture(scope="module")
def article():
    """The article's file, its `saywho extract` JSON and its `saywho show` page."""
    directory = Path(tempfile.mkdtemp(prefix="saywho-show-"))
    text = directory / "bridge.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    doc = json.loads(run_saywho("extract", str(text)).stdout)
    page = directory / "bridge.html"
    page.write_text(run_saywho("show", "--title", "Harbour bridge", str(text)).stdout, encoding="utf-8")
    return text, doc, page


def words(quote):
    """A quote's words as the page marks them: its parts, or its content."""
    return "".join(part["text"] for part in quote.get("parts") or [quote["content"]])


def pieces_text(browser, attribute):
    """For each value of `attribute` in the article, the text of its elements joined in page order."""
    return browser.execute_script(
        """const name=arguments[0],out={};
        document.querySelectorAll('#article [' + name + ']').forEach(function(el){
          const k=el.getAttribute(name);out[k]=(out[k]||'')+el.textContent});
        return out;""",
        attribute,
    )


def tip(browser):
    element = browser.find_element(By.ID, "tip")
    return element.text if element.is_displayed() else None


def test_the_page_loads_nothing_from_outside(browser, article):
    _, _, page = article
    open_page(browser, page)
    assert browser.execute_script("return performance.getEntriesByType('resource').map(r => r.name)") == []
    assert browser.find_elements(By.CSS_SELECTOR, "script[src], link[href], img, iframe") == []


def test_every_quote_and_entity_is_marked(browser, article):
    _, doc, page = article
    assert len(doc["entities"]) >= 4 and len(doc["quotes"]) >= 5, "the article above, as saywho reads it"
    open_page(browser, page)
    assert browser.execute_script("return document.getElementById('article').textContent") == ARTICLE
    entities = pieces_text(browser, "data-e")
    assert entities == {str(i): e["text"] for i, e in enumerate(doc["entities"])}
    for i, e in enumerate(doc["entities"]):
        assert browser.find_element(By.ID, f"e{i}").get_attribute("data-label") == e["label"]
    quotes = pieces_text(browser, "data-q")
    assert quotes == {str(i): words(q) for i, q in enumerate(doc["quotes"])}
    for i in range(len(doc["quotes"])):
        first = browser.find_element(By.ID, f"q{i}")
        assert first.get_attribute("tabindex") == "0"
        assert first.is_displayed() and first.size["width"] > 0
    speakers = {el.text for el in browser.find_elements(By.CSS_SELECTOR, "#article .spk")}
    assert speakers == {q["speaker"]["text"] for q in doc["quotes"] if q["speaker"]}
    cues = {el.get_attribute("textContent") for el in browser.find_elements(By.CSS_SELECTOR, "#article .cue")}
    assert cues == {q["cue"]["text"] for q in doc["quotes"] if q["cue"]}
    # The list of who said what links to every quote once.
    links = [a.get_attribute("href").rsplit("#", 1)[1] for a in browser.find_elements(By.CSS_SELECTOR, "aside a")]
    assert sorted(links) == sorted(f"q{i}" for i in range(len(doc["quotes"])))


def test_a_quote_shows_its_details_on_keyboard_focus(browser, article):
    _, doc, page = article
    open_page(browser, page)
    assert tip(browser) is None
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.get_attribute("id") == "q0", "the first tab stop is the first quote"
    first = doc["quotes"][0]
    details = tip(browser)
    assert details is not None
    for fact in (first["kind"], first["rule"], f"{first['confidence']:.2f}", first["speaker"]["canonical"]):
        assert fact in details, (fact, details)
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element.get_attribute("id") == "q1"
    assert "Quote 2" in tip(browser)
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert tip(browser) is None


def test_a_quote_shows_its_details_on_click_and_on_tap(browser, article):
    _, doc, page = article
    open_page(browser, page)
    last = len(doc["quotes"]) - 1
    browser.find_element(By.ID, f"q{last}").click()
    assert f"Quote {last + 1} · {doc['quotes'][last]['kind']}" in tip(browser)
    browser.find_element(By.TAG_NAME, "h1").click()
    assert tip(browser) is None
    # A finger's tap on a phone-sized window.
    browser.set_window_size(390, 800)
    quote = browser.find_element(By.ID, "q0")
    browser.execute_script("arguments[0].scrollIntoView({block:'center'})", quote)
    tap = ActionBuilder(browser, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
    tap.pointer_action.move_to(quote).pointer_down().pointer_up()
    tap.perform()
    details = tip(browser)
    assert details is not None and doc["quotes"][0]["rule"] in details
    box = browser.find_element(By.ID, "tip").rect
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the details fit a phone's width"
    browser.set_window_size(1200, 900)


def test_an_entity_in_a_quote_shows_both(browser, article):
    _, doc, page = article
    open_page(browser, page)
    inside = browser.execute_script(
        "const e=document.querySelector('#article [data-q] [data-e]');return e&&e.id"
    )
    assert inside, "the article has a name inside a quote"
    browser.find_element(By.ID, inside).click()
    entity = doc["entities"][int(inside[1:])]
    lines = tip(browser).splitlines()
    assert lines[0].startswith(f"{entity['label']} · {entity['canonical']}")
    assert any(line.startswith("Quote ") for line in lines[1:])


def test_the_list_of_who_said_what_leads_to_the_quote(browser, article):
    _, doc, page = article
    open_page(browser, page)
    link = browser.find_elements(By.CSS_SELECTOR, "aside a")[-1]
    target = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    assert browser.switch_to.active_element.get_attribute("id") == target
    assert f"Quote {int(target[1:]) + 1} " in tip(browser)
    names = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "aside ol.speakers > li > b")]
    canonical = [q["speaker"]["canonical"] for q in doc["quotes"] if q["speaker"] and q["speaker"]["canonical"]]
    assert set(canonical) <= set(names)


@pytest.mark.parametrize("width", [1200, 390])
def test_screenshots_are_not_blank_and_the_page_fits(browser, article, width):
    _, _, page = article
    open_page(browser, page)
    path = screenshot(browser, width, "show")
    assert path.stat().st_size > 10_000
    assert no_horizontal_overflow(browser)
    text = browser.find_element(By.ID, "article").rect
    who = browser.find_element(By.CSS_SELECTOR, "aside.who").rect
    if width >= 1200:
        assert who["x"] >= text["x"] + text["width"], "the list beside the article"
    else:
        assert who["y"] >= text["y"] + text["height"], "the list below the article"
        assert text["width"] <= width


def test_a_folder_of_pages_has_an_index_that_links_them(browser):
    directory = Path(tempfile.mkdtemp(prefix="saywho-show-dir-"))
    corpus = directory / "corpus.jsonl"
    lines = [
        {"id": "city/1", "title": "Bridge <news>", "text": ARTICLE},
        {"id": "city/2", "text": "Councillor Ada Moss said that the budget was balanced."},
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    run_saywho("show", "--jsonl-input", str(corpus), "--out-dir", str(directory / "pages"))
    open_page(browser, directory / "pages/index.html")
    links = browser.find_elements(By.CSS_SELECTOR, "tbody a")
    assert [a.text for a in links] == ["Bridge <news>", "city/2"]
    links[1].click()
    assert browser.title == "city/2"
    assert browser.find_elements(By.CSS_SELECTOR, "#article [data-q]")
    assert no_horizontal_overflow(browser)
