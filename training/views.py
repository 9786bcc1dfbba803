from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.api import second_factor_required
from core.forms import local_path
from core.params import int_or_none
from core.prepared_files.views import prepared_file_download, prepared_file_status
from reflections import api as reflections_api

from . import charts, reminders, report_files, selectors, services
from .files import REPORT_FILES, XLSX_TYPE
from .forms import CHOSEN, EVERYONE, AssignmentForm, ReportFileForm, ReportFilterForm
from .models import Assignment
from .permissions import may_manage_training, teams_managed_by
from .rules import DATE_PHRASES, Status
from .selectors import reminders as reminders_selectors
from .selectors import reports
from .selectors.reports import assignable_modules

REMINDERS_PER_PAGE = 50
TEAMS_AT_ONCE = 5  # more teams than this (an administrator): the organisation summary first


# Training: "My training" for learners; the team report and assignments for managers.


@login_required
def my_training(request):
    context = {
        "training": selectors.my_training(user=request.user, request=request),
        "manages_training": may_manage_training(request.user),
    }
    return TemplateResponse(request, "training/my_training.html", context)


@login_required
@require_POST
def module_reflect(request, module_id):
    """Open the learner's draft for the module's "Record a reflection" step (started from
    the module, one of its bites or its quiz), or start one."""
    source = selectors.module_reflection_source(module_id=module_id)
    if source is None:
        raise Http404
    record = reflections_api.record_start_from_module(owner=request.user, module=source)
    return redirect(record.edit_url)


def _managed_teams(request):
    """Return the teams the user manages; refuse anyone who manages none."""
    teams = list(teams_managed_by(request.user))
    if not teams:
        raise PermissionDenied
    return teams


def _report_for(request, teams):
    """Read the report filters from the query string and build the team report."""
    modules = assignable_modules()
    form = ReportFilterForm(request.GET, teams=teams, modules=modules, statuses=Status.choices)
    team_id, module_id = form.value("team"), form.value("module")
    team_ids = [team_id] if team_id else [t.id for t in teams]
    status = form.value("status")
    report = reports.team_report(
        team_ids=team_ids,
        module_ids=[module_id] if module_id else None,
        statuses={status} if status else None,
        sort=form.value("sort") or "name",
    )
    return form, team_ids, report


@second_factor_required
def team_report(request):
    teams = _managed_teams(request)
    if _organisation_wide(request, teams):
        team_ids = [t.id for t in teams]
        context = {
            "summaries": reports.organisation_summary(team_ids=team_ids),
            "statuses": Status.choices,
            "download_form": ReportFileForm(),
            "report_files": reports.report_files_for(user=request.user, team_ids=team_ids),
        }
        return TemplateResponse(request, "training/organisation_report.html", context)
    form, team_ids, report = _report_for(request, teams)
    context = {
        "form": form,
        "report": report,
        "grid": _grid(report),
        "columns": list(zip(report.modules, range(len(report.modules)), strict=True)),
        # "Module removed" only when a module was deleted or unpublished after assigning.
        "statuses": [
            (status, report.counts[status])
            for status in Status
            if status != Status.REMOVED or report.counts[status]
        ],
        "trend": _trend_chart(reports.completion_trend(team_ids=team_ids)),
        "query_string": request.GET.urlencode(),
        "teams": teams,
    }
    return TemplateResponse(request, "training/team_report.html", context)


def _grid(report):
    """Return [(row, cells)] with each cell's tag, label and date text ready to print.

    The date is `rules.shown_date`'s, as in the tables and the downloads. A team's grid
    has a cell per person and module: translating each status and formatting each date
    once, rather than once a cell, keeps a large team's page quick.
    """
    labels, dates = {}, {}

    def shown(cell, module):
        if cell is None:
            return None
        if cell.status not in labels:
            labels[cell.status] = str(cell.status.label)
        when = cell.shown
        if when.date is None:
            text = ""
        elif (when.kind, when.date) in dates:
            text = dates[when.kind, when.date]
        else:
            text = DATE_PHRASES[when.kind] % {"date": date_format(when.date, "j M Y")}
            dates[when.kind, when.date] = text
        return {
            "tag": cell.tag,
            "label": labels[cell.status],
            "date": text,
            # "Send a reminder" to this person about this module (overdue cells only).
            "remind": module if cell.status == Status.OVERDUE else None,
        }

    return [
        (row, [shown(cell, module) for cell, module in zip(row.cells, report.modules, strict=True)])
        for row in report.rows
    ]


def _trend_chart(weeks):
    labels = [date_format(week.week_start, "j M") for week in weeks]
    return {
        "weeks": weeks,
        "chart": charts.bar_chart([w.completions for w in weeks], labels),
        "total": sum(w.completions for w in weeks),
    }


def _organisation_wide(request, teams):
    """More teams than one page shows, and none of them chosen (an unknown id is none)."""
    chosen = int_or_none(request.GET.get("team"))
    return len(teams) > TEAMS_AT_ONCE and chosen not in {t.id for t in teams}


