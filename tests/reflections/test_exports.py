"""CPD exports: the writers, the layouts and the services that prepare a file."""

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import tasks
from core.prepared_files.services import prepared_file_render
from learning import api as learning_api
from reflections.exports import csv as export_csv
from reflections.exports import pdf as export_pdf
from reflections.exports.files import CPD_EXPORTS
from reflections.exports.layouts import LAYOUTS, profile_sections, record_fields
from reflections.models import Export, ExportStatus
from tests.accounts.factories import RegistrationFactory, UserFactory
from tests.reflections.export_helpers import pdf_metadata, pdf_text_lines
from tests.reflections.factories import CompleteRecordFactory, ExportFactory, RecordFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","Click")'


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_export(owner, **fields):
    return ExportFactory(owner=owner, **fields)


def rendered(export):
    export = prepared_file_render(kind=CPD_EXPORTS, file_id=export.id)
    with export.file.open("rb") as handle:
        return export, handle.read()


def csv_rows(data: bytes):
    assert data.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("A plain title", "A plain title"),
        ("", ""),
        (None, ""),
        (dt.date(2026, 3, 2), "2026-03-02"),
        (Decimal("1.50"), "1.5"),
    ],
)
def test_safe_cell_neutralises_what_a_spreadsheet_would_run(value, expected):
    assert export_csv.safe_cell(value) == expected


def test_a_formula_in_the_title_is_neutralised_in_the_csv():
    owner = UserFactory()
    CompleteRecordFactory(owner=owner, title=FORMULA, description="-2+3")
    export, data = rendered(make_export(owner))
    header, row = csv_rows(data)
    assert row[1].startswith("'" + FORMULA)
    assert export.status == ExportStatus.DONE
    assert all(not cell.startswith(export_csv.FORMULA_PREFIXES) for cell in row)


def test_the_social_work_england_csv_follows_its_form_in_order_and_marks_peer_reflection():
    owner = UserFactory()
    CompleteRecordFactory(
        owner=owner, title="Supervision", peer_name="Ama", peer_learning="Check in sooner."
    )
    _, data = rendered(make_export(owner))
    header, row = csv_rows(data)
    assert header[:6] == [
        "Type of CPD",
        "A short description of the activity and why it is relevant",
        "Date",
        "End date",
        "What you learnt",
        "The positive impact on your practice and the people you work with",
    ]
    assert header[6] == "Peer reflection" and row[6] == "Yes"
    assert row[0] == "Reading" and row[2] == "2026-03-02"
    assert row[1].startswith("Supervision\n\nI read the social media bite.")


def test_only_the_owners_complete_records_in_the_chosen_dates_and_ids_are_exported():
    owner = UserFactory()
    inside = CompleteRecordFactory(owner=owner, title="Inside", start_date=dt.date(2026, 3, 2))
    not_chosen = CompleteRecordFactory(owner=owner, start_date=dt.date(2026, 3, 3))
    CompleteRecordFactory(owner=owner, title="Too early", start_date=dt.date(2025, 1, 1))
    RecordFactory(owner=owner, title="A draft", start_date=dt.date(2026, 3, 2))
    CompleteRecordFactory(title="Someone else's", start_date=dt.date(2026, 3, 2))
    export = make_export(
        owner,
        layout="scw",
        date_from=dt.date(2026, 1, 1),
        record_ids=[inside.id, not_chosen.id],
    )
    Export.objects.filter(id=export.id).update(record_ids=[inside.id])
    _, data = rendered(export)
    rows = csv_rows(data)
    assert [row[1] for row in rows[1:]] == ["Inside"]
    assert rows[0] == [
        "Date",
        "Name of the activity",
        "Duration (hours)",
        "How it helped your practice",
        "Standards",
    ]


def test_the_pdf_is_tagged_pdf_ua_with_a_title_and_language():
    owner = UserFactory(first_name="Sam", last_name="Patel")
    CompleteRecordFactory(owner=owner)
    export, data = rendered(make_export(owner, format="pdf"))
    assert data.startswith(b"%PDF-1.7")
    metadata = pdf_metadata(data)
    assert b"pdfuaid" in metadata and b"part" in metadata
    assert b"Social Work England CPD record" in metadata  # the <title>
    assert export.file.name.endswith(".pdf")


