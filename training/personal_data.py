"""Everything the site holds about one learner, readable, for "Download all my data".

Training is the one app above all the others, so it gathers each app's own
`personal_data(*, user)` (learning: bite reads; quizzes: attempts; reflections: records
and CPD exports) with its own (profile, assignments, completions, reminder emails) and
packs them as a ZIP: one JSON file per kind, a CSV copy of each for spreadsheets (cells
guarded against formulas), and a README saying what each file holds and when it was
made. Names and texts, never ids: a quiz answer is the option's text, a standard its full
name. A fixed number of queries, however much the learner has done.
"""

import csv
import dataclasses
import datetime as dt
import io
import json
import zipfile
from decimal import Decimal

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import api as accounts_api
from core.spreadsheets import safe_cell
from learning import api as learning_api
from quizzes import api as quizzes_api
from reflections import api as reflections_api

from .models import Assignment, Completion, ModuleProgressLog, ReminderLog
from .rules import Status
from .selectors.progress import standing_for

# Each kind of data: its file name (without extension) and what it holds, in the order the
# README lists them.
KINDS = (
    ("profile", gettext_lazy("your name, email address and regulator registration")),
    (
        "training_assignments",
        gettext_lazy(
            "the training modules assigned to you: module, team, due date and where you "
            "stand (for example overdue or completed)"
        ),
    ),
    (
        "training_completions",
        gettext_lazy("each module you completed: when, your quiz score and when it expires"),
    ),
    ("bite_reads", gettext_lazy("the knowledge bites you marked as read, and when")),
    (
        "quiz_attempts",
        gettext_lazy(
            "each quiz attempt: when, your score and whether you passed, and every question "
            "with your answer and the right answer"
        ),
    ),
    (
        "reflective_records",
        gettext_lazy(
            "your reflective records, every field, with the standards named in full (drafts too)"
        ),
    ),
    (
        "cpd_exports",
        gettext_lazy(
            "the CPD exports you asked for: when, layout, format and status (not the files)"
        ),
    ),
    ("reminder_emails", gettext_lazy("the training reminder emails sent to you")),
)


def personal_data(*, user, today=None) -> dict[str, object]:
    """Return {kind: its data} for the user: plain values, dataclasses and lists of them.

    Thirteen queries at most (fewer when there is nothing to label), whatever the number
    of records, attempts or assignments: pinned by tests/training/test_personal_data.py.
    """
    today = today or timezone.localdate()
    registration = accounts_api.registration_for(user=user)
    data: dict[str, object] = {
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "joined": user.date_joined,
            "registration": {
                "regulator": registration.regulator_name,
                "profession": registration.profession,
                "registration_number": registration.registration_number,
                "renewal_date": registration.renewal_date,
            }
            if registration
            else None,
        },
        **_training(user=user, today=today),
        **learning_api.personal_data(user=user),
        **quizzes_api.personal_data(user=user),
        **reflections_api.personal_data(user=user),
    }
    return {name: data[name] for name, _description in KINDS}


def _training(*, user, today) -> dict[str, list[dict]]:
    """Return training's own data about the user. Four queries."""
    completions = list(
        Completion.objects.filter(user=user)
        .order_by("completed_at", "id")
        .values("module_id", "module_title", "completed_at", "expires_on", "quiz_percent")
    )
    latest: dict[int, tuple] = {}
    for row in completions:
        if row["module_id"] is None:
            continue
        completed_at, expires_on = latest.get(row["module_id"], (None, None))
        # As training.selectors.progress.latest_completions: the maxima are the latest's.
        latest[row["module_id"]] = (
            max(filter(None, (completed_at, row["completed_at"]))),
            max(filter(None, (expires_on, row["expires_on"])), default=None),
        )
    progress = {
        module_id: (steps_done, steps_total, updated_at)
        for module_id, steps_done, steps_total, updated_at in ModuleProgressLog.objects.filter(
            user=user
        ).values_list("module_id", "steps_done", "steps_total", "updated_at")
    }
    assignments = (
        Assignment.objects.filter(team__members=user)
        .filter(Q(everyone=True) | Q(learners=user))
        .distinct()
        .order_by("due_date", "id")
        .values(
            "module_id",
            "module_title",
            "due_date",
            "created_at",
            "withdrawn_at",
            team_name=F("team__name"),
            live=F("module__live"),
            title_now=F("module__title"),
        )
    )
    assignment_rows = []
    for row in assignments:
        steps_done, steps_total, updated_at = progress.get(row["module_id"], (0, 0, None))
        if row["withdrawn_at"] is not None:
            status = _("Withdrawn")
        elif not row["live"]:
            status = str(Status.REMOVED.label)
        else:
            standing = standing_for(
                due_date=row["due_date"],
                completion=latest.get(row["module_id"]),
                progress_updated_at=updated_at if steps_done else None,
                today=today,
            )
            status = str(standing.status.label)
        assignment_rows.append(
            {
                "module": row["title_now"] or row["module_title"],
                "team": row["team_name"],
                "due_date": row["due_date"],
                "status": status,
                "steps_done": steps_done,
                "steps_in_module": steps_total,
                "assigned_at": row["created_at"],
                "withdrawn_at": row["withdrawn_at"],
            }
        )
    reminders = ReminderLog.objects.filter(user=user).order_by("sent_at", "id")
    return {
        "training_assignments": assignment_rows,
        "training_completions": [
            {
                "module": row["module_title"],
                "completed_at": row["completed_at"],
                "quiz_percent": row["quiz_percent"],
                "expires_on": row["expires_on"],
            }
            for row in completions
        ],
        "reminder_emails": [
            {
                "email": str(reminder.get_kind_display()),
                "sent_at": reminder.sent_at,
                "items": reminder.item_count,
            }
            for reminder in reminders
        ],
    }


