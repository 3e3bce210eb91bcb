"""A reader opens today's paper, goes to page A01, clicks an article's area, reads it, and searches."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def published_paper():
    from django.core.management import call_command

    call_command("load_sample", verbosity=0)


def test_reader_goes_from_the_front_page_to_an_article_and_searches(page, live_server, published_paper):
    page.goto(live_server.url + "/")  # the front page is today's first page itself
    assert "第A01版" in page.locator("h1").inner_text()
    assert page.locator("link[rel=canonical]").get_attribute("href") == "/epaper/2025-06-04/A01/"

    page.click(".sheet .zone:has-text('株硬集团超细碳化钨粉智能生产线投产')")
    page.wait_for_url("**/articles/*/")
    assert page.locator("article h1").inner_text() == "株硬集团超细碳化钨粉智能生产线投产"
    assert "5月28日" in page.locator(".story-body").inner_text()
    page.click("text=刊于第A01版")
    page.wait_for_url("**/epaper/2025-06-04/A01/")

    page.fill("#site-q", "光伏")
    page.press("#site-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator("#result-count").inner_text() == "找到 1 篇"
    assert page.locator(".results mark").first.inner_text() == "光伏"
    page.click(".results a")
    page.wait_for_url("**/articles/*/")
    assert "光伏" in page.locator("article h1").inner_text()


def test_keyboard_users_can_reach_an_article_area(page, live_server, published_paper):
    page.goto(live_server.url + "/epaper/2025-06-04/A01/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.focus(".sheet .zone >> nth=0")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/*/")
    assert page.locator("article h1").count() == 1


def test_the_drawn_page_shows_whole_lines_and_a_phone_scrolls_the_page_not_the_site(page, live_server, published_paper):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/epaper/2025-06-04/A01/")
    assert page.locator(".masthead-band .masthead-name").inner_text() == "株洲日报"
    boxes = page.eval_on_selector_all(
        ".sheet .zone-text > span",
        """els => els.map(el => {
            const line = parseFloat(getComputedStyle(el).lineHeight);
            return {lines: el.getBoundingClientRect().height / line, fits: el.getBoundingClientRect().bottom
                    <= el.closest('.zone').getBoundingClientRect().bottom + 0.5};
        })""",
    )
    assert len(boxes) == 8
    for box in boxes:  # every text box holds whole lines, inside its area
        assert box["fits"] and abs(box["lines"] - round(box["lines"])) < 0.05 and box["lines"] >= 1, box
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(live_server.url + "/epaper/2025-06-04/A01/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the site fits the phone
    assert page.evaluate("document.querySelector('.sheet-wrap').scrollWidth") > 390  # the page scrolls in it
    assert page.locator(".headlines li").count() == 8
