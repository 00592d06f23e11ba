"""The live session's websockets: phones at `ws/live/<CODE>/`, the projector at
`ws/live/<CODE>/presenter/`. Thin: every read and write is a service call (docs/live-sessions.md
has the protocol). Fan-out goes through the channel layer only, so sockets may sit on any process.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from channels.db import database_sync_to_async
from django.conf import settings

from .. import access
from ..consumers import UNKNOWN_PATH, GuardedJsonWebsocketConsumer
from . import services

FORBIDDEN = 4403
# Changes arriving together are answered with one frame: the presenter hears within this delay.
RESULTS_COALESCE_SECONDS = 0.02
# Votes are counted as they are announced; while they arrive, the database (the truth, whichever
# process took them) counts them again at least this often.
RECOUNT_SECONDS = 1.0
# Votes, comments and counts run on threads of their own, each with its own connection from the
# pool, so their commits overlap instead of queueing on Channels' one shared database thread
# (docs/live-dashboard.md). Tests whose data is in the test thread's transaction share it.
ON_THE_SHARED_THREAD = False
# As many threads as the database pool has connections: the event loop's default pool (five or
# six threads on two cores) held each vote's thread through its round trips, and votes queued.
VOTE_THREADS = ThreadPoolExecutor(max_workers=settings.DATABASE_POOL_MAX_SIZE, thread_name_prefix="live-vote")


def _in_parallel(function):
    if ON_THE_SHARED_THREAD:
        return database_sync_to_async(function)
    return database_sync_to_async(function, thread_sensitive=False, executor=VOTE_THREADS)


@database_sync_to_async
def _session(code):
    session = services.session_by_code(code)
    return session, (services.question_message(session) if session else None)


@database_sync_to_async
def _join(session, participant) -> bool:
    return services.join(session, participant)


class LiveConsumer(GuardedJsonWebsocketConsumer):
    """What both sockets share: finding the session by its code and hearing its changes."""

    groups_joined: tuple[str, ...] = ()

    async def connect(self):
        self.session, question = await _session(self.scope["url_route"]["kwargs"]["code"])
        await self.accept()
        if self.session is None:
            await self.send_error("unknown_code", "There is no live session with this code.")
            await self.close(code=UNKNOWN_PATH)
            return
        if not await self.admitted():
            await self.close(code=FORBIDDEN)
            return
        self.groups_joined = self.groups_to_join()
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.send_json(question)
        await self.connected()

    async def disconnect(self, code):
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def admitted(self) -> bool:
        return True

    def groups_to_join(self):
        return (services.participants_group(self.session.pk),)

    async def connected(self):
        pass

    async def live_question(self, event):
        await self.send_json(event["message"])


class ParticipantConsumer(LiveConsumer):
    participant = None

    async def connected(self):
        signed = self.scope.get("cookies", {}).get(services.cookie_name(self.session))
        if signed:
            await self.identify(signed)

    async def identify(self, signed) -> bool:
        participant = services.read_participant(self.session, signed)
        if participant is None:
            await self.send_error("unknown_participant", "That participant id was not given by this session.")
            return False
        self.participant = participant
        if await _join(self.session, participant):
            await self.channel_layer.group_send(
                services.presenters_group(self.session.pk), {"type": "live.changed"}
            )
        return True

    async def receive_json(self, content, **kwargs):
        kind = content.get("type")
        if kind == "hello":
            await self.hello(content)
        elif kind in ("vote", "comment"):
            await self.answer(kind, content)
        else:
            await self.send_error("unknown_type", "Send hello, vote or comment.")

    async def hello(self, content):
        signed = content.get("participant")
        if signed is None:
            _participant, signed = services.new_participant(self.session)
        if await self.identify(signed):
            await self.send_json({"type": "welcome", "participant": signed})

    async def answer(self, kind, content):
        if self.participant is None:
            await self.send_error("not_joined", 'Send {"type": "hello"} first.')
            return
        field = "option" if kind == "vote" else "text"
        key, value = content.get("question"), content.get(field)
        if not isinstance(key, str) or not isinstance(value, str):
            await self.send_error("invalid", f'A {kind} needs "question" and "{field}" as text.')
            return
        store = services.record_vote if kind == "vote" else services.record_comment
        try:
            stored = await _in_parallel(store)(self.session.pk, self.participant, key, value)
        except services.LiveError as refused:
            await self.send_error(refused.code, str(refused.message))
            return
        await self.send_json({"type": "voted" if kind == "vote" else "commented", "question": key})
        if kind == "vote":
            await self.channel_layer.group_send(
                services.presenters_group(self.session.pk), services.vote_heard(key, stored, value)
            )

    async def live_changed(self, event):
        """Only presenters listen for counts."""


class PresenterConsumer(LiveConsumer):
    """The projector's socket: the question frames phones get, and the counts after each vote."""

    pending = None  # the task keeping the results shown
    results = None  # services.Results, as last sent
    heard_meanwhile = None  # votes announced while the database counts

    async def admitted(self):
        return await database_sync_to_async(access.can_run_live_session)(self.scope["user"], self.session)

    def groups_to_join(self):
        return (services.participants_group(self.session.pk), services.presenters_group(self.session.pk))

    async def connected(self):
        self.changed, self.recount_due = asyncio.Event(), False
        await self.recount()
        self.pending = asyncio.ensure_future(self.keep_results_shown())

    async def disconnect(self, code):
        await super().disconnect(code)
        if self.pending:
            self.pending.cancel()

    async def receive_json(self, content, **kwargs):
        await self.send_error("send_only", "The presenter screen only listens; steer from the controls.")

    async def live_question(self, event):
        await super().live_question(event)
        await self.live_changed(event)

    async def live_changed(self, event):
        vote = event.get("vote")
        if vote is None or self.results is None:
            self.recount_due = True  # a join, a moderated comment, a new question: count again
        else:
            if self.heard_meanwhile is not None:
                self.heard_meanwhile.append(vote)
            self.results.take(vote)
        self.changed.set()

    async def keep_results_shown(self):
        """After each burst of changes, one frame: votes counted as announced, anything else
        counted by the database; and a recount within RECOUNT_SECONDS of votes counted here."""
        loop = asyncio.get_running_loop()
        counted_at, counted_here = loop.time(), False
        while True:
            try:
                await asyncio.wait_for(self.changed.wait(), RECOUNT_SECONDS if counted_here else None)
                await asyncio.sleep(RESULTS_COALESCE_SECONDS)
            except TimeoutError:
                self.recount_due = True
            self.changed.clear()
            if self.recount_due or (counted_here and loop.time() - counted_at >= RECOUNT_SECONDS):
                await self.recount()
                counted_at, counted_here = loop.time(), False
            else:
                await self.send_json(self.results.message())
                counted_here = True

    async def recount(self):
        self.recount_due, self.heard_meanwhile = False, []
        results = await _in_parallel(services.count_results)(self.session.pk)
        for vote in self.heard_meanwhile:  # stored after the count read, or counted twice: once
            results.take(vote)
        self.results, self.heard_meanwhile = results, None
        await self.send_json(results.message())
