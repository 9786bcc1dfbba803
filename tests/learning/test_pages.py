import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import RegulatorCode
from tests.accounts.factories import RegistrationFactory, UserFactory
from tests.learning.factories import KnowledgeBitePageFactory, standards_block, statistic_block

pytestmark = pytest.mark.django_db


def get(client, page, status=200):
    response = client.get(page.url)
    assert response.status_code == status
    return response.content.decode()


def test_home_page_lists_the_latest_bites(client, content):
    html = get(client, content.home)
    assert "Social workers - social media" in html


def test_bite_index_lists_its_bites(client, content):
    html = get(client, content.bites)
    assert 'href="/knowledge-bites/social-workers-social-media/"' in html


def test_bite_page_renders_every_block_type(client, content):
    html = get(client, content.bite)
    assert '<h2 class="govuk-heading-l">General issues</h2>' in html
    assert "Social media is an unavoidable part of our lives." in html
    assert "&ldquo;The genie is out.&rdquo;" in html and "D. Turner, 2015" in html
    assert "<li>One point</li>" in html
    assert "A risk" in html
    assert "Read with other training." in html
    assert "TURNER" in html
    assert 'href="/standards/hcpc-2008/standard-13/"' in html


def test_footnote_marks_and_notes_link_both_ways(client, content):
    html = get(client, content.bite)
    assert re.search(
        r'1\.5 billion<sup class="app-footnote-ref"><a href="#fn-1" id="fnref-1"', html
    )
    assert re.search(
        r'<li id="fn-1">\s*Statista\s*<a class="govuk-link app-footnotes__back" href="#fnref-1"',
        html,
    )


def test_footnotes_are_numbered_in_page_order_across_blocks(client, content):
    bite = KnowledgeBitePageFactory(
        parent=content.bites,
        body=[
            statistic_block("A is 1 and B is 2.", ("A is 1", "First"), ("B is 2", "Second")),
            statistic_block("C is 3.", ("C is 3", "Third")),
        ],
    )
    html = get(client, bite)
    assert 'C is 3<sup class="app-footnote-ref"><a href="#fn-3" id="fnref-3"' in html
    assert '<li id="fn-3">' in html


def test_a_script_in_a_statistic_is_escaped(client, content):
    bite = KnowledgeBitePageFactory(
        parent=content.bites,
        body=[statistic_block("<script>alert(1)</script> 5 users", ("5 users", "<b>x</b>"))],
    )
    html = get(client, bite)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>x</b>" not in html


def test_anonymous_reader_is_told_a_cited_framework_was_superseded(client, content):
    html = get(client, content.bite)
    assert "was superseded on 26 January 2016" in html
    assert "no longer apply to you" not in html


def test_social_worker_in_england_is_told_hcpc_standards_no_longer_apply(client, content):
    user = UserFactory()
    RegistrationFactory(user=user, regulator=RegulatorCode.SOCIAL_WORK_ENGLAND)
    client.force_login(user)
    html = get(client, content.bite)
    assert "These HCPC standards no longer apply to you." in html
    assert (
        "Social Work England has regulated social workers in England since 2 December 2019" in html
    )
    assert 'href="/standards/swe-2019/5-6/"' in html


def test_hcpc_registrant_gets_no_other_regulator_notice(client, content):
    user = UserFactory()
    RegistrationFactory(user=user, regulator=RegulatorCode.HCPC)
    client.force_login(user)
    html = get(client, content.bite)
    assert "no longer apply to you" not in html
    assert "You are registered with" not in html


def test_standards_index_groups_frameworks_by_regulator(client, content):
    html = get(client, content.standards)
    assert "Health and Care Professions Council" in html
    assert "Social Work England professional standards" in html
    assert "Superseded" in html and "Current" in html


def test_framework_page_lists_its_standards(client, content):
    html = get(client, content.hcpc_2008)
    assert "You must respect the confidentiality of service users" in html
    assert "26 January 2016" in html


def test_standard_page_lists_every_bite_that_cites_it(client, content):
    html = get(client, content.conduct)
    assert "Social workers - social media" in html
    assert 'href="/standards/swe-2019/5-6/"' in html


def test_standard_page_says_when_no_bite_cites_it(client, content):
    html = get(client, content.social_media)
    assert "No knowledge bite cites this standard yet." in html


def test_draft_bite_does_not_appear_as_citing(client, content):
    draft = KnowledgeBitePageFactory(
        parent=content.bites,
        title="Unpublished bite",
        live=False,
        body=[standards_block(content.social_media)],
    )
    assert not draft.live
    html = get(client, content.social_media)
    assert "Unpublished bite" not in html


@pytest.mark.parametrize("blocks", [1, 50])
def test_bite_page_query_count_does_not_grow_with_blocks(client, content, blocks):
    body = [
        statistic_block(f"Figure {i} is {i}.", (f"is {i}", f"Source {i}"))
        if i % 2
        else standards_block(content.confidentiality, content.conduct)
        for i in range(blocks)
    ]
    bite = KnowledgeBitePageFactory(parent=content.bites, body=body)
    client.get(bite.url)  # warm the site-root cache, as in production
    with CaptureQueriesContext(connection) as queries:
        assert client.get(bite.url).status_code == 200
    # Same for 1 and 50 blocks; the number is pinned so a new query per block shows.
    assert len(queries) == BITE_PAGE_QUERIES, "\n".join(q["sql"][:150] for q in queries)


BITE_PAGE_QUERIES = 14  # 13 + the bite's quiz, if any


def test_search_finds_bites_and_standards(client, content):
    response = client.get("/search/", {"q": "confidentiality"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/standards/hcpc-2008/standard-2/"' in html


def test_search_with_no_query_shows_the_form_only(client, content):
    response = client.get("/search/")
    assert response.status_code == 200
    assert (
        "results" not in response.content.decode().lower().split("<main", 1)[1].split("</form>")[-1]
    )


def test_search_query_is_escaped_and_truncated(client, content):
    response = client.get("/search/", {"q": "<script>x</script>" + "a" * 500})
    html = response.content.decode()
    assert "<script>x</script>" not in html
    assert response.status_code == 200
