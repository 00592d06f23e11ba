"""A URL converter for response references: `<reference:reference>` matches only `K7M-4QD`.

Anything else in that part of an address is a 404 before any query: a NUL byte there made
PostgreSQL refuse the lookup (a 500), found by tests/fuzz/test_officer_forms.py.
"""

from django.urls import register_converter
from django.urls.converters import StringConverter

from .models.response import CODE_ALPHABET


class ReferenceConverter(StringConverter):
    regex = f"[{CODE_ALPHABET}]{{3}}-[{CODE_ALPHABET}]{{3}}"


register_converter(ReferenceConverter, "reference")
