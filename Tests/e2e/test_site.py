"""The site walked in a real headless Chromium against a real `versus serve` (issue 8, "What it must show"):
search from the hub, the two-title compare form, every section and both charts of a comparison, Next / Previous /
"Back to Job Search", an occupation page, and axe-core on the hub, a comparison and an occupation page.
Screenshots of every step go to the artifacts folder."""

import base64
import json
import warnings
from pathlib import Path
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

SEED = "/compare/operations-manager-vs-coo"
PREVIOUS = "/compare/demand-planner-vs-production-planner"
NEXT = "/compare/event-producer-vs-event-coordinator"
SECTIONS = ["overview", "duties", "requirements", "environment", "skills", "salary", "sources"]
CHIEF_EXECUTIVES = "11-1011.00"


# --- helpers -------------------------------------------------------------------------------------------------


def path_of(driver) -> str:
    return urlparse(driver.current_url).path


def wait_for_path(driver, path: str, timeout: float = 30) -> None:
    try:
        WebDriverWait(driver, timeout).until(lambda d: path_of(d) == path and ready(d))
    except Exception:
        raise AssertionError(f"expected to land on {path}, but the browser is at {driver.current_url}") from None


def ready(driver) -> bool:
    return driver.execute_script("return document.readyState") == "complete"


def open_page(driver, base: str, path: str) -> None:
    driver.get(base + path)
    WebDriverWait(driver, 30).until(ready)


def screenshot(driver, artifacts: Path, name: str) -> Path:
    """The whole page, not only the viewport (Chromium's DevTools capture beyond the viewport)."""
    size = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
    width, height = max(1, min(size[0], 2000)), max(1, min(size[1], 12000))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    file = artifacts / f"{name}.png"
    file.write_bytes(base64.b64decode(shot["data"]))
    return file


def console_problems(driver) -> list[str]:
    """SEVERE browser-console entries since the last call (failed loads, CSP violations, script errors)."""
    entries = driver.get_log("browser")
    return [f"{e['level']}: {e['message']}" for e in entries
            if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]]


def element_size(driver, element) -> tuple[float, float]:
    box = driver.execute_script("var r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", element)
    return box[0], box[1]


def check_chart(driver, chart_id: str) -> None:
    charts = driver.find_elements(By.CSS_SELECTOR, f"svg.chart#{chart_id}")
    assert charts, f"no <svg class=\"chart\" id=\"{chart_id}\"> on {driver.current_url}"
    chart = charts[0]
    width, height = element_size(driver, chart)
    assert width > 0 and height > 0, f"#{chart_id} has no size on the page ({width} x {height})"
    assert chart.is_displayed(), f"#{chart_id} is not displayed"
    marks = driver.execute_script(
        "return arguments[0].querySelectorAll('rect, line, path, circle, polyline, polygon').length;", chart)
    assert marks > 0, f"#{chart_id} draws nothing"
    labelled = driver.execute_script(
        "var s = arguments[0]; var t = s.querySelector('title');"
        "return !!((t && t.textContent.trim()) || s.getAttribute('aria-label') || s.getAttribute('aria-labelledby'));",
        chart)
    assert labelled, f"#{chart_id} has no title or text alternative"


def pager_link(driver, rel: str):
    links = driver.find_elements(By.CSS_SELECTOR, f"nav.pager a[rel={rel}]")
    assert links, f"no nav.pager a[rel={rel}] on {driver.current_url}"
    return links[0]


def click(driver, element) -> None:
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


# --- the walk ------------------------------------------------------------------------------------------------


def test_hub_search_coo(server, driver, artifacts):
    open_page(driver, server, "/")
    assert driver.find_elements(By.CSS_SELECTOR, "form.compare"), "the hub has no compare form"
    screenshot(driver, artifacts, "01-hub")
    box = driver.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.clear()
    box.send_keys("coo")
    click(driver, driver.find_element(By.CSS_SELECTOR, "form.search [type=submit]"))
    wait_for_path(driver, "/search")
    results = driver.find_elements(By.CSS_SELECTOR, "main a")
    titles = [a.text for a in results]
    assert any("Chief Executives" in t for t in titles), f"search for coo lists no Chief Executives: {titles[:20]}"
    screenshot(driver, artifacts, "02-search-coo")
    assert console_problems(driver) == []


