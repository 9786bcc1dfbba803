"""Sign in and out, password reset, and the practitioner's own account page.

Django's auth views do the work; these subclasses only choose our forms and templates
and hand writes to services.
"""

from axes.helpers import get_failure_limit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from .forms import NewPasswordForm, PasswordResetRequestForm, RegistrationForm, SignInForm
from .selectors import registration_for_user, teams_for_user
from .services import password_reset_request, registration_update, sign_in_failures_clear


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"


class SignOutView(auth_views.LogoutView):
    """Sign out on POST only (Django refuses GET), so a link or image cannot do it."""


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        password_reset_request(
            email=form.cleaned_data["email"],
            domain=get_current_site(self.request).domain,
            use_https=self.request.is_secure(),
        )
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever can reset the password owns the account: let them sign in at once
        # rather than wait out a lockout.
        sign_in_failures_clear(email=form.user.email)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class ProfileView(LoginRequiredMixin, FormView):
    """Show who the user is and their teams; let them record their registration."""

    form_class = RegistrationForm
    template_name = "accounts/profile.html"
    success_url = reverse_lazy("accounts:profile")

    def get_initial(self):
        registration = registration_for_user(user=self.request.user)
        if registration is None:
            return {}
        return {
            "regulator": registration.regulator,
            "profession": registration.profession,
            "registration_number": registration.registration_number,
            "renewal_date": registration.renewal_date,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **teams_for_user(user=self.request.user))

    def form_valid(self, form):
        registration_update(user=self.request.user, **form.cleaned_data)
        messages.success(self.request, _("Your registration details have been saved"))
        return super().form_valid(form)


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout(request, *args, **kwargs):
    """Answer a sign-in refused because of too many failed attempts (AXES_LOCKOUT_CALLABLE).

    django-axes calls this for the failure that reaches AXES_FAILURE_LIMIT as well as for
    attempts refused once the limit has been reached. The failure that reaches the limit
    had its password checked, so it gets the usual "incorrect" page; only later attempts,
    refused without checking, get this page. So the 11th attempt is the first refused.
    """
    # Axes passes (request, original_response, credentials), or (request, credentials).
    original_response = next((a for a in args if isinstance(a, HttpResponseBase)), None)
    credentials = next((a for a in args if isinstance(a, dict)), kwargs.get("credentials"))
    # Set when this attempt was counted: refused attempts are counted too (unless
    # AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is off), but only beyond the limit.
    failures = getattr(request, "axes_failures_since_start", None)
    if (
        original_response is not None
        and failures is not None
        and failures <= get_failure_limit(request, credentials)
    ):
        return original_response
    minutes = lockout_minutes()
    context = {
        "minutes": minutes,
        "attempts_restart_pause": settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT,
    }
    response = render(request, "accounts/lockout.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
