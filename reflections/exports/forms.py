"""The export form: format, layout, dates, records, and the HCPC profile's extras."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Layout, Size
from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.forms import GovukDateField

from ..models import ExportFormat, ExportLayout
from .layouts import MAX_SUMMARY_WORDS, STATEMENT_MAX, STATEMENT_MIN, word_count


def record_label(record):
    day = date_format(record.start_date, "j M Y") if record.start_date else "-"
    return f"{record} ({day})"


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Format"),
        choices=ExportFormat.choices,
        initial=ExportFormat.PDF,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a format")},
    )
    layout = forms.ChoiceField(
        label=_("Layout"),
        choices=ExportLayout.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a layout")},
    )
    date_from = GovukDateField(noun=_("From date"), label=_("From"), required=False)
    date_to = GovukDateField(noun=_("To date"), label=_("To"), required=False)
    records = forms.TypedMultipleChoiceField(
        label=_("Records"),
        help_text=_("Only complete records can be exported."),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one record"),
            "invalid_choice": _("Choose records from the list"),
        },
    )
    summary = forms.CharField(
        label=_("Summary of practice (HCPC profile only)"),
        help_text=_("Your role and the people you work with, in %(words)s words or fewer.")
        % {"words": MAX_SUMMARY_WORDS},
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    gap_explanation = forms.CharField(
        label=_("Explain any gaps of 3 months or more (HCPC profile only)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    statement_records = forms.TypedMultipleChoiceField(
        label=_("Activities for your statement (HCPC profile only)"),
        help_text=_("Choose %(min)s to %(max)s of the records you are exporting.")
        % {"min": STATEMENT_MIN, "max": STATEMENT_MAX},
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose activities from the list")},
    )

    def __init__(self, *args, records, **kwargs):
        super().__init__(*args, **kwargs)
        self.records = {record.id: record for record in records}
        choices = [(record.id, record_label(record)) for record in records]
        self.fields["records"].choices = choices
        self.fields["statement_records"].choices = choices
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template has the token
        self.helper.layout = Layout(
            Field.radios("format", legend_size=Size.MEDIUM, legend_tag="h2", small=True),
            Field.radios("layout", legend_size=Size.MEDIUM, legend_tag="h2", small=True),
            Fieldset(
                Field("date_from"),
                Field("date_to"),
                legend=_("Dates (optional)"),
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Field.checkboxes("records", legend_size=Size.MEDIUM, legend_tag="h2", small=True),
            Fieldset(
                Field.textarea("summary"),
                Field.textarea("gap_explanation"),
                Field.checkboxes("statement_records", small=True),
                legend=_("HCPC CPD profile"),
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Button.primary("export", _("Prepare the export")),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("To date must be the same as or after the from date"))
            return cleaned
        chosen = cleaned.get("records") or []
        outside = [
            self.records[i]
            for i in chosen
            if (start and self.records[i].start_date < start)
            or (end and self.records[i].start_date > end)
        ]
        if outside:
            self.add_error(
                "records",
                _("%(record)s is outside the dates you chose: untick it or change the dates")
                % {"record": record_label(outside[0])},
            )
        if cleaned.get("layout") == ExportLayout.HCPC:
            if word_count(cleaned.get("summary")) > MAX_SUMMARY_WORDS:
                self.add_error(
                    "summary",
                    _("Summary of practice must be %(max)s words or fewer (it has %(count)s)")
                    % {"max": MAX_SUMMARY_WORDS, "count": word_count(cleaned["summary"])},
                )
            statement = cleaned.get("statement_records") or []
            if not STATEMENT_MIN <= len(statement) <= STATEMENT_MAX:
                self.add_error(
                    "statement_records",
                    _("Choose %(min)s to %(max)s activities for your statement")
                    % {"min": STATEMENT_MIN, "max": STATEMENT_MAX},
                )
            elif set(statement) - set(chosen):
                self.add_error(
                    "statement_records",
                    _("Activities for your statement must be among the records you export"),
                )
        return cleaned

    def export_arguments(self):
        """Return the cleaned values as services.export_request takes them."""
        data = self.cleaned_data
        options = {}
        if data["layout"] == ExportLayout.HCPC:
            options = {
                "summary": data["summary"],
                "gap_explanation": data["gap_explanation"],
                "statement_ids": sorted(data["statement_records"]),
            }
        return {
            "format": data["format"],
            "layout": data["layout"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
            "record_ids": data["records"],
            "options": options,
        }
