"""A URL converter for database ids: `<id:page_id>` matches at most 10 digits.

Django's `int` converter takes any length, and a number too big for the database's integer column
makes SQLite raise instead of finding nothing; a made-up address must be a 404, not a 500.
"""

from django.urls import register_converter
from django.urls.converters import IntConverter


class IdConverter(IntConverter):
    regex = "[0-9]{1,10}"


register_converter(IdConverter, "id")
