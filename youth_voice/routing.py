from django.urls import path

from .consumers import PingConsumer
from .dashboard.consumers import LiveDashboardConsumer
from .live.consumers import ParticipantConsumer, PresenterConsumer
from .safeguarding.consumers import SafeguardingAlertConsumer

websocket_urlpatterns = [
    path("ws/ping/", PingConsumer.as_asgi()),
    path("ws/safeguarding/", SafeguardingAlertConsumer.as_asgi()),
    path("ws/responses/<int:page_id>/live/", LiveDashboardConsumer.as_asgi()),
    path("ws/live/<str:code>/", ParticipantConsumer.as_asgi()),
    path("ws/live/<str:code>/presenter/", PresenterConsumer.as_asgi()),
]
