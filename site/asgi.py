"""ASGI entry point: Django for HTTP, Channels for websockets.

Django is set up before consumers are imported, as Channels requires.
https://channels.readthedocs.io/en/latest/deploying.html
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chorus.settings.dev")
django.setup(set_prefix=False)  # what get_asgi_application() does, before its handler is made

from chorus.handlers import SynchronousChainASGIHandler  # noqa: E402

django_asgi_app = SynchronousChainASGIHandler()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import re_path  # noqa: E402

from youth_voice.consumers import UnknownPathConsumer  # noqa: E402
from youth_voice.routing import websocket_urlpatterns  # noqa: E402

# Every app's websocket routes, then a catch-all that closes any other address cleanly (4404)
# instead of Channels' "No route found" server error. Add new routes before the catch-all.
websocket_routes = [*websocket_urlpatterns, re_path(r"", UnknownPathConsumer.as_asgi())]

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_routes))),
    }
)