def test_script_and_html_in_text_fields_are_escaped_in_the_pdf():
    owner = UserFactory()
    record = CompleteRecordFactory(
        owner=owner,
        title="<script>alert('title')</script>",
        description='<img src=x onerror="alert(1)"> & <b>bold</b>',
        learning="</td></tr></table><h1>Injected</h1>",
    )
    for code in LAYOUTS:
        html = export_pdf.render_html(
            layout=LAYOUTS[code],
            records=[record],
            profile=profile_sections(
                code,
                [record],
                options={"summary": "<i>x</i>", "statement_ids": [record.id]},
                registration=None,
                date_from=None,
                date_to=None,
            ),
            learner={"name": "<b>Sam</b>"},
            date_from=None,
            date_to=None,
        )
        assert "<script>" not in html and "<img" not in html and "<h1>Injected" not in html
        assert "<b>" not in html and "<i>x" not in html
        assert "&lt;script&gt;" in html or code == "niscc" and "&lt;img" in html
        assert 'lang="en-GB"' in html and "<title>" in html


def test_the_json_export_keys_each_record_by_column_with_the_learner():
    owner = UserFactory(first_name="Sam", last_name="Patel")
    RegistrationFactory(user=owner, registration_number="SW000123")
    record = CompleteRecordFactory(owner=owner, hours=Decimal("2.50"))
    _, data = rendered(make_export(owner, format="json", layout="niscc"))
    document = json.loads(data)
    assert document["learner"]["registration_number"] == "SW000123"
    assert document["records"] == [
        {
            "id": record.id,
            "date": "2026-03-02",
            "title": record.title,
            "activity_type": "Reading",
            "hours": "2.5",
            "outcomes_practice": record.learning,
            "outcomes_service_users": record.impact,
            "standards": [],
        }
    ]
    assert document["periods"][-1]["hours"] == "2.5"


def test_niscc_hours_are_summed_per_registration_period():
    owner = UserFactory()
    registration = RegistrationFactory(
        user=owner, regulator="niscc", renewal_date=dt.date(2027, 6, 30)
    )
    records = [
        CompleteRecordFactory.build(start_date=dt.date(2021, 6, 30), hours=Decimal(4)),
        CompleteRecordFactory.build(start_date=dt.date(2021, 7, 1), hours=Decimal(2)),
        CompleteRecordFactory.build(start_date=dt.date(2026, 1, 5), hours=Decimal(3)),
    ]
    from accounts import api as accounts_api

    periods = profile_sections(
        "niscc",
        records,
        options={},
        registration=accounts_api.registration_for(user=registration.user),
        date_from=None,
        date_to=None,
    )["periods"]
    assert [(p["start"], p["end"], p["hours"]) for p in periods] == [
        (dt.date(2018, 7, 1), dt.date(2021, 6, 30), Decimal(4)),
        (dt.date(2021, 7, 1), dt.date(2024, 6, 30), Decimal(2)),
        (dt.date(2024, 7, 1), dt.date(2027, 6, 30), Decimal(3)),
    ]


def test_the_hcpc_profile_has_summary_gaps_statement_and_evidence():
    owner = UserFactory()
    records = [
        CompleteRecordFactory(owner=owner, title=f"Activity {n}", start_date=day)
        for n, day in enumerate(
            [dt.date(2026, 1, 5), dt.date(2026, 1, 20), dt.date(2026, 6, 1), dt.date(2026, 6, 2)]
        )
    ]
    export = make_export(
        owner,
        format="pdf",
        layout="hcpc",
        date_from=dt.date(2026, 1, 1),
        date_to=dt.date(2026, 6, 30),
        options={
            "summary": "I am a social worker in a hospital discharge team.",
            "gap_explanation": "I was on parental leave.",
            "statement_ids": [r.id for r in records],
        },
    )
    profile = profile_sections(
        "hcpc",
        records,
        options=export.options,
        registration=None,
        date_from=export.date_from,
        date_to=export.date_to,
    )
    assert [(g["start"], g["end"]) for g in profile["gaps"]] == [
        (dt.date(2026, 1, 21), dt.date(2026, 5, 31))
    ]
    html = export_pdf.render_html(
        layout=LAYOUTS["hcpc"],
        records=records,
        profile=profile,
        learner={},
        date_from=export.date_from,
        date_to=export.date_to,
    )
    for text in (
        "Summary of practice",
        "hospital discharge team",
        "21 January 2026",
        "I was on parental leave.",
        "4. Activity 3",
        "Reflective record: Activity 0, 5 January 2026",
    ):
        assert text in html
    _, data = rendered(export)
    assert data.startswith(b"%PDF")


# Load the export, mark it running, the registration, the records, which standards each
# cites, the standards and their frameworks (for the full labels), then lock, save and the
# savepoints around them (in tests only, inside the test's transaction).
EXPORT_TASK_QUERIES = 11


