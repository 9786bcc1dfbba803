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


def test_standard_labels_name_framework_code_and_whole_statement(
    content, django_assert_num_queries
):
    with django_assert_num_queries(2):
        labels = api.standard_labels([content.conduct.id, content.social_media.id])
    social_media = labels[content.social_media.id]
    assert social_media.startswith(f"{content.social_media.get_parent().title}, 5.6: ")
    assert social_media.endswith(content.social_media.statement)
    assert labels[content.conduct.id].startswith("HCPC Standards")


def test_standard_choices_label_each_standard_in_full(content):
    labels = dict(api.standard_choices(regulator_code="swe"))
    assert (
        labels[content.social_media.id]
        == api.standard_labels([content.social_media.id])[content.social_media.id]
    )
