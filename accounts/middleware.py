"""Hold the Wagtail admin back until a manager or administrator has passed the second factor."""

from .permissions import needs_second_factor
from .second_factor import second_factor_redirect

ADMIN_PREFIX = "/admin/"


class AdminSecondFactorMiddleware:
    """Send administrators and managers to the second factor before the Wagtail admin.

    Wagtail has its own sign-in form, which checks only the password; whoever signs in
    there, or reaches the admin signed in without a code, passes the second factor first.
    Editors who are neither managers nor administrators are not asked. Must come after
    django-otp's OTPMiddleware.
    """

    exempt = (f"{ADMIN_PREFIX}login/", f"{ADMIN_PREFIX}logout/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX) and not request.path.startswith(self.exempt):
            user = request.user
            if user.is_authenticated and needs_second_factor(user) and not user.is_verified():
                return second_factor_redirect(request)
        return self.get_response(request)
