"""Writes of learner data kept in learning. Content is written by editors in Wagtail."""

import datetime as dt
import tempfile
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from wagtail.models import Page

from config.prepared_files import file_store_once, rows_delete_with_files

from . import report_files
from .models import (
    Assignment,
    BiteRead,
    Completion,
    KnowledgeBitePage,
    ModuleProgressLog,
    ReportDownload,
    ReportDownloadFormat,
    ReportDownloadStatus,
    TeamSummary,
    TrainingModulePage,
)
from .permissions import teams_managed_by
from .selectors.reports import team_reports_in_batches
from .selectors.training import latest_completions, learner_facts
from .training import cycle_start, step_page_ids, steps_done, steps_from_raw


class BiteNotFound(Exception):
    pass


def bite_mark_read(*, user, bite_id) -> BiteRead:
    """Record that the user has read this live bite; keep the first date, move the last."""
    bite = KnowledgeBitePage.objects.live().filter(id=bite_id).first()
    if bite is None:
        raise BiteNotFound
    now = timezone.now()
    updated = BiteRead.objects.filter(user=user, bite=bite).update(last_read_at=now)
    if not updated:
        try:
            with transaction.atomic():
                BiteRead.objects.create(user=user, bite=bite, first_read_at=now, last_read_at=now)
        except IntegrityError:  # a double click raced us: the other request recorded it
            BiteRead.objects.filter(user=user, bite=bite).update(last_read_at=now)
    training_progress_sync(user_id=user.id)
    return BiteRead.objects.get(user=user, bite=bite)


class AssignmentError(Exception):
    """An assignment was refused; `errors` maps each form field to its message."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _check_due_date(due_date, today):
    if due_date < today:
        raise AssignmentError({"due_date": _("The due date must be today or in the future")})


def _team_learner_ids(team, learner_ids):
    member_ids = set(team.members.values_list("id", flat=True))
    chosen = set(learner_ids)
    if not chosen:
        raise AssignmentError({"learners": _("Select at least one person in the team")})
    if chosen - member_ids:
        raise AssignmentError({"learners": _("Select people from this team only")})
    return chosen


def assignment_create(
    *, actor, team_id, module_id, due_date, everyone=True, learner_ids=(), today=None
) -> Assignment:
    """Assign a live module to a team the actor manages (everyone, or chosen members).

    Refuse a team the actor does not manage, an unknown or unpublished module, a due
    date in the past, and a module the team already has an open assignment for.
    """
    today = today or timezone.localdate()
    team = teams_managed_by(actor).filter(id=team_id).first()
    if team is None:
        raise AssignmentError({"team": _("Select a team you manage")})
    module = TrainingModulePage.objects.live().filter(id=module_id).first()
    if module is None:
        raise AssignmentError({"module": _("Select a training module")})
    _check_due_date(due_date, today)
    chosen = set() if everyone else _team_learner_ids(team, learner_ids)
    try:
        with transaction.atomic():
            assignment = Assignment.objects.create(
                module=module, team=team, everyone=everyone, due_date=due_date, assigned_by=actor
            )
    except IntegrityError:
        raise AssignmentError(
            {
                "module": _(
                    "%(team)s already has this module to do: change that assignment instead"
                )
                % {"team": team.name}
            }
        ) from None
    if chosen:
        assignment.learners.set(chosen)
    return assignment


def _open_assignment(actor, assignment_id):
    assignment = (
        Assignment.objects.select_related("team", "module")
        .filter(id=assignment_id, withdrawn_at__isnull=True, team__in=teams_managed_by(actor))
        .first()
    )
    if assignment is None:
        raise Assignment.DoesNotExist
    return assignment


def assignment_update(
    *, actor, assignment_id, due_date, everyone=True, learner_ids=(), today=None
) -> Assignment:
    """Change the due date or who must do it; Assignment.DoesNotExist outside the actor's teams."""
    today = today or timezone.localdate()
    with transaction.atomic():
        assignment = _open_assignment(actor, assignment_id)
        if due_date != assignment.due_date:
            _check_due_date(due_date, today)
        chosen = set() if everyone else _team_learner_ids(assignment.team, learner_ids)
        assignment.due_date = due_date
        assignment.everyone = everyone
        assignment.save(update_fields=["due_date", "everyone", "updated_at"])
        assignment.learners.set(chosen)
    return assignment


