"""Naughty query parameters on the read-only API (site/api.py): a clear 400, never a 500."""

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.naughty import FUZZ, naughty_text

ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]
PARAMETERS = [
    "type", "fields", "order", "search", "search_operator", "limit", "offset", "child_of",
    "descendant_of", "ancestor_of", "locale", "translation_of", "html_path", "slug", "title",
    "id", "show_in_menus", "format", "tags", "unknown",
]  # fmt: skip


@FUZZ
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    params=st.dictionaries(st.sampled_from(PARAMETERS), naughty_text, min_size=1, max_size=4),
)
def test_naughty_query_parameters_on_every_endpoint_are_never_a_500(client, consultation, endpoint, params):
    response = client.get(endpoint, params)
    assert response.status_code < 500, (params, response.content[:300])
    if response.status_code == 400:
        assert response.json()["message"]


@FUZZ
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    item=naughty_text,
    params=st.dictionaries(st.sampled_from(PARAMETERS), naughty_text, max_size=2),
)
def test_a_naughty_item_address_is_never_a_500(client, consultation, endpoint, item, params):
    from urllib.parse import quote

    response = client.get(endpoint + quote(item, safe="") + "/", params)
    assert response.status_code < 500, (item, params)
    response = client.get(endpoint + f"{consultation.pk}/", params)
    assert response.status_code < 500, params
