from django.urls import path

from .consumers import PingConsumer
from .safeguarding.consumers import SafeguardingAlertConsumer

websocket_urlpatterns = [
    path("ws/ping/", PingConsumer.as_asgi()),
    path("ws/safeguarding/", SafeguardingAlertConsumer.as_asgi()),
]
