"""Form pieces every app's GOV.UK forms share, and the feedback form."""

from datetime import date
from urllib.parse import urlsplit

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import (
    Button,
    Field,
    Fluid,
    Layout,
    Size,
)
from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import DETAILS_MAX_LENGTH, DOING_MAX_LENGTH, PAGE_MAX_LENGTH


def gds_helper(*fields, submit):
    """Return a helper that renders the fields and one submit button."""
    helper = FormHelper()
    # Our error summary and messages stand in for the browser's own validation.
    helper.attrs = {"novalidate": ""}
    helper.layout = Layout(*fields, Button.primary("submit", submit))
    return helper


class DateInputs(DateInputWidget):
    def id_for_label(self, id_):
        # Django gives a multi-widget no label target; the error summary links to the day.
        return f"{id_}_0" if id_ else id_


class GovukDateField(DateInputField):
    """A GOV.UK date input whose messages name the date, e.g. "Renewal date must ..."."""

    widget = DateInputs

    def __init__(self, *, noun, **kwargs):
        super().__init__(require_all_fields=False, **kwargs)
        self.noun = noun
        for subfield, part in zip(
            self.fields, (_("a day"), _("a month"), _("a year")), strict=True
        ):
            message = _("%(noun)s must include %(part)s") % {"noun": noun, "part": part}
            subfield.error_messages["incomplete"] = message
            subfield.error_messages["required"] = message
            subfield.validators = [
                RegexValidator(r"^[0-9]+$", _("%(noun)s must be a real date") % {"noun": noun})
            ]

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise ValidationError(_("Year must include 4 numbers"), code="invalid_year")
        try:
            return date(int(year), int(month), int(day))
        except ValueError as error:
            raise ValidationError(
                _("%(noun)s must be a real date") % {"noun": self.noun}, code="invalid_date"
            ) from error


def local_path(value) -> str:
    """Return the value when it is a path on this site, else "".

    A path passed along in a link (the page feedback is about, where "back" goes) must
    never take anyone to another site: no scheme, no host, no "//" or "\\" that a browser
    reads as one, no control characters, and no longer than a stored page may be.
    """
    if not isinstance(value, str) or not value.startswith("/") or len(value) > PAGE_MAX_LENGTH:
        return ""
    if value.startswith("//") or "\\" in value or any(ord(c) < 32 or ord(c) == 127 for c in value):
        return ""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return ""
    return value


class GovukTextField(forms.CharField):
    """A textarea's text, its line breaks counted once (as the character count counts them)."""

    def __init__(self, *, noun, max_length, **kwargs):
        super().__init__(max_length=max_length, widget=forms.Textarea, **kwargs)
        self.error_messages["max_length"] = _("%(noun)s must be %(max)s characters or less") % {
            "noun": noun,
            "max": f"{max_length:,}",
        }
        # The character count shows the limit; maxlength would cut off what people type.
        self.widget.attrs.pop("maxlength", None)

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class FeedbackForm(forms.Form):
    """A short form about the service, from the phase banner's link."""

    page = forms.CharField(required=False, widget=forms.HiddenInput)
    doing = GovukTextField(
        label=_("What were you trying to do? (optional)"),
        # A hint is needed as well: crispy-forms-gds fails on a character count without one.
        help_text=_("For example, find a standard or submit a quiz."),
        noun=_("What you were trying to do"),
        max_length=DOING_MAX_LENGTH,
        required=False,
    )
    details = GovukTextField(
        label=_("What went wrong, or what could be better?"),
        help_text=_(
            "Do not include personal details, such as the names of people you support "
            "or your registration number."
        ),
        noun=_("What went wrong, or what could be better,"),
        max_length=DETAILS_MAX_LENGTH,
        error_messages={"required": _("Enter what went wrong, or what could be better")},
    )
    # A plain optional field rather than "May we contact you?" radios revealing it: GOV.UK
    # Frontend marks a revealing radio aria-expanded, which axe rejects on a radio.
    contact_email = forms.EmailField(
        label=_("Email address (optional)"),
        help_text=_("Only if you would like a reply. We will use it for nothing else."),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
            "max_length": _("Email address must be 254 characters or less"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            "page",
            Field.textarea("doing", label_size=Size.SMALL, rows=3, max_characters=DOING_MAX_LENGTH),
            Field.textarea(
                "details", label_size=Size.SMALL, rows=6, max_characters=DETAILS_MAX_LENGTH
            ),
            Field.text(
                "contact_email",
                field_width=Fluid.TWO_THIRDS,
                autocomplete="email",
                spellcheck="false",
            ),
            submit=_("Send feedback"),
        )

    def clean_page(self):
        # A tampered or foreign address is dropped, never stored or linked to.
        return local_path(self.cleaned_data.get("page"))
