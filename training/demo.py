"""The whole demo (`manage.py load_demo`), and the demo training modules and progress.

"Social media and professional boundaries": the social-media bite, its quiz and the NISCC
reflective exercise. "Using social media: the HCPC's guidance": the HCPC guidance bite.
Every other app's part comes through its api: content (learning), the quiz (quizzes),
accounts, and practitioner1's records (reflections).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from accounts import api as accounts_api
from core.pages import child_page_get_or_create
from learning import api as learning_api
from quizzes import api as quizzes_api
from reflections import api as reflections_api

from . import services
from .models import Assignment, Completion, TrainingIndexPage, TrainingModulePage
from .rules import add_months


@dataclass
class DemoSummary:
    logins: list = field(default_factory=list)  # accounts_api.DemoLogin
    bite_urls: list[str] = field(default_factory=list)


@transaction.atomic
def load_demo(*, password) -> DemoSummary:
    """Create whatever part of the demo is missing and reset the demo passwords.

    Safe to run again: pages are found by slug under their parent, regulators by code,
    people by email, so a second run creates nothing new.
    """
    content = learning_api.demo_content_load()
    social_media = content.bites["social-workers-social-media"]
    quizzes_api.demo_quiz_load(bite=social_media)
    module = training_load(home=content.home, bite=social_media)
    hcpc_module = hcpc_module_load(
        home=content.home, bite=content.bites["hcpc-guidance-on-using-social-media"]
    )
    logins = accounts_api.demo_users_load(password=password, home_page=content.home)
    reflections_api.demo_records_load(
        owner=accounts_api.User.objects.get(email="practitioner1@example.com")
    )
    team = accounts_api.Team.objects.get(name=accounts_api.DEMO_TEAM)
    manager = team.managers.first()
    training_demo_progress_load(module=module, team=team, manager=manager)
    hcpc_module_progress_load(module=hcpc_module, team=team, manager=manager)
    services.team_summaries_refresh()
    return DemoSummary(logins=logins, bite_urls=[bite.url for bite in content.bites.values()])


def training_load(*, home, bite):
    """Create the Training index and the demo module when missing; return the module."""
    index = child_page_get_or_create(
        parent=home,
        model=TrainingIndexPage,
        slug="training",
        title="Training",
        intro="<p>Modules your manager may assign to you: read, test your judgement, reflect.</p>",
    )
    quiz = bite.get_children().live().first()
    steps = [{"type": "bite", "value": bite.id}]
    if quiz is not None:
        steps.append({"type": "quiz", "value": quiz.id})
    steps.append(
        {
            "type": "reflection",
            "value": {
                "prompt": "Complete the NISCC reflective learning exercise on social media and "
                "keep a record of your reflections."
            },
        }
    )
    return child_page_get_or_create(
        parent=index,
        model=TrainingModulePage,
        slug="social-media-and-professional-boundaries",
        title="Social media and professional boundaries",
        summary="Read the social media knowledge bite, check your understanding with its "
        "scenario quiz, and record a reflection.",
        estimated_minutes=45,
        refresher_months=12,
        steps=steps,
    )


def hcpc_module_load(*, home, bite):
    """Create the second demo module (one step: read the HCPC guidance bite) when missing."""
    index = TrainingIndexPage.objects.child_of(home).get(slug="training")
    return child_page_get_or_create(
        parent=index,
        model=TrainingModulePage,
        slug="using-social-media-hcpc-guidance",
        title="Using social media: the HCPC's guidance",
        summary="Read the HCPC's guidance on using social media, for professions the HCPC "
        "regulates.",
        estimated_minutes=15,
        refresher_months=None,
        steps=[{"type": "bite", "value": bite.id}],
    )


# The second module was assigned six weeks ago, due two weeks ago: who has done it.
HCPC_MODULE_DONE_BY = ("practitioner3@example.com", "practitioner5@example.com")
HCPC_MODULE_DUE_DAYS_AGO = 14


# Demo progress, so the manager's report shows every status. Email -> what they have done;
# README.md's "Demo logins" table says what each then shows (tests/training/test_demo_readme.py).
DEMO_PROGRESS = {
    "practitioner1@example.com": "in_progress",  # read the bite
    "practitioner2@example.com": "not_started",
    "practitioner3@example.com": "completed",  # two weeks ago
    "practitioner4@example.com": "expires_soon",  # 50 weeks ago: due again in 2 weeks
    # 56 weeks ago: expired a month ago. Due again by the team's due date (in 3 weeks,
    # later than the expiry), so not overdue; the quiz taken again today puts them back
    # in progress.
    "practitioner5@example.com": "expired",
}
COMPLETED_DAYS_AGO = {"completed": 14, "expires_soon": 7 * 50, "expired": 7 * 56}
DEMO_DUE_IN_DAYS = 21


def hcpc_module_progress_load(*, module, team, manager, today=None):
    """Assign the HCPC module to the demo team, due two weeks ago; two people have read it.

    The service refuses a due date in the past, so the demo moves it back afterwards: the
    others show as overdue. Idempotent.
    """
    today = today or timezone.localdate()
    assignment = Assignment.objects.filter(
        team=team, module=module, withdrawn_at__isnull=True
    ).first() or services.assignment_create(
        actor=manager, team_id=team.id, module_id=module.id, due_date=today, notify=False
    )
    Assignment.objects.filter(id=assignment.id).update(
        due_date=today - dt.timedelta(days=HCPC_MODULE_DUE_DAYS_AGO)
    )
    bite_id = int(module.steps.raw_data[0]["value"])
    read_at = timezone.now() - dt.timedelta(days=HCPC_MODULE_DUE_DAYS_AGO + 3)
    for user in accounts_api.User.objects.filter(email__in=HCPC_MODULE_DONE_BY):
        learning_api.bite_read_backdate(user_id=user.id, bite_id=bite_id, read_at=read_at)
        services.training_progress_sync(user_id=user.id)


def training_demo_progress_load(*, module, team, manager, today=None):
    """Assign the module to the demo team and give its members some progress.

    Idempotent: the assignment, reads, completions and quiz attempts are made only when
    missing. Completions are dated in the past so every status shows; their quiz
    attempts feed the standards heatmap (three people or more).
    """
    today = today or timezone.localdate()
    if not Assignment.objects.filter(team=team, module=module, withdrawn_at__isnull=True).exists():
        services.assignment_create(
            actor=manager,
            team_id=team.id,
            module_id=module.id,
            due_date=today + dt.timedelta(days=DEMO_DUE_IN_DAYS),
            notify=False,
        )
    people = {u.email: u for u in accounts_api.User.objects.filter(email__in=DEMO_PROGRESS)}
    raw = list(module.steps.raw_data)
    bite_id = next(int(s["value"]) for s in raw if s["type"] == "bite")
    quiz_id = next((int(s["value"]) for s in raw if s["type"] == "quiz"), None)
    for number, (email, status) in enumerate(DEMO_PROGRESS.items()):
        user = people.get(email)
        if user is None:
            continue
        if status == "in_progress":
            learning_api.bite_read_backdate(
                user_id=user.id, bite_id=bite_id, read_at=timezone.now()
            )
            services.training_progress_sync(user_id=user.id)
        elif status in COMPLETED_DAYS_AGO:
            if quiz_id is not None:
                quizzes_api.demo_attempt_submit(user=user, quiz_id=quiz_id, wrong_every=2 + number)
            if not Completion.objects.filter(user=user, module=module).exists():
                completed = timezone.now() - dt.timedelta(days=COMPLETED_DAYS_AGO[status])
                Completion.objects.create(
                    user=user,
                    module=module,
                    module_title=module.title,
                    revision_id=module.live_revision_id,
                    completed_at=completed,
                    expires_on=add_months(timezone.localdate(completed), module.refresher_months)
                    if module.refresher_months
                    else None,
                    quiz_percent=80,
                )
