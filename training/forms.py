"""Forms for assigning training. Validation of who may assign what lives in the services."""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import (
    Button,
    ConditionalQuestion,
    ConditionalRadios,
    Field,
    Layout,
    Size,
)
from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.forms import GovukDateField

from .models import ReportFileFormat

EVERYONE, CHOSEN = "everyone", "chosen"


class WhoOption(ConditionalQuestion):
    """A "Who must do it" option, numbered and wired as GOV.UK Frontend's macro does."""

    template = "training/includes/who_option.html"


class WhoRadios(ConditionalRadios):
    """The "Who must do it" radios, with the people picker revealed under "Only the
    people I choose" (GOV.UK conditional reveal: GOV.UK Frontend's radios script hides
    it until that option is chosen; without the script it always shows)."""

    def render(self, form, context, *args, **kwargs):
        context.update({"legend_size": Size.for_legend(Size.MEDIUM), "legend_tag": "h2"})
        return super().render(form, context, *args, **kwargs)


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
        help_text=_("Select everyone who must do it."),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Select people from this team only")},
    )

    def __init__(self, *args, modules, members, editing=False, assigned=None, **kwargs):
        """`assigned` maps the team's already assigned modules to their due dates: each
        such module says so in its hint (the page links to the assignment to change)."""
        super().__init__(*args, **kwargs)
        assigned = assigned or {}
        self.fields["module"].choices = [
            Choice(
                m.id,
                m.title,
                hint=_("Already assigned to this team, due by %(date)s")
                % {"date": date_format(assigned[m.id], "j F Y")},
            )
            if m.id in assigned
            else (m.id, m.title)
            for m in modules
        ]
        self.fields["learners"].choices = [(u.id, str(u)) for u in members]
        everyone_label, chosen_label = (label for _value, label in self.fields["who"].choices)
        fields = [
            WhoRadios(
                "who",
                WhoOption(everyone_label),
                WhoOption(
                    chosen_label,
                    Field(
                        "learners",
                        template="training/includes/people_picker.html",
                        context={"legend_size": Size.for_legend(Size.SMALL)},
                    ),
                ),
            ),
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
