"""My training, the team report and its downloads, assignments: as pages, with bad input."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.accounts.factories import TeamFactory, UserFactory
from tests.accounts.otp import verified_login
from tests.reflections.factories import CompleteRecordFactory
from training.models import Assignment, Completion
from training.services import assignment_create

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
CANARY = "CANARY-7f3a reflection text"


def assign(team, module, days=14):
    return assignment_create(
        actor=team.manager,
        team_id=team.team.id,
        module_id=module.id,
        due_date=TODAY + dt.timedelta(days=days),
    )


def date_fields(day):
    return {"due_date_0": day.day, "due_date_1": day.month, "due_date_2": day.year}


def test_my_training_lists_assigned_modules_with_status_and_summary(
    client, team, module, bite_only_module
):
    asha = team.members[0]
    assign(team, module)
    assign(team, bite_only_module, days=3)
    Completion.objects.create(
        user=asha,
        module=bite_only_module,
        module_title=bite_only_module.title,
        completed_at=timezone.now(),
    )
    client.force_login(asha)
    html = client.get(reverse("training:my_training")).content.decode()
    assert "You have completed 1 of 2" in html
    assert "Social media and professional boundaries" in html and "Not started" in html
    assert f"Completed on {TODAY:%-d %B %Y}" in html
    assert "Your team&#x27;s training report" not in html


def test_my_training_without_assignments_says_so(client):
    client.force_login(UserFactory())
    html = client.get(reverse("training:my_training")).content.decode()
    assert "You have no training assigned to you." in html


def test_the_manager_reads_the_report_with_statuses_and_no_reflection_text(client, team, module):
    assign(team, module)
    CompleteRecordFactory(owner=team.members[0], learning=CANARY, shared_with_manager=False)
    verified_login(client, team.manager)
    for name in ("team_report", "standards_heatmap", "assignment_list", "team_report_csv"):
        response = client.get(reverse(f"training:{name}"))
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert CANARY.encode() not in body
    html = client.get(reverse("training:team_report")).content.decode()
    assert "Asha Patel" in html and "Ciaran Murphy" in html and "Not started" in html
    assert "Completions per week, last 12 weeks" in html and "<svg" in html


def test_a_manager_is_asked_for_the_second_factor_first(client, team, module):
    client.force_login(team.manager)
    response = client.get(reverse("training:team_report"))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]


def test_a_practitioner_is_refused_the_manager_pages(client, team):
    client.force_login(team.members[0])
    response = client.get(reverse("training:team_report"))
    assert response.status_code == 403
    assert "This page is for managers of a team" in response.content.decode()


def test_another_teams_id_shows_nothing_of_that_team(client, team, module):
    other = TeamFactory(members=[UserFactory(first_name="Zed", last_name="Stranger")])
    verified_login(client, team.manager)
    assign(team, module)
    html = client.get(reverse("training:team_report"), {"team": other.id}).content.decode()
    assert "Zed Stranger" not in html and "Asha Patel" in html
    assert client.get(reverse("training:assignment_new", args=[other.id])).status_code == 404
    other_manager = UserFactory()
    other.managers.add(other_manager)
    theirs = assignment_create(
        actor=other_manager, team_id=other.id, module_id=module.id, due_date=TODAY
    )
    for name in ("assignment_edit", "assignment_withdraw"):
        assert client.get(reverse(f"training:{name}", args=[theirs.id])).status_code == 404
    assert client.post(reverse("training:assignment_withdraw", args=[theirs.id])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.withdrawn_at is None


def test_the_csv_guards_formulas_and_is_private(client, team, module):
    team.members[0].first_name = '=HYPERLINK("http://evil.example")'
    team.members[0].save()
    assign(team, module)
    verified_login(client, team.manager)
    response = client.get(reverse("training:team_report_csv"))
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"] == 'attachment; filename="training-report.csv"'
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == [
        "Name", "Email", "Team", "Module", "Status", "Due date", "Completed on", "Expires on",
        "Days overdue",
    ]  # fmt: skip
    names = sorted(row[0] for row in rows[1:])
    assert names == ['\'=HYPERLINK("http://evil.example") Patel', "Ciaran Murphy"]
    assert {row[4] for row in rows[1:]} == {"Not started"}


def test_the_xlsx_has_the_same_rows(client, team, module):
    from openpyxl import load_workbook

    assign(team, module)
    verified_login(client, team.manager)
    response = client.get(reverse("training:team_report_xlsx"))
    assert response["Cache-Control"] == "no-store"
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == ["Name", "Email"] and len(rows) == 3
    assert {row[3] for row in rows[1:]} == {module.title}


def test_a_manager_assigns_a_module_to_their_team(client, team, module):
    verified_login(client, team.manager)
    url = reverse("training:assignment_new", args=[team.team.id])
    assert "Assign a module" in client.get(url).content.decode()
    due = TODAY + dt.timedelta(days=30)
    response = client.post(url, {"module": module.id, "who": "everyone", **date_fields(due)})
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.due_date == due and assignment.everyone
    html = client.get(response["Location"]).content.decode()
    assert f"assigned to Children&#x27;s services team A, due by {due:%-d %B %Y}" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"module": "999999", "who": "everyone"}, "Select a training module"),
        ({"who": "everyone"}, "Select a training module"),
        ({"module": "{module}", "who": "everyone", "past": True}, "must be today or in the future"),
        ({"module": "{module}", "who": "chosen"}, "Select at least one person in the team"),
        ({"module": "{module}", "who": "chosen", "learners": "424242"}, "Select people from"),
        ({"module": "{module}", "who": "everyone", "due_date_0": "31", "due_date_1": "2"}, "real date"),
    ],
)  # fmt: skip
def test_a_refused_assignment_explains_why_and_saves_nothing(client, team, module, data, message):
    verified_login(client, team.manager)
    data = {k: (v.format(module=module.id) if isinstance(v, str) else v) for k, v in data.items()}
    day = TODAY - dt.timedelta(days=1) if data.pop("past", False) else TODAY + dt.timedelta(7)
    response = client.post(
        reverse("training:assignment_new", args=[team.team.id]), {**date_fields(day), **data}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html and message in html
    assert not Assignment.objects.exists()


def test_a_double_submit_assigns_once_and_says_so(client, team, module):
    verified_login(client, team.manager)
    url = reverse("training:assignment_new", args=[team.team.id])
    data = {"module": module.id, "who": "everyone", **date_fields(TODAY + dt.timedelta(9))}
    assert client.post(url, data).status_code == 302
    second = client.post(url, data)
    assert "already has this module to do" in second.content.decode()
    assert Assignment.objects.count() == 1


def test_changing_and_withdrawing_an_assignment(client, team, module):
    assignment = assign(team, module)
    Completion.objects.create(
        user=team.members[0], module=module, module_title=module.title, completed_at=timezone.now()
    )
    verified_login(client, team.manager)
    edit = reverse("training:assignment_edit", args=[assignment.id])
    new_due = TODAY + dt.timedelta(days=60)
    assert client.post(edit, {"who": "everyone", **date_fields(new_due)}).status_code == 302
    assignment.refresh_from_db()
    assert assignment.due_date == new_due
    withdraw = reverse("training:assignment_withdraw", args=[assignment.id])
    assert "Completions already earned are kept" in client.get(withdraw).content.decode()
    assert client.post(withdraw).status_code == 302
    assignment.refresh_from_db()
    assert assignment.withdrawn_at is not None
    assert Completion.objects.filter(user=team.members[0]).count() == 1
    assert client.post(withdraw).status_code == 404  # already withdrawn: nothing to withdraw


def test_script_in_names_and_titles_is_escaped(client, team, module):
    team.members[0].first_name = "<script>alert(1)</script>"
    team.members[0].save()
    module.title = "<img src=x onerror=alert(1)>"
    module.save_revision().publish()
    assign(team, module)
    verified_login(client, team.manager)
    for name in ("team_report", "assignment_list"):
        html = client.get(reverse(f"training:{name}")).content.decode()
        assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;"
        in client.get(reverse("training:team_report")).content.decode()
    )


def test_the_report_page_takes_the_same_queries_for_2_and_40_people(client, team, module):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assign(team, module)
    verified_login(client, team.manager)
    url = reverse("training:team_report")
    client.get(url)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    small = count()
    for n in range(38):
        team.team.members.add(UserFactory(first_name=f"Extra{n}"))
    assert count() == small


def test_my_training_takes_the_same_queries_for_1_and_6_modules(client, team, module):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.training.conftest import module_create

    assign(team, module)
    client.force_login(team.members[0])
    url = reverse("training:my_training")
    client.get(url)  # warm the site-root cache

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    one = count()
    for n in range(5):
        extra = module_create(
            parent=module.training_index,
            slug=f"extra-{n}",
            title=f"Extra {n}",
            steps=[{"type": "reflection", "value": {"prompt": "Reflect."}}],
        )
        assign(team, extra, days=n)
    assert "You have completed 0 of 6" in client.get(url).content.decode()
    assert count() == one


def test_the_module_page_shows_the_learners_status_and_due_date(client, team, module):
    assign(team, module, days=10)
    client.force_login(team.members[0])
    html = client.get(module.url).content.decode()
    due = TODAY + dt.timedelta(days=10)
    assert "Not started" in html and f"Due by {due:%-d %B %Y}." in html
