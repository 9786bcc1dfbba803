"""Training moved from learning to an app of its own: the migrations keep every row.

The database is taken back to before the move, filled through the historical models as
the old code wrote it, and brought forward again. (The same check at 10,000 staff on
PostgreSQL, with seed_benchmark, is in docs/decisions/0011-structure.md.)
"""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("learning", "0005_report_downloads"), ("training", None)]

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets):
    """Apply or unapply migrations up to `targets`; return the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _old_rows(apps):
    """Write what the old code kept: a module page, an assignment, progress, a completion,
    a reminder, a summary and a report file."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Locale = apps.get_model("wagtailcore", "Locale")
    User = apps.get_model("accounts", "User")
    Team = apps.get_model("accounts", "Team")
    learning = {
        name: apps.get_model("learning", name)
        for name in (
            "TrainingModulePage",
            "Assignment",
            "ModuleProgressLog",
            "Completion",
            "ReminderLog",
            "TeamSummary",
            "ReportDownload",
        )
    }
    root = Page.objects.get(depth=1)
    module_type, _ = ContentType.objects.get_or_create(
        app_label="learning", model="trainingmodulepage"
    )
    module = learning["TrainingModulePage"].objects.create(
        title="Safeguarding adults",
        draft_title="Safeguarding adults",
        slug="safeguarding-adults",
        path=f"{root.path}{root.numchild + 1:04d}",
        depth=2,
        url_path="/safeguarding-adults/",
        live=True,
        content_type=module_type,
        locale=Locale.objects.first(),
        summary="Read, test, reflect.",
        estimated_minutes=30,
        refresher_months=12,
        steps=[],
    )
    Page.objects.filter(id=root.id).update(numchild=root.numchild + 1)
    manager = User.objects.create(email="manager@example.com", first_name="Grace")
    learner = User.objects.create(email="learner@example.com", first_name="Asha")
    team = Team.objects.create(name="Team A")
    team.members.add(learner)
    team.managers.add(manager)
    today = timezone.localdate()
    assignment = learning["Assignment"].objects.create(
        module=module,
        team=team,
        everyone=False,
        due_date=today + dt.timedelta(7),
        assigned_by=manager,
    )
    assignment.learners.add(learner)
    learning["ModuleProgressLog"].objects.create(
        user=learner, module=module, steps_done=1, steps_total=1, started_at=timezone.now()
    )
    learning["Completion"].objects.create(
        user=learner,
        module=module,
        module_title=module.title,
        completed_at=timezone.now(),
        expires_on=today + dt.timedelta(365),
        quiz_percent=80,
    )
    learning["ReminderLog"].objects.create(kind="learner_due", user=learner, sent_on=today)
    learning["TeamSummary"].objects.create(
        team=team, people=1, counts={"completed": 1}, computed_at=timezone.now()
    )
    learning["ReportDownload"].objects.create(
        requested_by=manager,
        format="csv",
        team_ids=[team.id],
        status="done",
        file=f"training-reports/{manager.id}/report.csv",
    )
    return {"module": module.id, "team": team.id, "learner": learner.id, "manager": manager.id}


def test_every_row_keeps_its_id_and_values_and_the_report_reads_them():
    ids = _old_rows(_migrate(BEFORE))

    _migrate(_latest())

    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from training.models import (
        Assignment,
        Completion,
        ModuleProgressLog,
        ReminderLog,
        ReportFile,
        TeamSummary,
        TrainingModulePage,
    )
    from training.rules import Status
    from training.selectors.reports import team_report

    assert type(Page.objects.get(id=ids["module"]).specific) is TrainingModulePage
    assert (
        ContentType.objects.get_for_id(Page.objects.get(id=ids["module"]).content_type_id).app_label
        == "training"
    )
    assert not ContentType.objects.filter(app_label="learning", model="completion").exists()
    assignment = Assignment.objects.get(module_id=ids["module"])
    assert list(assignment.learners.values_list("id", flat=True)) == [ids["learner"]]
    completion = Completion.objects.get(user_id=ids["learner"])
    assert completion.module_id == ids["module"] and completion.quiz_percent == 80
    assert ModuleProgressLog.objects.get(user_id=ids["learner"]).steps_done == 1
    assert ReminderLog.objects.filter(user_id=ids["learner"]).count() == 1
    assert TeamSummary.objects.get(team_id=ids["team"]).counts == {"completed": 1}
    report_file = ReportFile.objects.get()
    assert report_file.owner_id == ids["manager"] and report_file.team_ids == [ids["team"]]
    assert report_file.file.name == f"training-reports/{ids['manager']}/report.csv"
    report = team_report(team_ids=[ids["team"]])
    assert [(row.user_id, [c.status for c in row.cells]) for row in report.rows] == [
        (ids["learner"], [Status.COMPLETED])
    ]
