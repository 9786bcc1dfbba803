"""The status page and the download of a prepared file, the same for every kind.

An app's view decides who may reach these at all (signed in, second factor) and calls
them with its kind; here only the file's owner gets anything (404 for everyone else),
nothing is cached, and an expired file answers 410 Gone.
"""

from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .kinds import PreparedFileKind


def _own_file(user, kind: PreparedFileKind, file_id):
    row = kind.model.objects.filter(id=file_id, owner_id=user.id).first()
    if row is None or not kind.still_allowed(user, row):
        raise Http404
    return row


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def _page(request, kind, row):
    expired = row.is_expired()
    context = {"file": row, "pages": kind.pages, "expired": expired}
    if row.is_done and not expired:
        context["download_text"] = kind.pages.download_text(row)
        context["kept_text"] = kind.pages.kept_text(row)
    response = TemplateResponse(
        request, "core/prepared_file.html", context, status=410 if expired else 200
    )
    return _no_store(response)


def prepared_file_status(request, *, kind: PreparedFileKind, file_id):
    """Waiting, ready (with the download link), failed, or 410 once expired."""
    return _page(request, kind, _own_file(request.user, kind, file_id))


def prepared_file_download(request, *, kind: PreparedFileKind, file_id):
    """The file as a private attachment named `{stem}-{day}.{format}`; while it is not
    ready, back to its status page."""
    row = _own_file(request.user, kind, file_id)
    if row.is_expired():
        return _page(request, kind, row)
    if not row.is_done or not row.file:
        return _no_store(redirect(reverse(kind.pages.status_url, args=[row.id])))
    day = timezone.localdate(row.created_at).isoformat()
    response = FileResponse(
        row.file.open("rb"),
        as_attachment=True,
        filename=f"{kind.file_stem(row)}-{day}.{row.format}",
        content_type=kind.content_type(row),
    )
    return _no_store(response)
