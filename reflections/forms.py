"""The record form: the core CPD fields, the chosen reflective model's prompts, a peer
reflection and the standards. Every limit has a message that says what to do."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Fluid, Layout, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import GovukDateField

from .models import TEXT_LIMIT, ActivityType
from .reflective_models import CHOICES as MODEL_CHOICES
from .reflective_models import get_model
from .services import EDITABLE_FIELDS, TEXT_FIELDS

PLAIN_FIELDS = tuple(name for name in EDITABLE_FIELDS if name != "extra")


def long_text(label, hint="", name=None):
    name = name or label
    return forms.CharField(
        label=label,
        help_text=hint,
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "max_length": _("%(name)s must be %(limit)s characters or fewer")
            % {"name": name, "limit": f"{TEXT_LIMIT:,}"}
        },
    )


class RecordForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Title must be 200 characters or fewer")},
    )
    activity_type = forms.ChoiceField(
        label=_("Type of activity"),
        choices=[("", _("Choose a type"))] + list(ActivityType.choices),
        required=False,
    )
    start_date = GovukDateField(
        noun=_("Date of the activity"), label=_("Date of the activity"), required=False
    )
    end_date = GovukDateField(
        noun=_("End date"),
        label=_("End date (if it lasted more than a day)"),
        required=False,
    )
    hours = forms.DecimalField(
        label=_("Time spent, in hours"),
        help_text=_("For example, 1.5"),
        required=False,
        min_value=0,
        max_value=500,
        max_digits=5,
        decimal_places=2,
        # GOV.UK advises a text input for decimals, not type=number.
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "min_value": _("Time spent must be 0 hours or more"),
            "max_value": _("Time spent must be 500 hours or fewer"),
            "invalid": _("Time spent must be a number, like 1.5"),
            "max_decimal_places": _("Time spent must have 2 decimal places or fewer"),
            "max_digits": _("Time spent must be 500 hours or fewer"),
        },
    )
    reflective_model = forms.ChoiceField(
        label=_("Reflective model"),
        help_text=_("It changes the questions below. Save the draft to see the new questions."),
        choices=MODEL_CHOICES,
    )
    peer_name = forms.CharField(
        label=_("Who did you discuss it with?"), required=False, max_length=120
    )
    peer_role = forms.CharField(label=_("Their role"), required=False, max_length=120)
    peer_date = GovukDateField(
        noun=_("Date of the discussion"), label=_("Date of the discussion"), required=False
    )
    peer_learning = long_text(
        _("What did you learn from discussing it with them?"), name=_("Peer reflection")
    )
    standards = forms.TypedMultipleChoiceField(
        label=_("Standards it relates to"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose standards from the list")},
    )
    identifiers_checked = forms.BooleanField(
        label=_("I have checked this record identifies no one"), required=False
    )

    def __init__(self, *args, model_code, standard_choices, show_privacy_confirm=False, **kwargs):
        super().__init__(*args, **kwargs)
        model = get_model(model_code)
        self.model = model
        for prompt in (model.description, model.learning, model.impact):
            self.fields[prompt.key] = long_text(prompt.label, prompt.hint)
        for prompt in model.extra:
            self.fields[f"extra_{prompt.key}"] = long_text(prompt.label, prompt.hint)
        self.fields["standards"].choices = standard_choices
        reflection = [Field.textarea(p.key) for p in (model.description,)]
        reflection += [Field.textarea(f"extra_{p.key}") for p in model.extra]
        reflection += [Field.textarea(model.learning.key), Field.textarea(model.impact.key)]
        privacy = [Field.checkboxes("identifiers_checked")] if show_privacy_confirm else []
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's form tag has the token
        self.helper.layout = Layout(
            Fieldset(
                Field.text("title"),
                Field.select("activity_type"),
                Field("start_date"),
                Field("end_date"),
                Field.text("hours", field_width=Fluid.ONE_QUARTER),
                legend=_("About the activity"),
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Fieldset(
                Field.select("reflective_model"),
                *reflection,
                legend=_("Your reflection"),
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Fieldset(
                Field.text("peer_name"),
                Field.text("peer_role"),
                Field("peer_date"),
                Field.textarea("peer_learning"),
                legend=_("Peer reflection"),
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Fieldset(
                Field.checkboxes("standards", small=True),
                legend=_("Standards"),
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            *privacy,
            Button.secondary("save", _("Save draft")),
            Button.primary("complete", _("Complete record")),
        )

    @staticmethod
    def initial_for(record):
        initial = {name: getattr(record, name) for name in PLAIN_FIELDS}
        initial["identifiers_checked"] = record.identifiers_checked
        initial["standards"] = [s.id for s in record.standards.all()]
        for key, value in record.extra.items():
            initial[f"extra_{key}"] = value
        return initial

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and start > today:
            self.add_error("start_date", _("Date of the activity must be today or in the past"))
        if end and end > today:
            self.add_error("end_date", _("End date must be today or in the past"))
        if start and end and end < start:
            self.add_error(
                "end_date", _("End date must be the same as or after the date of the activity")
            )
        peer_date = cleaned.get("peer_date")
        if peer_date and peer_date > today:
            self.add_error("peer_date", _("Date of the discussion must be today or in the past"))
        return cleaned

    def record_data(self):
        """Return the cleaned values as the services take them (blank text as "")."""
        data = {name: self.cleaned_data.get(name) for name in PLAIN_FIELDS}
        for name in TEXT_FIELDS:
            data[name] = data[name] or ""
        data["activity_type"] = data["activity_type"] or ""
        data["extra"] = {
            p.key: self.cleaned_data.get(f"extra_{p.key}", "") for p in self.model.extra
        }
        return data
