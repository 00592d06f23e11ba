"""Middleware of the project's own."""


class RunMiddlewareSynchronously:
    """Makes Django run the middleware above it synchronously under ASGI, in one worker thread.

    Django's ASGI handler runs the chain as async wherever a middleware allows it, and most
    middleware (sessions, CSRF, messages, locale…) is synchronous at heart: in an async chain each
    one hands every request to a worker thread and back, once or twice. Last in `MIDDLEWARE`, this
    pass-through is synchronous only, so the whole chain runs in the worker thread the views use
    anyway: a handful of thread switches per request instead of about twenty. Websockets
    (Channels consumers) do not pass through middleware at all.
    https://docs.djangoproject.com/en/5.2/topics/http/middleware/#asynchronous-support
    """

    sync_capable = True
    async_capable = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
