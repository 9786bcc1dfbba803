"""Reflective records: My CPD, writing a record (with autosave), sharing, my data.

Views stay thin: selectors read (the owner's own records, 404 for anyone else's),
services write.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import api as accounts_api
from accounts.api import is_manager, registration_for, second_factor_required
from core.params import int_or_none
from core.prepared_files.views import prepared_file_download, prepared_file_status

from . import selectors, services
from .exports.files import CPD_EXPORTS
from .forms import RecordForm
from .models import ActivityType
from .reflective_models import MODELS, get_model, model_for_regulator


@login_required
def my_cpd(request):
    year = int_or_none(request.GET.get("year"))
    activity_type = request.GET.get("type") or None
    standard_id = int_or_none(request.GET.get("standard"))
    records, totals = selectors.my_records(
        user=request.user, year=year, activity_type=activity_type, standard_id=standard_id
    )
    standards = selectors.record_standards(user=request.user)
    context = {
        "records": records,
        "totals": totals,
        "years": selectors.record_years(user=request.user),
        "standards": standards,
        "filters": {"year": year, "type": activity_type, "standard": standard_id},
        "standard_label": dict(standards).get(standard_id, "") if standard_id else "",
        "standing": selectors.cpd_standing_for(user=request.user),
        "activity_types": ActivityType.choices,
        "filtered": bool(year or activity_type or standard_id),
        "manages_a_team": is_manager(request.user),
    }
    return TemplateResponse(request, "reflections/my_cpd.html", context)


@login_required
@require_POST
def record_new(request):
    try:
        record = services.record_start(
            owner=request.user,
            bite_id=int_or_none(request.POST.get("bite")),
            attempt_id=int_or_none(request.POST.get("attempt")),
            question=int_or_none(request.POST.get("question")),
        )
    except services.RecordNotFound:
        raise Http404 from None
    return redirect("reflections:edit", record.id)


def _form(request, record, data=None, show_privacy_confirm=False):
    posted_model = (data or {}).get("reflective_model")
    model_code = posted_model if posted_model in MODELS else record.reflective_model
    registration = registration_for(user=request.user)
    return RecordForm(
        data,
        initial=None if data else RecordForm.initial_for(record),
        model_code=model_code,
        standard_choices=selectors.standard_choices_for(user=request.user, record=record),
        show_privacy_confirm=show_privacy_confirm,
        suggested_model=model_for_regulator(registration.regulator) if registration else None,
        regulator_name=registration.regulator_name if registration else "",
    )


def _by_field(findings):
    by_field: dict[str, list] = {}
    for finding in findings:
        by_field.setdefault(finding.field, []).append(finding)
    return by_field


def _saved_status(record):
    """Return "Last saved at 14:02" (or on an earlier day), or "" for a record never saved."""
    if record.version <= 1:
        return ""
    saved = timezone.localtime(record.updated_at)
    if saved.date() == timezone.localdate():
        return _("Last saved at %(time)s") % {"time": saved.strftime("%H:%M")}
    return _("Last saved on %(date)s at %(time)s") % {
        "date": date_format(saved.date(), "j F Y"),
        "time": saved.strftime("%H:%M"),
    }


def _edit_response(request, record, form, *, version, blocked_findings=(), status=200):
    """Render the form, with the privacy guard's warnings beside each field they concern.

    The warnings are about the saved text; `blocked_findings` (Complete refused) are also
    listed above the form.
    """
    form.privacy_findings = _by_field(services.record_findings(record))
    context = {
        "record": record,
        "form": form,
        "version": version,
        "findings": [
            {
                "label": finding.label,
                "field_label": form.fields[finding.field].label
                if finding.field in form.fields
                else finding.field,
                "field": finding.field,
                "excerpt": finding.excerpt,
            }
            for finding in blocked_findings
        ],
        "model": get_model(form.model.code),
        "source_link": selectors.record_source_link(record=record),
        "saved_status": _saved_status(record),
    }
    return TemplateResponse(request, "reflections/edit.html", context, status=status)


@login_required
def record_edit(request, record_id):
    record = selectors.own_record(user=request.user, record_id=record_id)
    if request.method != "POST":
        return _edit_response(request, record, _form(request, record), version=record.version)
    version = int_or_none(request.POST.get("version"))
    form = _form(
        request, record, request.POST, show_privacy_confirm="identifiers_checked" in request.POST
    )
    if not form.is_valid():
        return _edit_response(request, record, form, version=version, status=400)
    arguments = {
        "record_id": record.id,
        "owner": request.user,
        "version": version,
        "data": form.record_data(),
        "standard_ids": form.cleaned_data["standards"],
    }
    try:
        if "complete" in request.POST:
            services.record_complete(
                **arguments, identifiers_checked=form.cleaned_data["identifiers_checked"]
            )
            messages.success(request, _("Your record is complete"))
            return redirect("reflections:detail", record.id)
        saved = services.record_save(**arguments)
    except services.StaleRecord:
        form.add_error(
            None,
            _(
                "This record was changed in another tab or window since you opened it, so "
                "this version was not saved. Your text is still below: copy what you need, "
                "then open the record again."
            ),
        )
        # Keep the stale version: further saves from this page keep failing until the
        # learner opens the record again, so this tab never overwrites the other.
        return _edit_response(request, record, form, version=version, status=409)
    except services.CompletionBlocked as blocked:
        record.refresh_from_db()
        form = _form(request, record, request.POST, show_privacy_confirm=bool(blocked.findings))
        form.is_valid()
        for field, message in blocked.missing.items():
            form.add_error(field if field in form.fields else None, message)
        if blocked.findings and not blocked.missing:
            form.add_error(
                "identifiers_checked",
                _(
                    "Remove what could identify someone, or confirm you have checked this record identifies no one"
                ),
            )
        return _edit_response(
            request,
            record,
            form,
            version=record.version,
            blocked_findings=blocked.findings,
            status=400,
        )
    # The draft is saved whatever the privacy guard finds: the edit page shows its
    # warnings beside the fields.
    messages.success(
        request, _("Draft saved at %(time)s") % {"time": timezone.localtime().strftime("%H:%M")}
    )
    return redirect("reflections:edit", saved.id)


@login_required
@require_POST
def record_autosave(request, record_id):
    """Save the draft; answer with the new version, the status line and, for every text
    field, the privacy guard's warning (empty when it has nothing to say)."""
    record = selectors.own_record(user=request.user, record_id=record_id)
    form = _form(request, record, request.POST)
    if not form.is_valid():
        return JsonResponse(
            {
                "status": "invalid",
                "message": _("Not saved - check your answers, then select Save draft"),
            },
            status=400,
        )
    try:
        saved = services.record_save(
            record_id=record.id,
            owner=request.user,
            version=int_or_none(request.POST.get("version")),
            data=form.record_data(),
            standard_ids=form.cleaned_data["standards"],
        )
    except services.StaleRecord as stale:
        return JsonResponse(
            {
                "status": "stale",
                "version": stale.current_version,
                "message": _(
                    "Not saved - this record was changed in another tab or window. Your text "
                    "is still here: copy it, then open the record again."
                ),
            },
            status=409,
        )
    findings = services.record_findings(saved)
    by_field = _by_field(findings)
    fields = set(services.record_texts(saved)) | set(by_field)
    saved_at = timezone.localtime(saved.updated_at).strftime("%H:%M")
    return JsonResponse(
        {
            "status": "saved",
            "version": saved.version,
            "message": _("Saved at %(time)s") % {"time": saved_at},
            "findings": [
                {"field": f.field, "label": str(f.label), "excerpt": f.excerpt} for f in findings
            ],
            "warnings": {
                field: render_to_string(
                    "reflections/includes/privacy_warning.html",
                    {"findings": by_field.get(field, [])},
                    request=request,
                ).strip()
                for field in sorted(fields)
            },
        }
    )


