"""Response policies that differ between the public site and the Wagtail admin."""

from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE

ADMIN_PREFIX = "/admin/"


class AdminFramePolicyMiddleware:
    """Let the Wagtail admin frame its own previews and run its own scripts.

    The public site keeps the strict policy (no inline scripts, no framing). Wagtail's
    admin needs inline scripts and previews itself in a same-origin iframe, so its
    responses get a relaxed CSP and SAMEORIGIN framing (docs/decisions/0003-csp.md).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            response._csp_update = {
                "script-src": [UNSAFE_INLINE, UNSAFE_EVAL],
                "style-src": [UNSAFE_INLINE],
                "img-src": ["blob:"],
            }
            response._csp_replace = {"frame-ancestors": [SELF]}
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