@pytest.mark.parametrize("export_format", ["csv", "pdf"])
def test_the_export_task_takes_the_same_queries_for_2_and_20_records(export_format, content):
    counts = []
    for size in (2, 20):
        owner = UserFactory()
        RegistrationFactory(user=owner)
        for record in CompleteRecordFactory.create_batch(size, owner=owner):
            record.standards.set([content.conduct, content.social_media])
        export = make_export(owner, format=export_format, layout="full")  # reads standards
        with CaptureQueriesContext(connection) as queries:
            tasks.prepared_file_render.delay(CPD_EXPORTS.name, export.id)
        counts.append(len(queries))
        assert Export.objects.get(id=export.id).status == ExportStatus.DONE
    assert counts == [EXPORT_TASK_QUERIES, EXPORT_TASK_QUERIES]


def test_each_pdf_field_is_labelled_on_its_own_line_with_hours_and_full_standards(content):
    owner = UserFactory()
    record = CompleteRecordFactory(
        owner=owner,
        title="Boundaries on social media",
        hours=Decimal("2.50"),
        end_date=None,
        learning="Privacy settings change without notice.",
    )
    record.standards.set([content.social_media])
    full_label = learning_api.standard_labels([content.social_media.id])[content.social_media.id]
    _, data = rendered(make_export(owner, format="pdf", layout="swe"))
    lines = pdf_text_lines(data)
    text = " ".join(lines)
    for label in (
        "Type of CPD",
        "A short description of the activity and why it is relevant",
        "Date",
        "What you learnt",
        "Peer reflection",
        "Hours",
        "Standards",
    ):
        assert label in lines, f"{label!r} is not on a line of its own"
    assert lines[lines.index("Hours") + 1] == "2.5"
    assert lines[lines.index("What you learnt") + 1] == "Privacy settings change without notice."
    assert full_label.startswith(content.social_media.get_parent().title)
    assert full_label in text  # the standard in full: framework, code and whole statement
    # The title once, as the record's heading; no empty field printed, no run-on line.
    assert sum(line.count("Boundaries on social media") for line in lines) == 1
    assert "End date" not in text and "Discussed with" not in text
    assert "·" not in text and "-" not in lines


def test_every_layout_shows_its_records_fields_under_one_heading_in_the_pdf(content):
    owner = UserFactory()
    record = CompleteRecordFactory(owner=owner, title="Team supervision", hours=Decimal(3))
    record.standards.set([content.conduct])
    full_label = learning_api.standard_labels([content.conduct.id])[content.conduct.id]
    for code in ("niscc", "scw", "full"):
        _, data = rendered(make_export(owner, format="pdf", layout=code))
        lines = pdf_text_lines(data)
        assert sum(line.count("Team supervision") for line in lines) == 1, code
        assert "Standards" in lines and full_label in " ".join(lines), code
        hours = "Duration (hours)" if code == "scw" else "Hours"
        assert lines[lines.index(hours) + 1] == "3", code


def test_a_record_shown_under_its_heading_leaves_out_its_title_and_empty_fields():
    record = CompleteRecordFactory.build(
        title="Supervision", description="", end_date=None, peer_name="", hours=None
    )
    record.standard_labels = []
    fields = dict(record_fields(LAYOUTS["swe"], record))
    assert "A short description of the activity and why it is relevant" not in fields
    assert "End date" not in fields and "Hours" not in fields and "Standards" not in fields
    assert "Discussed with" not in fields
    assert fields["Date"] == dt.date(2026, 3, 2)
    assert fields["Peer reflection"] == "No"
    assert "Supervision" not in [str(value) for value in fields.values()]


def test_the_csv_has_every_column_in_order_with_standards_in_full(content):
    owner = UserFactory()
    record = CompleteRecordFactory(owner=owner, title="Reading", hours=Decimal("2.50"))
    record.standards.set([content.social_media, content.conduct])
    labels = learning_api.standard_labels([content.conduct.id, content.social_media.id])
    _, data = rendered(make_export(owner, layout="full"))
    header, row = csv_rows(data)
    assert header == [
        "Date",
        "End date",
        "Title",
        "Type of activity",
        "Hours",
        "Reflective model",
        "Description",
        "What I learnt",
        "Impact",
        "Other answers",
        "Peer reflection",
        "Discussed with",
        "Their role",
        "Date of the discussion",
        "What I learnt from the discussion",
        "Standards",
        "Prompted by",
    ]
    cells = dict(zip(header, row, strict=True))
    assert cells["Date"] == "2026-03-02" and cells["Hours"] == "2.5"
    assert cells["Standards"] == "; ".join(labels.values())  # tree order, each in full
    assert cells["Reflective model"] == "Driscoll: What? So what? Now what?"
