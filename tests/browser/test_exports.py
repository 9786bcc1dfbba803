"""Export CPD records as a practitioner would: choose, prepare, download, read the file."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from accounts.demo import demo_password
from tests.browser.conftest import assert_accessible, sign_in, url
from tests.reflections.export_helpers import pdf_metadata

pytestmark = pytest.mark.browser


def prepare_export(page, live_server, *, file_format, layout):
    page.goto(url(live_server, "/reflections/"))
    page.get_by_role("link", name="Export your CPD records (PDF, CSV or JSON)").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)
    page.get_by_label(file_format).check()
    page.get_by_label(layout).check()
    records = page.get_by_role("group", name="Records").get_by_role("checkbox")
    for index in range(records.count()):
        records.nth(index).check()
    page.get_by_role("button", name="Prepare the export").click()
    # Celery runs eagerly here, so the export is ready when the status page loads.
    expect(page.get_by_role("heading", name="Your export is ready")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Download ")).click()
    return download.value


def test_a_practitioner_exports_their_records_as_csv_and_pdf(page, live_server, demo):
    sign_in(page, live_server, "practitioner1@example.com", demo_password())

    csv_file = prepare_export(
        page, live_server, file_format="CSV spreadsheet", layout="Social Work England CPD record"
    )
    content = Path(csv_file.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, so Excel reads it
    text = content.decode("utf-8-sig")
    assert "Social media and professional boundaries" in text
    assert "Group supervision: recording and confidentiality" in text

    pdf_file = prepare_export(
        page, live_server, file_format="PDF document", layout="Social Work England CPD record"
    )
    pdf = Path(pdf_file.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"pdfuaid" in pdf_metadata(pdf)  # tagged PDF/UA-1
    assert pdf_file.suggested_filename.endswith(".pdf")


def test_the_confirmation_and_expired_export_pages_pass_axe(page, live_server, demo):
    from datetime import timedelta

    from django.utils import timezone

    from reflections.models import Export, Record

    sign_in(page, live_server, "practitioner1@example.com", demo_password())
    record = Record.objects.filter(owner__email="practitioner1@example.com").first()
    page.goto(url(live_server, f"/reflections/{record.id}/delete/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Delete")
    assert_accessible(page)
    page.goto(url(live_server, "/reflections/delete-all/"))
    expect(page.get_by_role("button", name="Delete all my records")).to_be_visible()
    assert_accessible(page)
    expired = Export.objects.create(
        owner=record.owner,
        format="csv",
        layout="swe",
        record_ids=[record.id],
        status="done",
        expires_at=timezone.now() - timedelta(days=1),
    )
    page.allow_console_error("status of 410")
    response = page.goto(url(live_server, f"/reflections/exports/{expired.id}/download/"))
    assert response.status == 410
    expect(page.get_by_role("link", name="Make another export")).to_be_visible()
    assert_accessible(page)
