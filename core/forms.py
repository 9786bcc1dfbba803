"""Form pieces every app's GOV.UK forms share."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from crispy_forms_gds.widgets import DateInputWidget
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _


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
