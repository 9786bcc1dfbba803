"""Forms for signing in (password, then a code), resetting a password and recording a
registration.

Each form carries a crispy-forms-gds helper so it renders as GOV.UK Design System
components; templates show the error summary above the heading.
"""

import re

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.forms import GovukDateField, gds_helper

from .models import Profession, RegulatorCode
from .selectors import user_sign_in_email

EMAIL_MAX_LENGTH = 254
REGISTRATION_NUMBER_MAX_LENGTH = 32
EMAIL_FORMAT_MESSAGE = _("Enter an email address in the correct format, like name@example.com")


class SignInForm(AuthenticationForm):
    """Sign in with an email address and a password.

    The email field keeps the name ``username``: django-axes reads it to count failures.
    """

    username = forms.CharField(
        label=_("Email address"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": _("Enter your email address")},
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password")},
    )
    # One message whatever went wrong, so the page does not reveal who has an account.
    error_messages = {
        "invalid_login": _("Enter a correct email address and password"),
        "inactive": _("Enter a correct email address and password"),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.helper = gds_helper(
            Field.text("username", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            submit=_("Sign in"),
        )

    def clean_username(self):
        return user_sign_in_email(email=self.cleaned_data["username"])


APP_CODE = re.compile(r"[0-9]{6}")
CODE_WIDTH = "govuk-input--width-10 govuk-input--extra-letter-spacing"


def code_field(*, heading):
    """Return the layout of a code input, its label the page's h1 when ``heading``."""
    # Field.text() cannot take both a label tag and extra classes, hence Field itself.
    if heading:
        context = {"label_size": Size.for_label(Size.LARGE), "label_tag": "h1"}
    else:
        context = {"label_size": Size.for_label(Size.MEDIUM)}
    return Field("code", css_class=CODE_WIDTH, context=context)


class AppCodeForm(forms.Form):
    """The 6-digit code an authenticator app shows. Only its format is checked here.

    ``heading`` makes the label the page's h1 (the GOV.UK question page pattern).
    """

    code = forms.CharField(
        label=_("Enter the 6-digit code from your authenticator app"),
        help_text=_("Open the app on your phone to see the code. It changes every 30 seconds."),
        # No maxlength: people paste codes with spaces, which are taken out.
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "autocapitalize": "off",
            }
        ),
        error_messages={"required": _("Enter the 6-digit code")},
    )

    def __init__(self, *args, label=None, help_text=None, heading=True, submit=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = label or field.label
        field.help_text = help_text or field.help_text
        self.helper = gds_helper(code_field(heading=heading), submit=submit or _("Continue"))

    def clean_code(self):
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not APP_CODE.fullmatch(code):
            raise ValidationError(_("The code must be 6 digits"), code="format")
        return code


class RecoveryCodeForm(forms.Form):
    """One of the recovery codes a manager or administrator saved when they set up."""

    code = forms.CharField(
        label=_("Enter a recovery code"),
        help_text=_(
            "Use one of the 10 codes you saved when you set up your authenticator app. "
            "Each code works once."
        ),
        max_length=64,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "off"}
        ),
        error_messages={
            "required": _("Enter a recovery code"),
            "max_length": _("The recovery code is not correct, or it has been used"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(code_field(heading=True), submit=_("Continue"))


class PasswordResetRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": EMAIL_FORMAT_MESSAGE,
            "max_length": EMAIL_FORMAT_MESSAGE,
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            submit=_("Send reset link"),
        )


class NewPasswordForm(SetPasswordForm):
    """Choose a new password after following a reset link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password2"].label = _("Confirm new password")
        self.fields["new_password1"].error_messages["required"] = _("Enter a new password")
        self.fields["new_password2"].error_messages["required"] = _("Enter the new password again")
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": _("The two passwords do not match"),
        }
        self.helper = gds_helper(
            Field.text("new_password1", field_width=Fluid.TWO_THIRDS),
            Field.text("new_password2", field_width=Fluid.TWO_THIRDS),
            submit=_("Save new password"),
        )


class RegistrationForm(forms.Form):
    """A practitioner's regulator, profession, registration number and renewal date."""

    regulator = forms.ChoiceField(
        label=_("Who are you registered with?"),
        choices=RegulatorCode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who you are registered with")},
    )
    profession = forms.ChoiceField(
        label=_("What are you registered as?"),
        choices=Profession.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what you are registered as")},
    )
    registration_number = forms.CharField(
        label=_("Registration number"),
        help_text=_("As shown on your regulator's register, for example SW123456"),
        required=False,
        max_length=REGISTRATION_NUMBER_MAX_LENGTH,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9 /-]*$",
                _(
                    "Registration number must only include letters, numbers, spaces, "
                    "hyphens and slashes"
                ),
            )
        ],
        error_messages={
            "max_length": _("Registration number must be %(limit_value)d characters or fewer")
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    renewal_date = GovukDateField(
        noun=_("Renewal date"),
        label=_("When is your registration next due for renewal?"),
        help_text=_("For example, 30 11 2026"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("regulator", legend_size=Size.SMALL),
            Field.radios("profession", legend_size=Size.SMALL),
            Field.text("registration_number", field_width=Fluid.ONE_HALF),
            Field("renewal_date", context={"legend_size": Size.for_legend(Size.SMALL)}),
            submit=_("Save registration"),
        )

    def clean_registration_number(self):
        return self.cleaned_data["registration_number"].upper()
