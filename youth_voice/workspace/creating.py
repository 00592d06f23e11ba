"""Starting a consultation and copying one, each with its title and dates asked for up front.

Where a new consultation goes: the default site's home page, in the language the officer writes
it in (that home page's version in that language). Consultation pages can only live under the
home page, and a site has one; its Welsh and English versions each hold the consultations
written in their language (wagtail-localize translates them into the other).
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from consultations.models import ConsultationPage, Question

from .. import access
from ..models import ConsultationAccess

# A consultation opens at the start of its opening day and closes at the end of its closing day.
OPENS_AT = time(0, 0)
CLOSES_AT = time(23, 59)


class NoPlaceForConsultations(Exception):
    """There is no home page (in that language) to put a consultation under; says what to do."""


@dataclass(frozen=True)
class Dates:
    """The dates an officer gives, as the page's opening and closing times."""

    opens_on: date
    closes_on: date | None
    feedback_due: date | None

    @property
    def opens_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.opens_on, OPENS_AT))

    @property
    def closes_at(self) -> datetime | None:
        if self.closes_on is None:
            return None
        return timezone.make_aware(datetime.combine(self.closes_on, CLOSES_AT))

    def page_fields(self) -> dict:
        return {"opens_at": self.opens_at, "closes_at": self.closes_at, "feedback_due": self.feedback_due}


def consultations_parent(language_code: str) -> Page:
    """The page a new consultation written in this language goes under (see the module's docstring)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise NoPlaceForConsultations(
            _("The site has no home page yet, so there is nowhere to put a consultation.")
        )
    home = site.root_page.specific
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is not None and home.locale_id != locale.pk:
        home = home.get_translation_or_none(locale)
    if home is None or not ConsultationPage.can_create_at(home):
        raise NoPlaceForConsultations(
            _("The home page has no version in this language yet: translate the home page first.")
        )
    return home


def free_slug(parent: Page, title: str) -> str:
    """A slug made from the title that no other page under `parent` has."""
    base = slugify(title, allow_unicode=True)[:200] or "consultation"
    taken = set(Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def give_to_its_starter(user, page: ConsultationPage) -> None:
    """An officer who starts a consultation (new or copied) is given it, so they read the responses
    to what they started. Only someone whose role reads responses is given anything: a plan editor
    who starts one reads none (a site administrator gives it to its officers, as for any other)."""
    if access.may_list_responses(user) and not user.is_superuser:
        ConsultationAccess.objects.get_or_create(consultation_id=page.answers_page_id, user=user)


def create_consultation(user, parent: Page, title: str, dates: Dates) -> ConsultationPage:
    """A new draft consultation under `parent`, owned by `user`, with a revision to edit."""
    page = ConsultationPage(
        title=title,
        slug=free_slug(parent, title),
        locale_id=parent.locale_id,
        owner=user,
        live=False,
        has_unpublished_changes=True,
        overview="",
        data_protection="",
        **dates.page_fields(),
    )
    with transaction.atomic():
        parent.add_child(instance=page)  # a draft: only its title and slug are checked
        page.save_revision(user=user, log_action=True, clean=False)
        give_to_its_starter(user, page)
    return page


def _fresh_question(source, copy, child_relation, child_object):
    """A copied question is a new question: answers to it are never answers to the original's."""
    if isinstance(child_object, Question):
        child_object.key = uuid.uuid4()


def copy_consultation(page: ConsultationPage, user, title: str, dates: Dates) -> ConsultationPage:
    """A draft copy of the consultation's latest version (unpublished changes included) beside it,
    with a new title and dates: its questionnaire without any responses, its questions new ones
    (new keys, so new identities), never published, and in the same language as the original."""
    latest = page.get_latest_revision_as_object()
    parent = page.get_parent()
    with transaction.atomic():
        copy = latest.copy(
            to=parent,
            update_attrs={
                "title": title,
                "draft_title": title,
                "slug": free_slug(parent, title),
                **dates.page_fields(),
            },
            copy_revisions=False,
            keep_live=False,
            user=user,
            process_child_object=_fresh_question,
        )
        copy = ConsultationPage.objects.get(pk=copy.pk)
        give_to_its_starter(user, copy)
    return copy