def _detail_context(record, *, owner_view):
    model = get_model(record.reflective_model)
    return {
        "record": record,
        "model": model,
        "extras": [(prompt, record.extra.get(prompt.key, "")) for prompt in model.extra],
        "standards": selectors.record_standard_labels(record=record),
        "owner_view": owner_view,
    }


@login_required
def record_detail(request, record_id):
    record = selectors.own_record(user=request.user, record_id=record_id)
    return TemplateResponse(
        request,
        "reflections/detail.html",
        _detail_context(record, owner_view=True),
    )


@login_required
def record_share(request, record_id):
    """Share a complete record with the owner's managers, or stop: GET asks, POST does.

    The question names who will read it. Posting the same answer twice changes nothing.
    """
    record = selectors.own_record(user=request.user, record_id=record_id)
    if not record.is_complete and not record.shared_with_manager:
        messages.error(request, _("Complete the record before you share it"))
        return redirect("reflections:edit", record.id)
    managers = accounts_api.managers_of(user=request.user)
    if request.method != "POST":
        return TemplateResponse(
            request,
            "reflections/confirm_share.html",
            {"record": record, "managers": managers, "share": not record.shared_with_manager},
        )
    share = request.POST.get("share") == "yes"
    if share and not managers:
        messages.error(
            request, _("No one manages a team you are in, so there is no one to share with")
        )
        return redirect("reflections:detail", record.id)
    try:
        services.record_share(record_id=record.id, owner=request.user, shared=share)
    except services.CompletionBlocked:
        messages.error(request, _("Complete the record before you share it"))
    else:
        messages.success(
            request,
            _("Your manager can now read this record")
            if share
            else _("Your manager can no longer read this record"),
        )
    return redirect("reflections:detail", record.id)


@login_required
def record_delete(request, record_id):
    record = selectors.own_record(user=request.user, record_id=record_id)
    if request.method == "POST":
        services.record_delete(record_id=record.id, owner=request.user)
        messages.success(request, _("“%(title)s” has been deleted") % {"title": record})
        return redirect("reflections:my_cpd")
    return TemplateResponse(request, "reflections/confirm_delete.html", {"record": record})


@second_factor_required
def shared_list(request):
    return TemplateResponse(
        request,
        "reflections/shared_list.html",
        {"shared": selectors.shared_records(manager=request.user)},
    )


@second_factor_required
def shared_detail(request, record_id):
    record = selectors.shared_record(manager=request.user, record_id=record_id)
    return TemplateResponse(
        request,
        "reflections/detail.html",
        _detail_context(record, owner_view=False),
    )


@login_required
def delete_all(request):
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        count = services.records_delete_all(owner=request.user)
        messages.success(request, _("%(count)d records deleted") % {"count": count})
        return redirect("reflections:my_cpd")
    return TemplateResponse(request, "reflections/confirm_delete_all.html", {})


# Exports ---------------------------------------------------------------------------------


@login_required
def export_new(request):
    from .exports import selectors as export_selectors
    from .exports.forms import ExportForm

    records = export_selectors.exportable_records(user=request.user)
    if request.method == "POST":
        form = ExportForm(request.POST, records=records)
        if form.is_valid():
            export = services.export_request(owner=request.user, **form.export_arguments())
            return redirect("reflections:export_detail", export.id)
        status = 400
    else:
        form = ExportForm(
            records=records,
            initial={
                "layout": export_selectors.default_layout(user=request.user),
                "records": [record.id for record in records],
            },
        )
        status = 200
    return TemplateResponse(
        request, "reflections/export_new.html", {"form": form, "records": records}, status=status
    )


@login_required
def export_detail(request, export_id):
    return prepared_file_status(request, kind=CPD_EXPORTS, file_id=export_id)


@login_required
def export_download(request, export_id):
    return prepared_file_download(request, kind=CPD_EXPORTS, file_id=export_id)
