"""The moves page walked in a real headless Chromium (issue 22): a typed title's moves with the stay row first, the
sort and filter choices as plain links, the chart, and a move's full comparison one click away; axe-core runs on the
page in test_site.py's accessibility test."""

from selenium.webdriver.common.by import By

from test_site import click, console_problems, open_page, path_of, ready, screenshot
from selenium.webdriver.support.ui import WebDriverWait

MOVES = "/moves/registered-nurse"


def test_moves_page(server, driver, artifacts):
    open_page(driver, server, MOVES)
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert heading.startswith("Next moves from"), heading
    rows = driver.find_elements(By.CSS_SELECTOR, "table.moves tbody tr")
    assert len(rows) >= 6, f"only {len(rows)} rows on {MOVES}"
    assert "stay" in rows[0].get_attribute("class"), "the stay row is not first"
    charts = driver.find_elements(By.CSS_SELECTOR, "svg#moves-chart")
    assert charts and charts[0].is_displayed(), "no pay-against-preparation chart"
    screenshot(driver, artifacts, "20-moves")

    # A sort is a plain link: the page it leads to is sorted by pay and still has the stay row first.
    sort = [a for a in driver.find_elements(By.CSS_SELECTOR, "nav.choices a") if "pay" in a.text.lower()]
    assert sort, "no sort-by-pay link"
    click(driver, sort[0])
    WebDriverWait(driver, 30).until(lambda d: "sort=" in d.current_url and ready(d))
    assert "stay" in driver.find_elements(By.CSS_SELECTOR, "table.moves tbody tr")[0].get_attribute("class")
    screenshot(driver, artifacts, "21-moves-by-pay")

    full = driver.find_elements(By.LINK_TEXT, "Full comparison")
    assert full, "no move links to its full comparison"
    click(driver, full[0])
    WebDriverWait(driver, 30).until(lambda d: path_of(d).startswith("/compare/") and ready(d))
    assert driver.find_elements(By.CSS_SELECTOR, "article.comparison"), f"no comparison at {driver.current_url}"
    screenshot(driver, artifacts, "22-moves-to-comparison")
    assert console_problems(driver) == []
