"""My CPD and a record's page: first use, filters, standards in full, sharing, deleting."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import RegulatorCode
from reflections.models import Record
from tests.accounts.factories import RegistrationFactory, TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from tests.reflections.factories import CompleteRecordFactory, RecordFactory

pytestmark = pytest.mark.django_db

MY_CPD = reverse("reflections:my_cpd")
NO_MATCH = "No records match."
FIRST_USE = "Start your first record"
HCPC_2 = (
    "HCPC Standards of conduct, performance and ethics (2008), 2: "
    "You must respect the confidentiality of service users"
)
SWE_5_6 = (
    "Social Work England professional standards, 5.6: I will not use technology, social "
    "media or other forms of electronic communication unlawfully, unethically, or in a way "
    "that brings the profession into disrepute."
)


def share_url(record):
    return reverse("reflections:share", args=[record.id])


def detail_url(record):
    return reverse("reflections:detail", args=[record.id])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def text_of(response):
    """Return the page's text with tags removed and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


# First use and filters


def test_someone_with_no_records_is_told_what_a_record_is_for_and_their_regulators_ask(client):
    registration = RegistrationFactory(regulator=RegulatorCode.NISCC, profession="social_worker")
    client.force_login(registration.user)
    response = client.get(MY_CPD)
    text = text_of(response)
    assert FIRST_USE in text
    assert "A record is where you write down something you learnt" in text
    assert (
        "What Northern Ireland Social Care Council asks: Complete at least 90 hours of "
        "post-registration training and learning (PRTL)" in text
    )
    assert re.search(
        r'<form method="post" action="/reflections/new/"[^>]*>\s*'
        r'<input type="hidden" name="csrfmiddlewaretoken"[^>]*>\s*'
        r'<button type="submit"[^>]*>Record CPD</button>',
        response.content.decode(),
    )
    assert NO_MATCH not in text
    assert "Your records" not in text  # No empty filters and table to puzzle over.


def test_someone_with_no_records_and_no_regulator_is_asked_to_record_it(client):
    user = UserFactory()
    client.force_login(user)
    text = text_of(client.get(MY_CPD))
    assert FIRST_USE in text
    assert "Record your regulator to see what it asks of you." in text


def test_filters_that_exclude_every_record_say_no_records_match(client):
    record = RecordFactory(start_date=datetime.date(2026, 3, 2))
    client.force_login(record.owner)
    text = text_of(client.get(MY_CPD, {"year": 2024}))
    assert NO_MATCH in text
    assert "Clear the filters" in text
    assert FIRST_USE not in text


def test_first_use_shows_even_when_filters_are_in_the_address(client):
    user = UserFactory()
    client.force_login(user)
    text = text_of(client.get(MY_CPD, {"year": 2024}))
    assert FIRST_USE in text
    assert NO_MATCH not in text


def test_filtering_by_standard_counts_each_record_once_and_its_hours_once(client, content):
    mine = CompleteRecordFactory(hours=2)
    mine.standards.set([content.confidentiality, content.conduct])
    other = CompleteRecordFactory(owner=mine.owner, hours=3)
    other.standards.set([content.social_media])
    client.force_login(mine.owner)
    response = client.get(MY_CPD, {"standard": content.confidentiality.id})
    assert list(response.context["records"]) == [mine]
    assert response.context["totals"]["count"] == 1
    assert response.context["totals"]["hours"] == 2
    assert response.context["totals"]["all"] == 2


# Standards named in full


def test_the_standard_filter_names_each_standard_in_full_in_tree_order(client, content):
    record = RecordFactory()
    record.standards.set([content.social_media, content.confidentiality])
    client.force_login(record.owner)
    response = client.get(MY_CPD, {"standard": content.social_media.id})
    html = response.content.decode()
    options = re.findall(r'<option value="(\d+)"( selected)?>([^<]*)</option>', html)
    standard_options = [
        (int(value), bool(chosen), label)
        for value, chosen, label in options
        if int(value) in {content.social_media.id, content.confidentiality.id}
    ]
    assert standard_options == [
        (content.confidentiality.id, False, HCPC_2),
        (content.social_media.id, True, SWE_5_6),
    ]
    assert f"Records linked to: {SWE_5_6}" in text_of(response)


def test_a_records_page_names_its_standards_in_full(client, content):
    record = CompleteRecordFactory()
    record.standards.set([content.social_media, content.confidentiality])
    client.force_login(record.owner)
    html = client.get(detail_url(record)).content.decode()
    assert re.search(
        rf"<ul class=\"govuk-list app-standard-labels\"><li>{re.escape(HCPC_2)}</li>"
        rf"<li>{re.escape(SWE_5_6)}</li></ul>",
        html,
    )


