import pytest
from tests.browser.conftest import assert_accessible, url, AXE_OPTIONS
from axe_playwright_python.sync_playwright import Axe

def test_axe_catches(page, live_server, demo):
    page.goto(url(live_server, "/"))
    r = Axe().run(page, options=AXE_OPTIONS).response
    print("passes", len(r["passes"]), "incomplete", len(r["incomplete"]), [i["id"] for i in r["incomplete"]], r["testEngine"])
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x><a href=/x></a>')")
    with pytest.raises(pytest.fail.Exception) as e:
        assert_accessible(page)
    print(e.value)
