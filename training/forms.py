"""Forms for assigning training. Validation of who may assign what lives in the services."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import GovukDateField

from .models import ReportFileFormat

EVERYONE, CHOSEN = "everyone", "chosen"


class AssignmentForm(forms.Form):
    module = forms.TypedChoiceField(
        label=_("Training module"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select a training module"),
            "invalid_choice": _("Select a training module"),
        },
    )
    due_date = GovukDateField(
        noun=_("Due date"),
        label=_("Due date"),
        help_text=_("For example, 27 3 2027"),
    )
    who = forms.ChoiceField(
        label=_("Who must do it"),
        choices=[
            (EVERYONE, _("Everyone in the team, including people who join later")),
            (CHOSEN, _("Only the people I choose")),
        ],
        initial=EVERYONE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who must do it")},
    )
    learners = forms.TypedMultipleChoiceField(
        label=_("People"),
        help_text=_("Only if you chose 'Only the people I choose'."),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select people from this team only")},
    )

    def __init__(self, *args, modules, members, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].choices = [(m.id, m.title) for m in modules]
        self.fields["learners"].choices = [(u.id, str(u)) for u in members]
        fields = [
            Field.radios("who", legend_size=Size.MEDIUM, legend_tag="h2", small=True),
            Field.checkboxes("learners", legend_size=Size.SMALL, small=True),
            Field("due_date", legend_size=Size.MEDIUM, legend_tag="h2"),
        ]
        if editing:
            del self.fields["module"]
        else:
            fields.insert(
                0, Field.radios("module", legend_size=Size.MEDIUM, legend_tag="h2", small=True)
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template has the token
        self.helper.layout = Layout(
            *fields, Button.primary("submit", _("Save changes") if editing else _("Assign"))
        )

    @property
    def everyone(self):
        return self.cleaned_data.get("who") == EVERYONE


class ReportFilterForm(forms.Form):
    """The report's filters: read from the query string; unknown values are ignored."""

    team = forms.TypedChoiceField(label=_("Team"), coerce=int, required=False)
    module = forms.TypedChoiceField(label=_("Module"), coerce=int, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name, A to Z")),
            ("-name", _("Name, Z to A")),
            ("team", _("Team")),
            ("overdue", _("Most overdue first")),
        ],
    )

    def __init__(self, *args, teams, modules, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", _("All your teams"))] + [(t.id, t.name) for t in teams]
        self.fields["module"].choices = [("", _("All modules"))] + [
            (m.id, m.title) for m in modules
        ]
        self.fields["status"].choices = [("", _("Any status"))] + list(statuses)

    def value(self, name):
        """Return the cleaned value, or None when it was missing or not one of the choices."""
        self.is_valid()
        return self.cleaned_data.get(name) or None


class ReportFileForm(forms.Form):
    """Which file of the organisation's report to prepare."""

    format = forms.ChoiceField(
        label=_("File format"),
        choices=ReportFileFormat.choices,
        initial=ReportFileFormat.CSV,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select a file format"),
            "invalid_choice": _("Select a file format"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template has the token
        self.helper.layout = Layout(
            Field.radios("format", legend_size=Size.SMALL, small=True),
            Button.primary("submit", _("Prepare the file")),
        )
