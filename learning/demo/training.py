"""The demo training modules and the demo team's progress on them.

"Social media and professional boundaries": the social-media bite, its quiz and the NISCC
reflective exercise. "Using social media: the HCPC's guidance": the HCPC guidance bite.
"""

from learning.models import TrainingIndexPage, TrainingModulePage

from .pages import child_page_get_or_create


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


# Demo progress, so the manager's report shows every status. Email -> what they have done.
DEMO_PROGRESS = {
    "practitioner1@example.com": "in_progress",  # read the bite
    "practitioner2@example.com": "not_started",
    "practitioner3@example.com": "completed",  # two weeks ago
    "practitioner4@example.com": "expires_soon",  # 50 weeks ago: due again in 2 weeks
    "practitioner5@example.com": "overdue",  # 13 months ago: expired a month ago
}
COMPLETED_DAYS_AGO = {"completed": 14, "expires_soon": 7 * 50, "overdue": 7 * 56}
DEMO_DUE_IN_DAYS = 21


def hcpc_module_progress_load(*, module, team, manager, today=None):
    """Assign the HCPC module to the demo team, due two weeks ago; two people have read it.

    The service refuses a due date in the past, so the demo moves it back afterwards: the
    others show as overdue. Idempotent.
    """
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from learning import services
    from learning.models import Assignment, BiteRead

    today = today or timezone.localdate()
    assignment = Assignment.objects.filter(
        team=team, module=module, withdrawn_at__isnull=True
    ).first() or services.assignment_create(
        actor=manager, team_id=team.id, module_id=module.id, due_date=today
    )
    Assignment.objects.filter(id=assignment.id).update(
        due_date=today - dt.timedelta(days=HCPC_MODULE_DUE_DAYS_AGO)
    )
    bite_id = int(module.steps.raw_data[0]["value"])
    read_at = timezone.now() - dt.timedelta(days=HCPC_MODULE_DUE_DAYS_AGO + 3)
    for user in get_user_model().objects.filter(email__in=HCPC_MODULE_DONE_BY):
        BiteRead.objects.get_or_create(
            user=user, bite_id=bite_id, defaults={"first_read_at": read_at, "last_read_at": read_at}
        )
        services.training_progress_sync(user_id=user.id)


def training_demo_progress_load(*, module, team, manager, today=None):
    """Assign the module to the demo team and give its members some progress.

    Idempotent: the assignment, reads, completions and quiz attempts are made only when
    missing. Completions are dated in the past so every status shows; their quiz
    attempts feed the standards heatmap (three people or more).
    """
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from learning import services
    from learning.models import Assignment, BiteRead, Completion
    from learning.training import add_months

    today = today or timezone.localdate()
    if not Assignment.objects.filter(team=team, module=module, withdrawn_at__isnull=True).exists():
        services.assignment_create(
            actor=manager,
            team_id=team.id,
            module_id=module.id,
            due_date=today + dt.timedelta(days=DEMO_DUE_IN_DAYS),
        )
    people = {u.email: u for u in get_user_model().objects.filter(email__in=DEMO_PROGRESS)}
    raw = list(module.steps.raw_data)
    bite_id = next(int(s["value"]) for s in raw if s["type"] == "bite")
    quiz_id = next((int(s["value"]) for s in raw if s["type"] == "quiz"), None)
    for number, (email, status) in enumerate(DEMO_PROGRESS.items()):
        user = people.get(email)
        if user is None:
            continue
        if status == "in_progress":
            now = timezone.now()
            BiteRead.objects.get_or_create(
                user=user, bite_id=bite_id, defaults={"first_read_at": now, "last_read_at": now}
            )
            services.training_progress_sync(user_id=user.id)
        elif status in COMPLETED_DAYS_AGO:
            if quiz_id is not None:
                _demo_quiz_attempt(user=user, quiz_id=quiz_id, wrong_every=2 + number)
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


def _demo_quiz_attempt(*, user, quiz_id, wrong_every):
    """Submit one attempt for the user, if they have none, missing every n-th question."""
    from quizzes.models import Attempt
    from quizzes.services import attempt_answer_save, attempt_start, attempt_submit

    if Attempt.objects.filter(user=user, quiz_id=quiz_id).exists():
        return
    attempt = attempt_start(user=user, quiz_id=quiz_id)
    for number, question in enumerate(attempt.snapshot["questions"], 1):
        right = number % wrong_every != 0
        if question["type"] == "situational_judgement":
            ratings = {
                o["id"]: o["expert_rating"] if right else 5 - o["expert_rating"]
                for o in question["options"]
            }
            attempt_answer_save(
                attempt_id=attempt.id, user=user, question_id=question["id"], ratings=ratings
            )
        else:
            chosen = [o["id"] for o in question["options"] if o["correct"] == right]
            attempt_answer_save(
                attempt_id=attempt.id,
                user=user,
                question_id=question["id"],
                selected=chosen if question["type"] == "multiple_response" else chosen[:1],
            )
    attempt_submit(attempt_id=attempt.id, user=user)