# Writing the ZIP -------------------------------------------------------------------------


def _plain(value):
    """Return the value as JSON has it: dataclasses as objects, local times, numbers."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def to_json(value) -> bytes:
    """Return the data as UTF-8 JSON: readable (indented, not escaped), times in UK time."""
    return json.dumps(value, default=_plain, ensure_ascii=False, indent=2).encode("utf-8")


def _flat(row: dict, prefix="") -> dict:
    """Return a row with nested objects as "outer: inner" columns and lists as one cell."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}: "))
        elif isinstance(value, list | tuple):
            flat[name] = "; ".join(str(item) for item in value)
        else:
            flat[name] = value
    return flat


def _table(kind, value) -> list[dict]:
    """Return the kind's data as spreadsheet rows: one per item (per question, for quizzes)."""
    items = json.loads(to_json(value))  # dataclasses, dates and numbers made plain once
    if kind == "profile":
        return [_flat(items)]
    if kind == "quiz_attempts":
        rows = []
        for attempt in items:
            questions = attempt.pop("questions")
            for question in questions or [{}]:
                rows.append(_flat({**attempt, **{f"question {k}": v for k, v in question.items()}}))
        return rows
    return [_flat(item) for item in items]


def _csv(rows: list[dict]) -> bytes:
    headers: dict[str, None] = {}
    for row in rows:
        headers.update(dict.fromkeys(row))
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow([safe_cell(header) for header in headers])
    for row in rows:
        writer.writerow([safe_cell(row.get(header)) for header in headers])
    return text.getvalue().encode("utf-8-sig")  # with a byte-order mark, so Excel reads UTF-8


def readme(*, user, made_at) -> str:
    """Return the README: whose data, when it was made, and what each file holds."""
    when = date_format(timezone.localtime(made_at), "j F Y, H:i")
    lines = [
        _("Your data from %(service)s") % {"service": settings.SERVICE_NAME},
        "",
        _("Everything this service holds about %(email)s, made on %(when)s (UK time).")
        % {"email": user.email, "when": when},
        "",
        _(
            "Each kind of data is in a JSON file (for other software) and in a CSV file "
            "of the same name (for a spreadsheet). Dates are written year-month-day."
        ),
        "",
    ]
    for name, description in KINDS:
        lines.append(f"{name}.json, {name}.csv: {description}")
    lines += [
        "",
        _(
            "In the CSV files, a cell that would start with =, +, - or @ starts with an "
            "apostrophe, so that a spreadsheet shows it rather than runs it."
        ),
    ]
    return "\n".join(lines) + "\n"


def personal_data_zip(*, user, now=None) -> bytes:
    """Return the user's data as a ZIP: README.txt, then a JSON and a CSV file per kind."""
    now = now or timezone.now()
    data = personal_data(user=user, today=timezone.localdate(now))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme(user=user, made_at=now).encode("utf-8"))
        for name, _description in KINDS:
            archive.writestr(f"{name}.json", to_json(data[name]))
            archive.writestr(f"{name}.csv", _csv(_table(name, data[name])))
    return buffer.getvalue()