def test_the_shared_list_and_shared_record_name_standards_in_full(client, content):
    record = CompleteRecordFactory(shared_with_manager=True)
    record.standards.set([content.social_media])
    manager = UserFactory()
    TeamFactory(members=[record.owner], managers=[manager])
    verified_login(client, manager)
    assert SWE_5_6 in text_of(client.get(reverse("reflections:shared_list")))
    shared = reverse("reflections:shared_detail", args=[record.id])
    assert SWE_5_6 in text_of(client.get(shared))


# Sharing, with a confirmation that names who will read it


def shared_team(record, *names):
    managers = [UserFactory(first_name=first, last_name=last) for first, last in names]
    TeamFactory(members=[record.owner], managers=managers)
    return managers


def test_share_asks_first_naming_every_manager_and_what_they_will_see(client):
    record = CompleteRecordFactory()
    shared_team(record, ("Asha", "Patel"), ("Ben", "Okoro"))
    TeamFactory(managers=[UserFactory(first_name="Not", last_name="Mine")])
    client.force_login(record.owner)

    detail = client.get(detail_url(record)).content.decode()
    assert re.search(rf'<a [^>]*href="{share_url(record)}"[^>]*>Share with my manager</a>', detail)

    response = client.get(share_url(record))
    assert response.status_code == 200
    text = text_of(response)
    assert "Share this record with your manager?" in text
    names = re.findall(r"<li>([^<(]+) \(", response.content.decode())
    assert [name.strip() for name in names] == ["Ben Okoro", "Asha Patel"]
    assert "Not Mine" not in text
    assert "This record only" in text
    assert "They can read it but cannot change or delete it." in text
    assert "You can stop sharing at any time" in text
    record.refresh_from_db()
    assert not record.shared_with_manager  # Asking changes nothing.


def test_confirming_shares_the_record_and_says_so(client):
    record = CompleteRecordFactory()
    shared_team(record, ("Asha", "Patel"))
    client.force_login(record.owner)
    response = client.post(share_url(record), {"share": "yes"})
    assert response["Location"] == detail_url(record)
    assert messages_of(response) == ["Your manager can now read this record"]
    record.refresh_from_db()
    assert record.shared_with_manager


def test_sharing_twice_still_leaves_one_shared_record(client):
    record = CompleteRecordFactory()
    shared_team(record, ("Asha", "Patel"))
    client.force_login(record.owner)
    client.post(share_url(record), {"share": "yes"})
    second = client.post(share_url(record), {"share": "yes"})
    assert second.status_code == 302
    record.refresh_from_db()
    assert record.shared_with_manager
    assert Record.objects.filter(owner=record.owner).count() == 1


def test_stopping_sharing_asks_first_then_stops(client):
    record = CompleteRecordFactory(shared_with_manager=True)
    shared_team(record, ("Asha", "Patel"))
    client.force_login(record.owner)
    assert "Stop sharing with my manager" in text_of(client.get(detail_url(record)))
    question = client.get(share_url(record))
    text = text_of(question)
    assert "Stop sharing this record?" in text
    assert "Asha Patel" in text
    assert 'name="share" value="no"' in question.content.decode()
    record.refresh_from_db()
    assert record.shared_with_manager

    response = client.post(share_url(record), {"share": "no"})
    assert messages_of(response) == ["Your manager can no longer read this record"]
    record.refresh_from_db()
    assert not record.shared_with_manager


