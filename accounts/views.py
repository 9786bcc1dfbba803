"""Sign in and out (with a second factor for managers and administrators), password
reset, and the user's own account page.

Django's auth views do the work; these subclasses only choose our forms and templates
and hand writes to services.
"""

import math

from axes.helpers import get_failure_limit
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.contrib.sites.shortcuts import get_current_site
from django.http import Http404, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView

from . import second_factor, services
from .decorators import second_factor_required
from .forms import (
    AppCodeForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    RecoveryCodeForm,
    RegistrationForm,
    SignInForm,
)
from .permissions import needs_second_factor
from .selectors import (
    recovery_codes_left,
    registration_for_user,
    teams_for_user,
    totp_device_confirmed,
)
from .services import password_reset_request, registration_update, sign_in_failures_clear

WRONG_APP_CODE = _("The code is not correct, check your app and try again")
WRONG_RECOVERY_CODE = _("The recovery code is not correct, or it has been used")


class SignInView(auth_views.LoginView):
    """The password step. Managers and administrators go on to a code before signing in."""

    form_class = SignInForm
    template_name = "accounts/sign_in.html"

    def form_valid(self, form):
        user = form.get_user()
        if not needs_second_factor(user):
            return super().form_valid(form)
        second_factor.pending_sign_in_start(self.request, user=user)
        # get_redirect_url() has already refused a ?next= address on another site.
        step = second_factor.first_step_name(user)
        return HttpResponseRedirect(second_factor.step_url(step, self.get_redirect_url()))


class SignOutView(auth_views.LogoutView):
    """Sign out on POST only (Django refuses GET), so a link or image cannot do it; then
    say so on the signed-out page."""

    next_page = reverse_lazy("accounts:signed_out")


def signed_out(request):
    """Confirm that the person has signed out. Someone still signed in goes home instead,
    so the page never says something untrue."""
    if request.user.is_authenticated:
        return redirect("/")
    return TemplateResponse(request, "accounts/signed_out.html")


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
        user = self.request.user
        context = super().get_context_data(**kwargs, **teams_for_user(user=user))
        if needs_second_factor(user):
            context["second_factor"] = {
                "app": totp_device_confirmed(user=user) is not None,
                "recovery_codes_left": recovery_codes_left(user=user),
            }
        return context

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


# The second factor ----------------------------------------------------------------------


def _wait_message(wait_until):
    seconds = max(1, math.ceil((wait_until - timezone.now()).total_seconds()))
    if seconds < 60:
        wait = ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    else:
        minutes = math.ceil(seconds / 60)
        wait = ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    return _("You have entered too many wrong codes. Wait %(wait)s, then try again") % {
        "wait": wait
    }


def _posted(request):
    return request.POST if request.method == "POST" else None


def _step_start(request):
    """Return (user, pending, response): a response when this step is not for anyone now."""
    user, pending = second_factor.user_to_verify(request)
    if user is None:
        # Nothing to verify: the password step comes first.
        next_url = second_factor.safe_next(request)
        sign_in = redirect_to_login(next_url) if next_url else redirect(settings.LOGIN_URL)
        return None, False, sign_in
    if not pending and (not needs_second_factor(user) or request.user.is_verified()):
        return None, False, redirect(second_factor.next_or_home(request))
    return user, pending, None


