import datetime

import pytest

from learning import api

pytestmark = pytest.mark.django_db


def test_standards_by_ids_returns_plain_references_with_their_framework(content):
    refs = api.standards_by_ids([content.conduct.id, content.social_media.id])
    assert [(r.code, r.regulator_code) for r in refs] == [("13", "hcpc"), ("5.6", "swe")]
    assert refs[1].url == "/standards/swe-2019/5-6/"
    assert refs[0].framework_title.startswith("HCPC Standards")


def test_standards_by_ids_leaves_out_unpublished_standards(content):
    content.social_media.unpublish()
    assert [r.code for r in api.standards_by_ids([content.social_media.id])] == []


def test_current_framework_skips_superseded_versions(content):
    assert api.current_framework_for(regulator_code="hcpc") is None
    current = api.current_framework_for(regulator_code="swe")
    assert current.version == "2019"


def test_current_framework_on_a_past_date(content):
    framework = api.current_framework_for(regulator_code="hcpc", today=datetime.date(2015, 6, 1))
    assert framework.version == "2008"
