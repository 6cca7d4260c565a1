"""Three and four roles side by side (issue 22, item 8), walked in a real headless Chromium: from a two-role page the
"add a third role" form leads to the lineup's address, whose table sets every role's figures side by side, with a pay
chart and a link to each two-role comparison; one more role makes four. axe-core runs on a lineup in test_site.py."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_site import SEED, click, console_problems, open_page, path_of, ready, screenshot


def lineup_table(driver):
    table = driver.find_element(By.CSS_SELECTOR, "section#lineup table")
    header = [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "thead th")]
    labels = [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "tbody th")]
    return header, labels


def add_role(driver, title: str) -> None:
    form = driver.find_element(By.CSS_SELECTOR, "form.add-role")
    field = form.find_element(By.CSS_SELECTOR, "input:not([type=hidden])")
    field.send_keys(title)
    before = driver.current_url
    click(driver, form.find_element(By.CSS_SELECTOR, "[type=submit]"))
    WebDriverWait(driver, 30).until(lambda d: d.current_url != before and ready(d))


def test_three_then_four_roles(server, driver, artifacts):
    open_page(driver, server, SEED)
    add_role(driver, "financial manager")
    assert path_of(driver).count("-vs-") == 2, driver.current_url
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert heading.endswith("Side by Side") and "COO" in heading, heading
    header, labels = lineup_table(driver)
    assert len(header) == 4, header
    for label in ("Median pay", "Time to qualify", "Employment change, 2024–34", "Openings a year per 100 jobs",
                  "Most important skills (O*NET)"):
        assert label in labels, f"no {label!r} row in {labels}"
    chart = driver.find_elements(By.CSS_SELECTOR, "section#lineup svg#pay-chart")
    assert chart and chart[0].is_displayed(), "no pay chart on the lineup"
    pairs = driver.find_elements(By.CSS_SELECTOR, "section#pairs ul.links a")
    assert len(pairs) == 3, [a.text for a in pairs]
    screenshot(driver, artifacts, "30-lineup-three")

    lineup = driver.current_url
    click(driver, pairs[-1])
    WebDriverWait(driver, 30).until(lambda d: d.current_url != lineup and ready(d))
    assert driver.find_elements(By.CSS_SELECTOR, "article.comparison section#duties"), f"no two-role article at {driver.current_url}"
    driver.back()
    WebDriverWait(driver, 30).until(lambda d: d.current_url == lineup and ready(d))

    add_role(driver, "controller")
    assert path_of(driver).count("-vs-") == 3, driver.current_url
    header, _ = lineup_table(driver)
    assert len(header) == 5, header
    assert len(driver.find_elements(By.CSS_SELECTOR, "section#pairs ul.links a")) == 6
    assert not driver.find_elements(By.CSS_SELECTOR, "form.add-role"), "a fifth role is offered"
    screenshot(driver, artifacts, "31-lineup-four")
    assert console_problems(driver) == []


def test_hub_form_with_a_third_title(server, driver, artifacts):
    open_page(driver, server, "/")
    form = driver.find_element(By.CSS_SELECTOR, "form.compare")
    for field, title in (("#a", "rn"), ("#b", "lpn"), ("#c", "cna")):
        element = form.find_element(By.CSS_SELECTOR, field)
        element.clear()
        element.send_keys(title)
    click(driver, form.find_element(By.CSS_SELECTOR, "[type=submit]"))
    WebDriverWait(driver, 30).until(lambda d: path_of(d) == "/compare/rn-vs-lpn-vs-cna" and ready(d))
    header, labels = lineup_table(driver)
    assert header[1:] == ["RN", "LPN", "CNA"], header
    assert "Need a license (ORS)" in labels, labels
    screenshot(driver, artifacts, "32-lineup-from-hub")
    assert console_problems(driver) == []