def assignment_withdraw(*, actor, assignment_id) -> Assignment:
    """Withdraw an open assignment; completions already earned are kept."""
    assignment = _open_assignment(actor, assignment_id)
    Assignment.objects.filter(id=assignment.id, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    assignment.refresh_from_db()
    return assignment


def training_progress_sync(*, user_id, today=None) -> list[Completion]:
    """Bring the learner's progress on every live module up to date; record completions.

    Called when the learner reads a bite, submits a quiz or completes a reflection. A
    module is completed when every step is done in the current cycle; the completion
    keeps its date, the best quiz score and the module revision, and expires after the
    module's refresher period. Runs in a fixed number of queries however many modules
    there are, and holds a lock on the learner so two requests record one completion.
    Return the completions recorded now.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(id=user_id).first()
        modules = list(
            TrainingModulePage.objects.live().only(
                "id", "title", "steps", "refresher_months", "live_revision_id"
            )
        )
        live_ids = set(
            Page.objects.live()
            .filter(id__in=set().union(*(step_page_ids(m.steps.raw_data) for m in modules)))
            .values_list("id", flat=True)
        )
        steps = {m.id: steps_from_raw(m.steps.raw_data, live_page_ids=live_ids) for m in modules}
        facts = learner_facts(user_id=user_id, steps=steps)
        completions = latest_completions(user_ids=[user_id], module_ids=list(steps))
        logs = {log.module_id: log for log in ModuleProgressLog.objects.filter(user_id=user_id)}
        new_logs, changed_logs, new_completions = [], [], []
        for module in modules:
            completed_at, expires_on = completions.get((user_id, module.id), (None, None))
            current = completed_at is not None and (expires_on is None or expires_on > today)
            since = cycle_start(expires_on=expires_on, today=today)
            done = steps_done(module_id=module.id, steps=steps[module.id], facts=facts, since=since)
            if done.complete and not current:
                percent = done.best_percent
                new_completions.append(
                    Completion.of_module(
                        user_id=user_id,
                        module=module,
                        completed_at=now,
                        completed_on=today,
                        quiz_percent=(
                            Decimal(str(round(percent, 2))) if percent is not None else None
                        ),
                    )
                )
            log = logs.get(module.id)
            total = len(steps[module.id])
            if log is None:
                if done.count:
                    new_logs.append(
                        ModuleProgressLog(
                            user_id=user_id,
                            module_id=module.id,
                            steps_done=done.count,
                            steps_total=total,
                            started_at=now,
                            updated_at=now,
                        )
                    )
            elif (log.steps_done, log.steps_total) != (done.count, total) or (
                since is not None and log.updated_at < since
            ):
                log.steps_done, log.steps_total, log.updated_at = done.count, total, now
                log.started_at = log.started_at or now
                changed_logs.append(log)
        ModuleProgressLog.objects.bulk_create(new_logs)
        ModuleProgressLog.objects.bulk_update(
            changed_logs, ["steps_done", "steps_total", "started_at", "updated_at"]
        )
        return Completion.objects.bulk_create(new_completions)


def team_summaries_refresh(*, batch=20, today=None) -> int:
    """Recompute every team's counts per status for the organisation-wide report.

    Teams are reported a batch at a time (five queries a batch), so memory stays flat
    however large the organisation. A person in two teams counts in the first, by name,
    as in the report. Return the number of teams summarised.
    """
    from collections import Counter

    from accounts.models import Team

    from .selectors.reports import team_report

    team_ids = list(Team.objects.order_by("id").values_list("id", flat=True))
    now = timezone.now()
    for start in range(0, len(team_ids), batch):
        ids = team_ids[start : start + batch]
        report = team_report(team_ids=ids, today=today)
        people, counts = Counter(), {team_id: Counter() for team_id in ids}
        for row in report.rows:
            people[row.team_id] += 1
            counts[row.team_id].update(cell.status.value for cell in row.cells if cell)
        with transaction.atomic():
            TeamSummary.objects.filter(team_id__in=ids).delete()
            TeamSummary.objects.bulk_create(
                TeamSummary(
                    team_id=team_id,
                    people=people[team_id],
                    counts=dict(counts[team_id]),
                    computed_at=now,
                )
                for team_id in ids
            )
    return len(team_ids)


# Organisation-wide report files: too big for a web request, so a task prepares them.

WAITING_AT_MOST = dt.timedelta(hours=1)  # the XLSX of 10,000 people takes about 2 minutes


def report_download_request(*, user, team_ids, format) -> ReportDownload:
    """Ask for the report of these teams as a file; a task prepares it once this commits.

    A second request for the same file while the first is still being prepared (a
    double click, a reload) returns the first rather than starting another; one waiting
    for more than WAITING_AT_MOST (its worker lost, say) no longer holds new ones back.
    """
    from .tasks import report_download_render as render_task

    team_ids = sorted({int(team_id) for team_id in team_ids})
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(id=user.id).first()
        for waiting in ReportDownload.objects.filter(
            requested_by=user,
            format=format,
            status__in=[ReportDownloadStatus.PENDING, ReportDownloadStatus.RUNNING],
            created_at__gt=timezone.now() - WAITING_AT_MOST,
        ):
            if waiting.team_ids == team_ids:
                return waiting
        download = ReportDownload.objects.create(
            requested_by=user, format=format, team_ids=team_ids
        )
        transaction.on_commit(lambda: render_task.delay(download.id))
    return download


def report_download_file_name(download) -> str:
    """Fixed per download (a rerun replaces its file) and unguessable."""
    token = salted_hmac("learning.report_download_file_name", str(download.id)).hexdigest()[:24]
    return f"training-report-{download.id}-{token}.{download.format}"


def report_download_render(*, download_id):
    """Write the file, store it and mark the download done. Safe to run any number of
    times (a redelivered task, two workers): one file results. Return the download, or
    None when it no longer exists.

    The teams are read 20 at a time (`team_reports_in_batches`): memory stays flat.
    """
    download = ReportDownload.objects.filter(id=download_id).first()
    if download is None or download.status == ReportDownloadStatus.DONE:
        return download
    ReportDownload.objects.filter(id=download_id).update(status=ReportDownloadStatus.RUNNING)
    reports = team_reports_in_batches(team_ids=download.team_ids)
    write = (
        report_files.xlsx_write
        if download.format == ReportDownloadFormat.XLSX
        else report_files.csv_write
    )
    with tempfile.TemporaryFile() as stream:
        write(stream, reports)
        stream.seek(0)
        return file_store_once(
            ReportDownload, download_id, stream, report_download_file_name(download)
        )


def report_download_fail(*, download_id) -> None:
    ReportDownload.objects.filter(id=download_id).exclude(status=ReportDownloadStatus.DONE).update(
        status=ReportDownloadStatus.FAILED
    )


def report_downloads_delete_expired(*, now=None) -> int:
    """Delete expired report files and their rows; return how many."""
    return rows_delete_with_files(
        ReportDownload.objects.filter(expires_at__lte=now or timezone.now())
    )
