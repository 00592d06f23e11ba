"""`{% allauth_onload "allauth.webauthn.forms.addForm" add="…" credential="…" %}`: the JSON data
block that allauth's static onload.js reads to start its passkey code, written as `json_script`
writes data (escaped, never run as script), so templates need no `<script>` of their own."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def allauth_onload(function: str, **ids) -> str:
    """`function` is allauth's (`allauth.webauthn.forms.…`); `ids` name the elements it uses."""
    # <, > and & are escaped, as django.utils.html.json_script does, so the data cannot end the block.
    data = mark_safe(json.dumps({"ids": ids}).translate(_JSON_ESCAPES))  # noqa: S308
    return format_html('<script data-allauth-onload="{}" type="application/json">{}</script>', function, data)
