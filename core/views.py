"""The site's own pages: feedback, contact and cookies."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from .forms import FeedbackForm, local_path
from .services import feedback_create

# Wagtail's admin sets this one itself (its sidebar script); the name is fixed there.
WAGTAIL_SIDEBAR_COOKIE = "wagtail_sidebar_collapsed"


@require_http_methods(["GET", "POST"])
def feedback(request):
    """Ask what went wrong or could be better; store it once and say thank you."""
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            user_id = request.user.pk if request.user.is_authenticated else None
            # The CSRF secret is the browser's own: two clicks on "Send" share it.
            submitter = f"user:{user_id}" if user_id else f"browser:{_csrf_secret(request)}"
            feedback_create(
                submitter=submitter,
                page=data["page"],
                doing=data["doing"],
                details=data["details"],
                contact_email=data["contact_email"],
                user_id=user_id,
            )
            # Redirect after the POST, so that reloading the thank-you page sends nothing.
            return redirect(_with_page(reverse("pages:feedback_thanks"), data["page"]))
    else:
        form = FeedbackForm(initial={"page": local_path(request.GET.get("page"))})
    from_path = local_path(form["page"].value())
    return render(request, "core/feedback.html", {"form": form, "from_path": from_path})


@require_GET
def feedback_thanks(request):
    return render(
        request,
        "core/feedback_thanks.html",
        {"from_path": local_path(request.GET.get("page"))},
    )


@require_GET
def contact(request):
    return render(
        request,
        "pages/contact.html",
        {"contact_email": settings.SERVICE_CONTACT_EMAIL},
    )


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    expires: str
    when: str


def site_cookies() -> list[Cookie]:
    """Return the cookies this site can set, named as the settings name them."""
    minutes = settings.SESSION_COOKIE_AGE // 60
    idle = ngettext(
        "after %(count)d minute without using the site",
        "after %(count)d minutes without using the site",
        minutes,
    ) % {"count": minutes}
    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE:
        session_expires = _("When you close your browser, or %(idle)s") % {"idle": idle}
    else:
        session_expires = idle[:1].upper() + idle[1:]
    cookies = [
        Cookie(
            settings.SESSION_COOKIE_NAME,
            _("Keeps you signed in"),
            session_expires,
            _("When you sign in, or reset your password"),
        )
    ]
    if not settings.CSRF_USE_SESSIONS:
        cookies.append(
            Cookie(
                settings.CSRF_COOKIE_NAME,
                _("Stops other websites sending forms to this site in your name"),
                _duration(settings.CSRF_COOKIE_AGE),
                _("When you see a form"),
            )
        )
    storage = import_string(settings.MESSAGE_STORAGE)
    if issubclass(storage, CookieStorage | FallbackStorage):
        cookies.append(
            Cookie(
                CookieStorage.cookie_name,
                _("Carries a message to the next page, for example that your changes were saved"),
                _("As soon as the message is shown, or when you close your browser"),
                _("When the site has a message for you"),
            )
        )
    cookies.append(
        Cookie(
            WAGTAIL_SIDEBAR_COOKIE,
            _("Remembers whether you have folded away the menu of the content editing area"),
            _("When you close your browser"),
            _("Only for editors, when they fold or unfold that menu"),
        )
    )
    return cookies


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return _("When you close your browser")
    days = seconds // (24 * 60 * 60)
    if days >= 360:
        years = round(days / 365)
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}


@require_GET
def cookies(request):
    cookies = site_cookies()
    host_only = any(cookie.name.startswith("__Host-") for cookie in cookies)
    return render(request, "pages/cookies.html", {"cookies": cookies, "host_only": host_only})


def _csrf_secret(request) -> str:
    return request.META.get("CSRF_COOKIE") or ""


def _with_page(url: str, path: str) -> str:
    return f"{url}?{urlencode({'page': path})}" if path else url