def _to_organisation_files(request):
    """The whole organisation's report is too big for one request: a task prepares it."""
    messages.info(
        request,
        _("The report of every team is prepared as a file in the background. Choose a format."),
    )
    return redirect(f"{reverse('training:team_report')}#download")


@second_factor_required
def team_report_csv(request):
    teams = _managed_teams(request)
    if _organisation_wide(request, teams):
        return _to_organisation_files(request)
    response = StreamingHttpResponse(
        report_files.csv_lines([_report_for(request, teams)[2]]),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="training-report.csv"'
    response["Cache-Control"] = "no-store"
    return response


@second_factor_required
def team_report_xlsx(request):
    teams = _managed_teams(request)
    if _organisation_wide(request, teams):
        return _to_organisation_files(request)
    response = FileResponse(
        report_files.xlsx_file([_report_for(request, teams)[2]]),
        as_attachment=True,
        filename="training-report.xlsx",
        content_type=XLSX_TYPE,
    )
    response["Cache-Control"] = "no-store"
    return response


@second_factor_required
@require_POST
def report_file_new(request):
    teams = _managed_teams(request)
    form = ReportFileForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Select a file format"))
        return redirect(f"{reverse('training:team_report')}#download")
    report_file = services.report_file_request(
        user=request.user, team_ids=[t.id for t in teams], format=form.cleaned_data["format"]
    )
    return redirect("training:report_file", report_file.id)


@second_factor_required
def report_file(request, file_id):
    _managed_teams(request)
    return prepared_file_status(request, kind=REPORT_FILES, file_id=file_id)


@second_factor_required
def report_file_download(request, file_id):
    _managed_teams(request)
    return prepared_file_download(request, kind=REPORT_FILES, file_id=file_id)


@second_factor_required
def standards_heatmap(request):
    teams = _managed_teams(request)
    team_id = int_or_none(request.GET.get("team"))
    chosen = [t for t in teams if t.id == team_id] or teams
    context = {
        "teams": teams,
        "team": chosen[0] if len(chosen) == 1 else None,
        "rows": reports.standards_heatmap(team_ids=[t.id for t in chosen]),
        "min_learners": reports.HEATMAP_MIN_LEARNERS,
    }
    return TemplateResponse(request, "training/standards_heatmap.html", context)


@second_factor_required
def assignment_list(request):
    teams = _managed_teams(request)
    context = {
        "teams": teams,
        "assignments": reports.open_assignments(team_ids=[t.id for t in teams]),
    }
    return TemplateResponse(request, "training/assignment_list.html", context)


def _managed_team(request, team_id):
    team = teams_managed_by(request.user).filter(id=team_id).first()
    if team is None:
        raise Http404
    return team


def _assignment_form(request, team, data=None, *, editing=False, initial=None, assigned=None):
    return AssignmentForm(
        data,
        initial=initial,
        modules=assignable_modules(),
        members=team.members.filter(is_active=True).order_by("first_name", "last_name", "email"),
        editing=editing,
        assigned=assigned,
    )


def _add_service_errors(form, error):
    for field, message in error.errors.items():
        form.add_error(field if field in form.fields else None, message)


@second_factor_required
def assignment_new(request, team_id):
    team = _managed_team(request, team_id)
    # The team's open assignments, linked for changing: assigning one again is a dead end.
    already = reports.open_assignments(team_ids=[team.id])
    data = request.POST if request.method == "POST" else None
    form = _assignment_form(
        request, team, data, assigned={a.module_id: a.due_date for a in already}
    )
    existing = None
    if request.method == "POST" and form.is_valid():
        try:
            assignment = services.assignment_create(
                actor=request.user,
                team_id=team.id,
                module_id=form.cleaned_data["module"],
                due_date=form.cleaned_data["due_date"],
                everyone=form.everyone,
                learner_ids=form.cleaned_data["learners"],
            )
        except services.AssignmentError as error:
            _add_service_errors(form, error)
            existing = error.existing
        else:
            messages.success(
                request,
                _("%(module)s assigned to %(team)s, due by %(date)s")
                % {
                    "module": assignment.title,
                    "team": team.name,
                    "date": date_format(assignment.due_date, "j F Y"),
                },
            )
            return redirect("training:assignment_list")
    context = {"form": form, "team": team, "already": already, "existing": existing}
    return TemplateResponse(request, "training/assignment_form.html", context)


def _open_assignment(request, assignment_id):
    assignment = reports.open_assignment_for(user=request.user, assignment_id=assignment_id)
    if assignment is None:
        raise Http404
    return assignment


@second_factor_required
def assignment_edit(request, assignment_id):
    assignment = _open_assignment(request, assignment_id)
    initial = {
        "due_date": assignment.due_date,
        "who": EVERYONE if assignment.everyone else CHOSEN,
        "learners": list(assignment.learners.values_list("id", flat=True)),
    }
    data = request.POST if request.method == "POST" else None
    form = _assignment_form(request, assignment.team, data, editing=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_update(
                actor=request.user,
                assignment_id=assignment.id,
                due_date=form.cleaned_data["due_date"],
                everyone=form.everyone,
                learner_ids=form.cleaned_data["learners"],
            )
        except services.AssignmentError as error:
            _add_service_errors(form, error)
        except Assignment.DoesNotExist:
            raise Http404 from None
        else:
            messages.success(request, _("Assignment changed"))
            return redirect("training:assignment_list")
    context = {"form": form, "team": assignment.team, "assignment": assignment}
    return TemplateResponse(request, "training/assignment_form.html", context)


@second_factor_required
def assignment_withdraw(request, assignment_id):
    assignment = _open_assignment(request, assignment_id)
    if request.method == "POST":
        try:
            services.assignment_withdraw(actor=request.user, assignment_id=assignment.id)
        except Assignment.DoesNotExist:
            raise Http404 from None
        messages.success(
            request,
            _("%(module)s withdrawn from %(team)s. Completions already earned are kept.")
            % {"module": assignment.title, "team": assignment.team.name},
        )
        return redirect("training:assignment_list")
    context = {"assignment": assignment}
    return TemplateResponse(request, "training/assignment_withdraw.html", context)


# Reminders on demand: to one learner about one module, or to everyone overdue in the
# team report's filtered view. GET asks to confirm; POST records them (a task emails).


def _reminders_sent_message(request, result):
    parts = []
    if result.sent:
        parts.append(
            ngettext("%(count)s reminder sent.", "%(count)s reminders sent.", result.sent)
            % {"count": result.sent}
        )
    else:
        parts.append(_("No reminders sent."))
    if result.already:
        parts.append(
            ngettext(
                "%(count)s had already been sent today, so was not sent again.",
                "%(count)s had already been sent today, so were not sent again.",
                result.already,
            )
            % {"count": result.already}
        )
    (messages.success if result.sent else messages.info)(request, " ".join(parts))


@second_factor_required
def reminder_overdue(request):
    """Remind everyone overdue in the report's filtered view (its query string)."""
    teams = _managed_teams(request)
    _form, _team_ids, report = _report_for(request, teams)
    targets = reminders_selectors.overdue_targets(report)
    query_string = request.GET.urlencode()
    back = reverse("training:team_report") + (f"?{query_string}" if query_string else "")
    if request.method == "POST":
        result = reminders.reminders_request(actor=request.user, targets=targets)
        _reminders_sent_message(request, result)
        return redirect(back)
    already = reminders_selectors.reminded_today(targets=targets, today=timezone.localdate())
    context = {
        "targets": [(t, already.get((t.user_id, t.module_id))) for t in targets],
        "people": len({t.user_id for t in targets}),
        "modules": sorted({t.module_title for t in targets}),
        "to_send": len(targets) - len(already),
        "query_string": query_string,
        "back": back,
    }
    return TemplateResponse(request, "training/reminder_overdue.html", context)


@second_factor_required
def reminder_person(request, user_id, module_id):
    """Remind one learner about one module; 404 outside the user's teams."""
    target = reminders_selectors.reminder_target(
        user=request.user, learner_id=user_id, module_id=module_id
    )
    if target is None:
        raise Http404
    back = local_path(request.POST.get("next") or request.GET.get("next")) or reverse(
        "training:team_report"
    )
    if request.method == "POST":
        result = reminders.reminders_request(actor=request.user, targets=[target])
        _reminders_sent_message(request, result)
        return redirect(back)
    already = reminders_selectors.reminded_today(targets=[target], today=timezone.localdate())
    context = {"target": target, "already": already.get((user_id, module_id)), "back": back}
    return TemplateResponse(request, "training/reminder_person.html", context)


@second_factor_required
def reminder_log(request):
    """The reminders sent to the people in the user's teams, newest first."""
    _managed_teams(request)
    page = Paginator(reminders_selectors.reminder_log(user=request.user), REMINDERS_PER_PAGE)
    context = {"page_obj": page.get_page(request.GET.get("page"))}
    return TemplateResponse(request, "training/reminder_log.html", context)


# "Download all my data": everything the site holds about the signed-in user.


@login_required
def my_data(request):
    """Send the signed-in user their own data as a ZIP (nobody else's: it reads only
    `request.user`), never cached."""
    from django.http import HttpResponse

    from .personal_data import personal_data_zip

    now = timezone.now()
    response = HttpResponse(personal_data_zip(user=request.user, now=now), "application/zip")
    filename = f"my-cpd-data-{timezone.localdate(now).isoformat()}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


# The learner page: what a manager sees of one person in a team they manage.


@second_factor_required
def learner(request, user_id):
    """One person's assignments, completions, quiz scores and shared records.

    Not found for anyone but a manager of one of the person's teams (or an
    administrator): never "forbidden", which would say the person exists.
    """
    from .selectors.learner import learner_for_manager

    person = learner_for_manager(manager=request.user, user_id=user_id)
    if person is None:
        raise Http404
    return TemplateResponse(request, "training/learner.html", {"person": person})
