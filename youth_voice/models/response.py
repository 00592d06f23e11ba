"""What young people said: responses, and their answers as rows keyed to stable questions and options.

Answers are rows, not a JSON blob, so per-question counts are single grouped aggregates. Only a
submitted response has answer rows: a draft keeps what was typed as form data until it is sent,
and a withdrawn response's answers are deleted, so summaries never need to ask which is which.

Each answer row also carries who answered (`WHO_ANSWERED`: individual or group, respondent type,
age band, area, forum, channel, language), copied from its response, so that figures split or
filtered by them read the answers alone instead of looking up a response per answer (a million
look-ups for a million answers). The response stays the record: its `save()` and its queryset's
`update()` carry any change to those fields on to its answers, and `store_answers` (the one place
answer rows are written) copies them in.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from consultations.about_you import ADULT_RESPONDENTS, AgeBand, Publication, RespondentType

# No 0/O, 1/I/L or U/V: codes are read aloud and copied by hand.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
SECRET_LENGTH = 4


def _random_chars(n: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(n))


def new_response_reference() -> str:
    """A short, unguessable reference such as `K7M-4QD` (29^6 ≈ 600 million of them)."""
    chars = _random_chars(6)
    return f"{chars[:3]}-{chars[3:]}"


def new_secret() -> str:
    return _random_chars(SECRET_LENGTH)


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    EVENT = "event", _("At an event")
    PAPER = "paper", _("Paper form")
    FORUM = "forum", _("Youth forum")
    LIVE = "live", _("Live session")


class Status(models.TextChoices):
    DRAFT = "draft", "Saved to finish later"
    SUBMITTED = "submitted", "Sent"
    WITHDRAWN = "withdrawn", "Withdrawn by the person who sent it"


class SpeaksFor(models.TextChoices):
    """One person, or a group whose one answer speaks for N young people (never counted as 1 or as N)."""

    INDIVIDUAL = "individual", "One person"
    GROUP = "group", "A group"


class GroupMethod(models.TextChoices):
    DISCUSSION = "discussion", _("Discussion")
    SHOW_OF_HANDS = "show_of_hands", _("Show of hands")
    DOT_VOTING = "dot_voting", _("Dot voting")
    BALLOT = "ballot", _("Ballot")


class ResponseQuerySet(models.QuerySet):
    def for_consultation(self, consultation):
        return self.filter(consultation=consultation)

    def submitted(self):
        return self.filter(status=Status.SUBMITTED)

    def individual(self):
        return self.filter(speaks_for=SpeaksFor.INDIVIDUAL)

    def groups(self):
        return self.filter(speaks_for=SpeaksFor.GROUP)

    def matching(self, filters):
        """Narrow to the officer's filters: {field: value} for any of FILTER_FIELDS; blanks ignored."""
        return self.filter(**chosen_filters(filters))

    def update(self, **values):
        """Update the responses, and their answers' copies of any WHO_ANSWERED field changed."""
        copied = {name: value for name, value in values.items() if name in _WHO_ANSWERED_NAMES}
        if copied:  # first: the responses may be chosen by the very values being changed
            Answer.objects.filter(response__in=self.values("pk")).update(**copied)
        return super().update(**values)


def chosen_filters(filters) -> dict:
    """The officer's filters that narrow anything: {field: value}, blanks and unknown fields left out."""
    return {name: value for name, value in (filters or {}).items() if value and name in FILTER_FIELDS}


FILTER_FIELDS = ("speaks_for", "respondent_type", "age_band", "channel", "area", "language")
# Who answered: the response's fields that every one of its answer rows carries too.
WHO_ANSWERED = ("speaks_for", "respondent_type", "age_band", "area", "forum", "channel", "language")


