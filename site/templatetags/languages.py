"""`{% language_switch %}` and `{% hreflang_alternates %}`: registered for every template in
settings (TEMPLATES' `builtins`), so no app is needed to hold them."""

from django import template

from ..languages import language_links, shown_in_other_language

register = template.Library()


@register.inclusion_tag("components/_language_switch.html", takes_context=True)
def language_switch(context):
    return {"links": language_links(context.get("request"), context.get("page"))}


@register.inclusion_tag("components/_hreflang.html", takes_context=True)
def hreflang_alternates(context):
    request = context.get("request")
    links = [link for link in language_links(request, context.get("page")) if link.exists]
    return {"links": links if len(links) > 1 else [], "request": request}


@register.inclusion_tag("components/_other_language_notice.html", takes_context=True)
def other_language_notice(context):
    """Says so when the page is shown in the other language because it has no version in this one."""
    return {"shown_in": shown_in_other_language(context.get("page"))}