def test_with_no_manager_there_is_no_one_to_share_with(client):
    record = CompleteRecordFactory()
    client.force_login(record.owner)
    question = client.get(share_url(record))
    assert "No one manages a team you are in" in text_of(question)
    assert 'value="yes"' not in question.content.decode()
    response = client.post(share_url(record), {"share": "yes"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert not record.shared_with_manager


def test_a_draft_cannot_be_shared(client):
    record = RecordFactory()
    shared_team(record, ("Asha", "Patel"))
    client.force_login(record.owner)
    response = client.get(share_url(record))
    assert response["Location"] == reverse("reflections:edit", args=[record.id])
    assert messages_of(response) == ["Complete the record before you share it"]


def test_another_persons_record_cannot_be_shared_unshared_or_asked_about(client):
    record = CompleteRecordFactory(shared_with_manager=True)
    shared_team(record, ("Asha", "Patel"))
    client.force_login(UserFactory())
    assert client.get(share_url(record)).status_code == 404
    assert client.post(share_url(record), {"share": "no"}).status_code == 404
    record.refresh_from_db()
    assert record.shared_with_manager


# Deleting


def test_a_records_page_offers_its_owner_a_way_to_delete_it_and_a_manager_none(client):
    record = CompleteRecordFactory(shared_with_manager=True)
    (manager,) = shared_team(record, ("Asha", "Patel"))
    delete = reverse("reflections:delete", args=[record.id])
    client.force_login(record.owner)
    assert (
        f'href="{delete}">Delete this record</a>' in client.get(detail_url(record)).content.decode()
    )
    confirm = client.get(delete).content.decode()
    assert f'<a class="govuk-link" href="{detail_url(record)}">Cancel</a>' in confirm
    verified_login(client, manager)
    shared = client.get(reverse("reflections:shared_detail", args=[record.id]))
    assert shared.status_code == 200
    assert delete not in shared.content.decode()


def test_deleting_a_record_says_which_record_was_deleted(client):
    record = RecordFactory(title="Supervision on boundaries")
    client.force_login(record.owner)
    response = client.post(reverse("reflections:delete", args=[record.id]))
    assert response["Location"] == MY_CPD
    assert messages_of(response) == ["“Supervision on boundaries” has been deleted"]
    assert not Record.objects.filter(id=record.id).exists()
    # Deleting again (a double click) finds nothing: 404, and nothing else goes.
    other = RecordFactory(owner=record.owner)
    assert client.post(reverse("reflections:delete", args=[record.id])).status_code == 404
    assert Record.objects.filter(id=other.id).exists()


def test_another_persons_record_cannot_be_deleted(client):
    record = RecordFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("reflections:delete", args=[record.id])).status_code == 404
    assert client.post(reverse("reflections:delete", args=[record.id])).status_code == 404
    assert Record.objects.filter(id=record.id).exists()


# Queries: a fixed number, whatever the number of records and standards

# The session and user (2), the aggregate, the records and their standards (prefetch), the
# years, the standards' ids, their pages and frameworks, the registration and the complete
# records for the standing, whether the user manages a team (10), the header's role read
# (1: accounts.context_processors.roles), saving the session (3: SESSION_SAVE_EVERY_REQUEST,
# in a savepoint).
MY_CPD_QUERIES = 16


@pytest.mark.parametrize("count", [1, 6])
def test_my_cpd_reads_in_a_fixed_number_of_queries(
    client, content, django_assert_num_queries, count
):
    registration = RegistrationFactory()
    for n in range(count):
        record = CompleteRecordFactory(
            owner=registration.user, start_date=datetime.date(2026, 1, n + 1)
        )
        record.standards.set([content.social_media, content.confidentiality][: 1 + n % 2])
    client.force_login(registration.user)
    with django_assert_num_queries(MY_CPD_QUERIES):
        response = client.get(MY_CPD, {"standard": content.social_media.id})
    assert len(response.context["records"]) == count


# The session and user (2), the record, its standards' ids, their pages and frameworks (4),
# the header's role read (1), saving the session (3).
RECORD_DETAIL_QUERIES = 10


@pytest.mark.parametrize("standards", [1, 3])
def test_a_records_page_reads_in_a_fixed_number_of_queries(
    client, content, django_assert_num_queries, standards
):
    record = CompleteRecordFactory()
    record.standards.set(
        [content.confidentiality, content.conduct, content.social_media][:standards]
    )
    client.force_login(record.owner)
    with django_assert_num_queries(RECORD_DETAIL_QUERIES):
        response = client.get(detail_url(record))
    assert len(response.context["standards"]) == standards


def test_the_shared_list_reads_the_same_number_of_queries_for_1_and_4_records(client, content):
    manager = UserFactory()
    owners = UserFactory.create_batch(2)
    TeamFactory(members=owners, managers=[manager])
    verified_login(client, manager)

    def shared_list_queries():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("reflections:shared_list"))
        return len(queries), len(response.context["shared"])

    first = CompleteRecordFactory(owner=owners[0], shared_with_manager=True)
    first.standards.set([content.social_media])
    one = shared_list_queries()
    for owner, standards in [
        (owners[0], [content.conduct]),
        (owners[1], [content.confidentiality, content.social_media]),
        (owners[1], []),
    ]:
        record = CompleteRecordFactory(owner=owner, shared_with_manager=True)
        record.standards.set(standards)
    four = shared_list_queries()
    assert (one[1], four[1]) == (1, 4)
    assert one[0] == four[0]
