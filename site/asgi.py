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

from youth_voice.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
