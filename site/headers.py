"""Security headers on every response: Content-Security-Policy (django-csp) and Permissions-Policy.

The public site runs under a strict policy (no inline script or style at all); the Wagtail admin
needs a little more, so it gets a policy of its own, picked by path. What each policy allows and
why is in docs/security.md, "Headers".
https://django-csp.readthedocs.io/en/latest/configuration.html
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.core.exceptions import DisallowedHost


def admin_path(path: str) -> bool:
    """Whether `path` is served by the Wagtail admin (which gets the admin policy)."""
    return path.startswith(settings.CHORUS_ADMIN_PATH_PREFIX)


def websocket_source(request) -> str:
    """This very host's websocket origin, for connect-src.

    CSP Level 3 lets 'self' cover ws:/wss: on the same host, but older browsers do not; naming
    the host explicitly costs nothing. `get_host()` is checked against ALLOWED_HOSTS first.
    """
    scheme = "wss" if request.is_secure() else "ws"
    return f"{scheme}://{request.get_host()}"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy and this host's websocket origin.

    A view may still set its own policy with django-csp's decorators; they take precedence.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts: PolicyParts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and admin_path(request.path_info):
            parts.config = default_config(settings.CHORUS_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        try:
            websocket = websocket_source(request)
        except DisallowedHost:  # answered 400 by Django itself; 'self' alone is enough for that
            return parts
        parts.update = {**(parts.update or {})}
        parts.update["connect-src"] = [*parts.update.get("connect-src", []), websocket]
        return parts


def permissions_policy(features: dict[str, list[str]]) -> str:
    """`{"camera": [], "fullscreen": ["self"]}` as a header value: `camera=(), fullscreen=(self)`."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in features.items())


class PermissionsPolicyMiddleware:
    """Sends a Permissions-Policy header (settings.PERMISSIONS_POLICY) on every response.

    Nothing on the platform needs a camera, microphone, location or any other powerful feature,
    so they are switched off for the page and for anything it might embed.
    https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Permissions-Policy
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
