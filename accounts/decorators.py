"""View decorators about who may see a page."""

from functools import wraps

from django.contrib.auth.decorators import login_required

from .permissions import needs_second_factor
from .second_factor import second_factor_redirect


def second_factor_required(view):
    """Require a signed-in user, and a second factor when their role needs one.

    Administrators and managers who have not passed the second factor in this session are
    sent to it (setting up an authenticator app first if they have none) and come back
    here afterwards. Everyone else passes straight through.
    """

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if needs_second_factor(request.user) and not request.user.is_verified():
            return second_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped
