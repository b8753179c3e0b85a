"""Finding things in a real browser: filters, URL state, search, year navigation, no-JS."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from browser_helpers import visible_event_ids


def test_filtering_by_actor_and_type_changes_the_visible_events_and_the_url(page, sample_site_url):
    page.goto(f"{sample_site_url}/timeline/")
    everything = visible_event_ids(page)
    assert len(everything) == 23
    page.select_option("#filter_actor", "north-korea")
    by_actor = visible_event_ids(page)
    assert 0 < len(by_actor) < len(everything)
    assert all("north-korea" in page.get_attribute(f'li[data-event="{e}"]', "data-actors") for e in by_actor)
    page.select_option("#filter_type", "threaten")
    both = visible_event_ids(page)
    assert 0 < len(both) < len(by_actor)
    assert all(page.get_attribute(f'li[data-event="{e}"]', "data-type") == "threaten" for e in both)
    assert parse_qs(urlsplit(page.url).query) == {"actor": ["north-korea"], "type": ["threaten"]}
    assert page.inner_text("[data-filter-status]") == f"{len(both)} of 23 events on this page match the filters."
    assert page.get_attribute("[data-filter-status]", "aria-live") == "polite"
    page.click("button.filter-reset")
    page.wait_for_function("() => !location.search")
    assert visible_event_ids(page) == everything
    assert page.js_errors == []


def test_a_filtered_url_restores_the_filter(page, sample_site_url):
    page.goto(f"{sample_site_url}/timeline/?type=sanction&from=2017&to=2017")
    assert page.input_value("#filter_type") == "sanction"
    assert page.input_value("#filter_from") == "2017"
    shown = visible_event_ids(page)
    assert shown and all(e.startswith("2017-") for e in shown)
    assert all(page.get_attribute(f'li[data-event="{e}"]', "data-type") == "sanction" for e in shown)
    # Year and month headings with nothing left under them are hidden too.
    assert not page.is_visible("#timeline_y2003")


def test_search_finds_an_actor_and_an_event(page, sample_site_url):
    page.goto(f"{sample_site_url}/search/?q=Tillerson")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    links = page.eval_on_selector_all(".pagefind-ui__result-link", "els => els.map(e => e.getAttribute('href'))")
    assert "/actors/rex-tillerson/" in links
    page.goto(f"{sample_site_url}/search/?q=Hwasong")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    anchors = page.eval_on_selector_all(
        ".pagefind-ui__result-link, .pagefind-ui__result-nested a",
        "els => els.map(e => e.getAttribute('href'))",
    )
    assert any(a.startswith("/timeline/2017/#2017-07-04-north-korea-test-fires") for a in anchors), anchors


def test_the_header_search_box_opens_the_search_page(page, sample_site_url):
    page.goto(f"{sample_site_url}/actors/")
    page.fill("#site_search_q", "Lavrov")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
    assert urlsplit(page.url).path == "/search/"


def test_the_year_navigation_leads_to_each_year(page, sample_site_url):
    page.goto(f"{sample_site_url}/timeline/")
    page.click(".year-nav >> text=2017")
    page.wait_for_url("**/timeline/2017/")
    assert page.inner_text("h1") == "Events of 2017"
    assert page.get_attribute(".year-nav a[aria-current=page]", "href").endswith("timeline/2017/")
    assert all(e.startswith("2017-") for e in visible_event_ids(page))


def test_a_density_bar_leads_to_its_month(page, sample_site_url):
    page.goto(f"{sample_site_url}/timeline/")
    page.click('.density a[aria-label^="July 2017"]')
    page.wait_for_url("**/timeline/2017/#timeline_m2017-07")
    assert page.is_visible("#timeline_m2017-07")


def test_pages_work_without_javascript(page_without_js, sample_site_url):
    page = page_without_js
    page.goto(f"{sample_site_url}/timeline/?type=sanction")
    # The filter form needs the script; without it every event stays and the links do the filtering.
    assert not page.is_visible("[data-filter-form]")
    assert len(visible_event_ids(page)) == 23
    page.click("text=Pages by type")
    page.click(".filter-links >> text=Sanction")
    page.wait_for_url("**/timeline/types/sanction/")
    shown = visible_event_ids(page)
    assert shown and all(page.get_attribute(f'li[data-event="{e}"]', "data-type") == "sanction" for e in shown)
    page.click(".event-actors >> text=UN Security Council >> nth=0")
    page.wait_for_url("**/actors/un-security-council/")
    assert page.inner_text("h1") == "UN Security Council"
    page.goto(f"{sample_site_url}/search/")
    assert "Search needs JavaScript" in page.inner_text("main")