class Response(models.Model):
    # No index of its own: the (consultation, …) indexes below serve every lookup by it, and
    # each index is one more write per submission.
    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.PROTECT, related_name="responses", db_index=False
    )
    reference = models.CharField(max_length=7, unique=True, editable=False)
    # The secret half of the code that resumes a draft or changes a response, kept only as a
    # keyed hash: the database alone cannot reveal it.
    secret_hash = models.CharField(max_length=64, editable=False)
    # Set when the form is first shown: the same form posted twice is one response.
    submission_key = models.UUIDField(editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    language = models.CharField(max_length=10, default="en-gb")
    speaks_for = models.CharField(max_length=10, choices=SpeaksFor.choices, default=SpeaksFor.INDIVIDUAL)
    group_size = models.PositiveIntegerField(
        null=True, blank=True, help_text="For a group response: how many young people it speaks for."
    )
    publication = models.CharField(
        max_length=12, choices=Publication.choices, default=Publication.WITHOUT_NAME
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(null=True, blank=True)
    times_changed = models.PositiveSmallIntegerField(default=0)
    # When its contact details and free text were removed (retention, or the person's own request).
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A draft: the form data typed so far and the step reached; emptied once sent.
    draft_data = models.JSONField(default=dict, blank=True)
    draft_step = models.PositiveSmallIntegerField(default=1)

    # Where it came from, beyond the web form: a forum, one of its events, a live session, and
    # for a paper form or a group response, who typed it in and when it was received.
    forum = models.ForeignKey(
        "youth_voice.Forum", on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    event = models.ForeignKey(
        "youth_voice.ForumEvent", on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    live_session = models.ForeignKey(
        "youth_voice.LiveSession", on_delete=models.SET_NULL, null=True, blank=True, related_name="responses"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    received_on = models.DateField(null=True, blank=True)
    # A group response: how it reached its view, the age range it speaks for, and the notes taken.
    method = models.CharField(max_length=20, choices=GroupMethod.choices, blank=True)
    youngest = models.PositiveSmallIntegerField(null=True, blank=True)
    oldest = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)

    respondent_type = models.CharField(max_length=20, choices=RespondentType.choices, blank=True)
    age_band = models.CharField(max_length=10, choices=AgeBand.choices, blank=True)
    area = models.CharField(max_length=100, blank=True)
    school_or_group = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=100, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    contact = models.CharField("email or telephone", max_length=254, blank=True)
    postal_address = models.TextField(blank=True)
    # An adult with an email address asked to be told when the feedback is published (youth_voice.feedback).
    feedback_email = models.BooleanField(default=False)

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        permissions = [("export_response", "Can export responses as CSV")]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "submission_key"], name="one_response_per_submission"
            ),
            models.CheckConstraint(
                condition=models.Q(speaks_for=SpeaksFor.INDIVIDUAL, group_size__isnull=True)
                | models.Q(speaks_for=SpeaksFor.GROUP, group_size__gte=2),
                name="group_size_only_for_groups",
            ),
        ]
        indexes = [
            models.Index(fields=["consultation", "status", "submitted_at"]),
            # Groups are few: summaries find them (to keep them out of individuals' figures)
            # through this small index, which individual submissions never write to.
            models.Index(
                fields=["consultation", "status"],
                condition=models.Q(speaks_for=SpeaksFor.GROUP),
                name="group_responses",
            ),
        ]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        """Save, and carry a change of who answered on to the answers' copies (see WHO_ANSWERED)."""
        adding = self._state.adding
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if not adding and (update_fields is None or set(update_fields) & _WHO_ANSWERED_NAMES):
            copied = self.who_answered()
            self.answers.exclude(**copied).update(**copied)

    def who_answered(self) -> dict:
        """Its WHO_ANSWERED values, by column (`forum_id`), as each of its answer rows carries them."""
        return {attname: getattr(self, attname) for attname in _who_answered_attnames()}

    @property
    def language_name(self) -> str:
        """The language the person answered in, as its speakers name it ("Cymraeg", "English")."""
        return dict(settings.LANGUAGES).get(self.language, self.language)

    @property
    def confidential(self) -> bool:
        return self.publication == Publication.CONFIDENTIAL

    @property
    def may_be_named(self) -> bool:
        """Whether the public may read this person's name: they chose to publish with it, gave one,
        and are known to be 13 or over (by their age band, or as an adult respondent when they
        gave no age). An under-13 is never named, even with a name stored by mistake."""
        if self.publication != Publication.WITH_NAME or not self.name.strip():
            return False
        if self.age_band:
            return self.age_band not in AgeBand.under_13()
        return self.respondent_type in ADULT_RESPONDENTS

    def attribution(self) -> str:
        """Who said it, as a report or the published results print it: never a contact detail,
        school, area or organisation; a name only when `may_be_named`. A group: "Youth forum,
        speaking for 18"."""
        if self.speaks_for == SpeaksFor.GROUP:
            group = self.forum.get_kind_display() if self.forum_id else _("A group")
            return _("%(group)s, speaking for %(count)s") % {"group": group, "count": self.group_size}
        who = self.get_respondent_type_display() or _("A respondent")
        if self.age_band:
            who = _("%(who)s, %(age)s") % {"who": who, "age": AgeBand(self.age_band).label.lower()}
        return f"{self.name.strip()} ({who})" if self.may_be_named else str(who)

    @property
    def last_changed(self):
        return self.changed_at or self.submitted_at or self.created_at

    @staticmethod
    def hash_secret(reference: str, secret: str) -> str:
        return salted_hmac(
            "chorus.response-code", f"{reference}:{secret.upper()}", algorithm="sha256"
        ).hexdigest()

    def set_secret(self) -> str:
        """Give the response a new secret; returns it (it is never stored as it is)."""
        secret = new_secret()
        self.secret_hash = self.hash_secret(self.reference, secret)
        return secret

    def secret_matches(self, secret: str) -> bool:
        return constant_time_compare(self.secret_hash, self.hash_secret(self.reference, secret))

    def code(self, secret: str) -> str:
        """The code a young person keeps: the reference and the secret, e.g. `K7M-4QD-X9PR`."""
        return f"{self.reference}-{secret}"


def split_code(code: str) -> tuple[str, str] | None:
    """`k7m 4qd x9pr` → (`K7M-4QD`, `X9PR`); None if it cannot be a code."""
    chars = "".join(c for c in (code or "").upper() if c.isalnum())
    if len(chars) != 6 + SECRET_LENGTH or any(c not in CODE_ALPHABET for c in chars):
        return None
    return f"{chars[:3]}-{chars[3:6]}", chars[6:]


_WHO_ANSWERED_NAMES = {*WHO_ANSWERED, "forum_id"}


def _who_answered_attnames() -> tuple:
    return tuple(Response._meta.get_field(name).attname for name in WHO_ANSWERED)


class AnswerQuerySet(models.QuerySet):
    def for_consultation(self, consultation):
        return self.filter(question__consultation=consultation)

    def of_responses(self, filters):
        """Answers of the responses that match the officer's filters (only sent responses have
        answers), read from the answers' own copies of who answered."""
        return self.filter(**chosen_filters(filters))

    def with_text(self):
        return self.exclude(text="")


class Answer(models.Model):
    """One row of an answer: an option chosen (by code), a number, or typed text.

    Unique per response, question and option, so an option repeated in a form counts once. A
    yes/no answer is a row for Yes or No, and its follow-up another row with no option.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers", db_index=False)
    question = models.ForeignKey(
        "consultations.QuestionIdentity", on_delete=models.PROTECT, related_name="answers", db_index=False
    )
    option = models.CharField(max_length=40, blank=True)
    position = models.PositiveSmallIntegerField(default=1)  # order of ticks; a ranking's place
    number = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(blank=True)

    # Who answered (WHO_ANSWERED): copies of the response's fields, kept in step by the response
    # (whose fields name their choices).
    speaks_for = models.CharField(max_length=10, default=SpeaksFor.INDIVIDUAL)
    respondent_type = models.CharField(max_length=20, blank=True)
    age_band = models.CharField(max_length=10, blank=True)
    area = models.CharField(max_length=100, blank=True)
    # Few answers have a forum: only theirs are indexed (for a forum's deletion to find them).
    forum = models.ForeignKey(
        "youth_voice.Forum",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    channel = models.CharField(max_length=10, default=Channel.ONLINE)
    language = models.CharField(max_length=10, default="en-gb")

    objects = AnswerQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "option"], name="one_answer_row_per_option"
            )
        ]
        # The summary and the cross-tabs read only this index: every figure is one grouped pass
        # over it, filtered and split by who answered without reading the table.
        indexes = [
            models.Index(
                fields=["question", "option", "position", "number", "response", *WHO_ANSWERED],
                name="answer_figures",
            ),
            models.Index(fields=["forum"], condition=models.Q(forum__isnull=False), name="answers_of_forums"),
        ]

    def __str__(self):
        return f"{self.response} Q{self.question.reference}"


class GroupTally(models.Model):
    """How many of a group chose an option ("Yes 14, No 6"): its own series, never answer rows,
    so a group is counted neither as one person nor as N."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="tallies")
    question = models.ForeignKey(
        "consultations.QuestionIdentity", on_delete=models.PROTECT, related_name="tallies"
    )
    option = models.CharField(max_length=40)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question", "option"], name="one_tally_per_option")
        ]

    def __str__(self):
        return f"{self.response} Q{self.question.reference} {self.option}: {self.count}"
