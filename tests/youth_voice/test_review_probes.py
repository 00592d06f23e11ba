"""Defects found in review of issue 7."""

import pytest

from tests.conftest import form_data, make_consultation
from tests.youth_voice.test_steps import STEPPED, press


@pytest.fixture
def stepped(home):
    return make_consultation(home, slug="stepped", questions=STEPPED)


def test_a_non_ascii_digit_step_in_the_address_is_not_a_500(client, stepped):
    response = client.get(stepped.url, {"step": "²"})
    assert response.status_code == 200


def test_a_non_ascii_digit_change_button_is_not_a_500(client, stepped):
    data = form_data(stepped, {"2": "More buses"})
    response = press(client, stepped, data, "goto-²", 4)
    assert response.status_code < 500
