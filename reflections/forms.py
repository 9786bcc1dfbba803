"""The record form: the core CPD fields, the chosen reflective model's prompts, a peer
reflection and the standards. Every limit has a message that says what to do."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Fluid, Layout, Size
from django import forms
from django.template.loader import render_to_string
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


class PrivacyWarning:
    """A layout object: the privacy guard's warning about one field, right after it.

    Always rendered (empty when there is nothing to say), so that autosave can fill it.
    """

    def __init__(self, field):
        self.field = field

    def render(self, form, context, template_pack=None, **kwargs):
        return render_to_string(
            "reflections/includes/privacy_field.html",
            {"field": self.field, "findings": form.privacy_findings.get(self.field, [])},
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

    def __init__(
        self,
        *args,
        model_code,
        standard_choices,
        show_privacy_confirm=False,
        suggested_model=None,
        regulator_name="",
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        model = get_model(model_code)
        self.model = model
        # {field name: [privacy.Finding]}: what the guard says beside each field.
        self.privacy_findings: dict[str, list] = {}
        if suggested_model is not None:
            # The model that fits the learner's regulator first, and said to fit.
            suggested = (
                suggested_model.code,
                _("%(model)s (suggested for %(regulator)s registrants)")
                % {"model": suggested_model.name, "regulator": regulator_name},
            )
            self.fields["reflective_model"].choices = [suggested] + [
                choice for choice in MODEL_CHOICES if choice[0] != suggested_model.code
            ]
        for prompt in (model.description, model.learning, model.impact):
            self.fields[prompt.key] = long_text(prompt.label, prompt.hint)
        for prompt in model.extra:
            self.fields[f"extra_{prompt.key}"] = long_text(prompt.label, prompt.hint)
        self.fields["standards"].choices = standard_choices

        def text(name, field=Field.textarea, **options):
            return (field(name, **options), PrivacyWarning(name))

        reflection = [*text(model.description.key)]
        for p in model.extra:
            reflection += text(f"extra_{p.key}")
        reflection += [*text(model.learning.key), *text(model.impact.key)]
        privacy = [Field.checkboxes("identifiers_checked")] if show_privacy_confirm else []
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the template's form tag has the token
        self.helper.layout = Layout(
            Fieldset(
                *text("title", Field.text),
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
                *text("peer_name", Field.text),
                *text("peer_role", Field.text),
                Field("peer_date"),
                *text("peer_learning"),
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
        )  # The template puts the buttons beside the save status.

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
