"""Template tags that show published feedback where it belongs: the consultation page, the plan
paragraphs, the receipt code pages and (at merge) a forum's own space; and the link to the
published results."""

from django import template

from ..feedback.results import published_results_url as results_url
from ..feedback.services import feedback_by_reference
from ..feedback.services import published_feedback as published_items

register = template.Library()


@register.simple_tag
def published_feedback(consultation):
    return published_items(consultation)


@register.simple_tag(takes_context=True)
def feedback_for_paragraph(context, consultation, reference):
    """The published feedback for a paragraph's question, read once per page however many paragraphs."""
    if not consultation or not reference:  # a plan version page has no consultation
        return None
    key = ("feedback-by-reference", consultation.pk)
    if key not in context.render_context:
        context.render_context[key] = feedback_by_reference(consultation)
    return context.render_context[key].get(reference)


@register.simple_tag
def published_results_url(consultation):
    return results_url(consultation)
