"""Forms for signing in, resetting a password and recording a registration.

Each form carries a crispy-forms-gds helper so it renders as GOV.UK Design System
components; templates show the error summary above the heading.
"""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from config.forms import GovukDateField, gds_helper

from .models import Profession, Regulator
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
        choices=Regulator.choices,
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
