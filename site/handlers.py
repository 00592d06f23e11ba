"""The ASGI handler for Django's HTTP requests.

Django's own `ASGIHandler` builds the middleware chain as async and moves to a worker thread and
back around every synchronous part of a request: most middleware (sessions, CSRF, messages,
locale…), `process_view`, the view, the template render. That is many thread switches per request,
each waiting on the event loop. Every view and middleware of this project is synchronous, so this
handler runs each request's whole chain in one worker thread, as WSGI would: one switch in, one
out. Websockets go through Channels consumers, never through here.
https://docs.djangoproject.com/en/5.2/topics/async/#performance
"""

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler


class SynchronousChainASGIHandler(ASGIHandler):
    def load_middleware(self, is_async=False):
        super().load_middleware(is_async=False)

    async def get_response_async(self, request):
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)