def test_compare_form(server, driver, artifacts):
    open_page(driver, server, "/")
    form = driver.find_element(By.CSS_SELECTOR, "form.compare")
    first, second = form.find_element(By.CSS_SELECTOR, "#a"), form.find_element(By.CSS_SELECTOR, "#b")
    first.clear()
    first.send_keys("operations manager")
    second.clear()
    second.send_keys("coo")
    click(driver, form.find_element(By.CSS_SELECTOR, "[type=submit]"))
    wait_for_path(driver, SEED)
    heading = driver.find_element(By.TAG_NAME, "h1").text
    assert "Operations Manager" in heading and "COO" in heading, heading
    assert console_problems(driver) == []


def test_comparison_sections_and_charts(server, driver, artifacts):
    if path_of(driver) != SEED:
        open_page(driver, server, SEED)
    articles = driver.find_elements(By.CSS_SELECTOR, "article.comparison")
    assert articles, "no <article class=\"comparison\">"
    missing, empty = [], []
    for section in SECTIONS:
        found = articles[0].find_elements(By.CSS_SELECTOR, f"section#{section}")
        if not found:
            missing.append(section)
            continue
        if not found[0].is_displayed() or len(found[0].text.strip()) < 20:
            empty.append(section)
    assert not missing, f"sections missing: {missing}"
    assert not empty, f"sections empty or hidden: {empty}"
    check_chart(driver, "pay-chart")
    check_chart(driver, "skills-chart")
    screenshot(driver, artifacts, "03-comparison-operations-manager-vs-coo")
    assert console_problems(driver) == []


def test_pager_next_previous_back(server, driver, artifacts):
    open_page(driver, server, SEED)
    assert urlparse(pager_link(driver, "prev").get_attribute("href")).path == PREVIOUS
    click(driver, pager_link(driver, "next"))
    wait_for_path(driver, NEXT)
    assert driver.find_elements(By.CSS_SELECTOR, "article.comparison"), f"{NEXT} shows no comparison"
    screenshot(driver, artifacts, "04-next-event-producer-vs-event-coordinator")
    click(driver, pager_link(driver, "prev"))
    wait_for_path(driver, SEED)
    back = driver.find_element(By.XPATH, "//nav[contains(@class,'pager')]//a[normalize-space()='Back to Job Search']")
    click(driver, back)
    wait_for_path(driver, "/")
    assert driver.find_elements(By.CSS_SELECTOR, "form.compare"), "Back to Job Search did not land on the hub"
    assert console_problems(driver) == []


def test_occupation_page(server, driver, artifacts):
    # From the search results, as a person would: "coo" lists Chief Executives, which links to its page.
    open_page(driver, server, "/search?q=coo")
    link = driver.find_element(By.XPATH, "//main//a[contains(normalize-space(), 'Chief Executives')]")
    click(driver, link)
    WebDriverWait(driver, 30).until(lambda d: path_of(d).startswith("/occupations/") and ready(d))
    assert path_of(driver) == f"/occupations/{CHIEF_EXECUTIVES}", driver.current_url
    # The heading is the name people use ("CEO"); the O*NET title is on the page under it.
    assert driver.find_element(By.TAG_NAME, "h1").text.strip(), "the occupation page has an empty <h1>"
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Chief Executives" in text and CHIEF_EXECUTIVES in text, "the page does not name 11-1011.00 Chief Executives"
    for heading in ("Pay", "Core tasks", "Related occupations"):
        assert heading in text, f"occupation page has no {heading!r}"
    screenshot(driver, artifacts, "05-occupation-chief-executives")
    assert console_problems(driver) == []


# --- accessibility -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name,path", [
    ("hub", "/"),
    ("comparison", SEED),
    ("occupation", f"/occupations/{CHIEF_EXECUTIVES}"),
    ("moves", "/moves/registered-nurse"),
    ("lineup", "/compare/rn-vs-lpn-vs-cna"),
])
def test_axe(server, driver, artifacts, name, path):
    from axe_selenium_python import Axe

    open_page(driver, server, path)
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    version = driver.execute_script("return axe.version")
    (artifacts / f"axe-{name}.json").write_text(json.dumps(results, indent=1))
    violations = results["violations"]
    if violations:
        print(f"\naxe-core {version} on {path}:")
        print(axe.report(violations))
    for v in violations:
        if v.get("impact") not in ("serious", "critical"):
            warnings.warn(f"axe-core {version} on {path}: {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): "
                          f"{v['help']}; first: {v['nodes'][0]['target']}")
    grave = [v for v in violations if v.get("impact") in ("serious", "critical")]
    assert not grave, "serious or critical accessibility violations on {}: {}".format(
        path, ", ".join(f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes)" for v in grave))