def _code_step(request, *, form, check, wrong_message, user, pending):
    """Check a posted code with ``check``; sign in and go on, or add the error to the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        device = check(user=user, code=form.cleaned_data["code"])
    except services.TooManyWrongCodes as throttled:
        form.add_error("code", _wait_message(throttled.wait_until))
    except services.WrongCode:
        form.add_error("code", wrong_message)
    else:
        second_factor.sign_in_complete(request, user=user, device=device, pending=pending)
        return device
    return None


@never_cache
@require_http_methods(["GET", "POST"])
def second_factor_code(request):
    """Ask for the code from the authenticator app, after the password."""
    user, pending, response = _step_start(request)
    if response:
        return response
    next_url = second_factor.safe_next(request)
    if totp_device_confirmed(user=user) is None:
        return redirect(second_factor.step_url("second_factor_set_up", next_url))
    form = AppCodeForm(_posted(request))
    if _code_step(
        request,
        form=form,
        check=services.app_code_check,
        wrong_message=WRONG_APP_CODE,
        user=user,
        pending=pending,
    ):
        return redirect(second_factor.next_or_home(request))
    context = {
        "form": form,
        "recovery_url": second_factor.step_url("second_factor_recovery", next_url),
    }
    return TemplateResponse(request, "accounts/second_factor_code.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def second_factor_recovery(request):
    """Take a recovery code instead of the app's code. Each code works once."""
    user, pending, response = _step_start(request)
    if response:
        return response
    next_url = second_factor.safe_next(request)
    form = RecoveryCodeForm(_posted(request))
    if _code_step(
        request,
        form=form,
        check=services.recovery_code_use,
        wrong_message=WRONG_RECOVERY_CODE,
        user=user,
        pending=pending,
    ):
        left = recovery_codes_left(user=user)
        messages.warning(
            request,
            ngettext(
                "You have %(count)d recovery code left. Get new ones from Your account.",
                "You have %(count)d recovery codes left. Get new ones from Your account.",
                left,
            )
            % {"count": left},
        )
        return redirect(second_factor.next_or_home(request))
    context = {
        "form": form,
        "code_url": second_factor.step_url("second_factor_code", next_url),
    }
    return TemplateResponse(request, "accounts/second_factor_recovery.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def second_factor_set_up(request):
    """Set up an authenticator app: show its key, then confirm it with a code from it."""
    user, pending, response = _step_start(request)
    if response:
        return response
    next_url = second_factor.safe_next(request)
    if totp_device_confirmed(user=user) is not None:
        # An app already set up is never replaced without one of its codes.
        return redirect(second_factor.step_url("second_factor_code", next_url))
    device = services.app_set_up_start(
        user=user, device_id=request.session.get(second_factor.SET_UP_DEVICE_SESSION_KEY)
    )
    request.session[second_factor.SET_UP_DEVICE_SESSION_KEY] = device.pk
    form = AppCodeForm(
        _posted(request),
        label=_("Enter the 6-digit code the app shows"),
        help_text=_("The code changes every 30 seconds."),
        heading=False,
        submit=_("Confirm and continue"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.app_set_up_confirm(
                user=user, device_id=device.pk, code=form.cleaned_data["code"]
            )
        except services.TooManyWrongCodes as throttled:
            form.add_error("code", _wait_message(throttled.wait_until))
        except services.WrongCode:
            form.add_error("code", WRONG_APP_CODE)
        else:
            second_factor.sign_in_complete(request, user=user, device=device, pending=pending)
            request.session[second_factor.NEW_RECOVERY_CODES_SESSION_KEY] = codes
            messages.success(request, _("Your authenticator app is set up"))
            return redirect(second_factor.step_url("recovery_codes", next_url))
    context = {
        "form": form,
        "key": second_factor.key_for_typing(device),
        "qr_code": second_factor.qr_code_svg(
            device, title=_("QR code to scan with your authenticator app")
        ),
    }
    return TemplateResponse(request, "accounts/second_factor_set_up.html", context)


@never_cache
@login_required
def recovery_codes(request):
    """Show new recovery codes, once: they are kept only until this page is shown."""
    codes = request.session.pop(second_factor.NEW_RECOVERY_CODES_SESSION_KEY, None)
    if not codes:
        return redirect("accounts:profile")
    context = {"codes": codes, "continue_url": second_factor.next_or_home(request)}
    return TemplateResponse(request, "accounts/recovery_codes.html", context)


@second_factor_required
@require_http_methods(["GET", "POST"])
def recovery_codes_new(request):
    """Replace a manager's or administrator's recovery codes, after they confirm."""
    if not needs_second_factor(request.user):
        raise Http404
    if request.method == "POST":
        codes = services.recovery_codes_replace(user=request.user)
        request.session[second_factor.NEW_RECOVERY_CODES_SESSION_KEY] = codes
        profile = str(reverse_lazy("accounts:profile"))
        return redirect(second_factor.step_url("recovery_codes", profile))
    context = {"recovery_codes_left": recovery_codes_left(user=request.user)}
    return TemplateResponse(request, "accounts/recovery_codes_new.html", context)
