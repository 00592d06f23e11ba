"""Question kinds: how each is set up, asked, stored, summarised and exported (consultations/kinds/)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from consultations.kinds import KINDS
from consultations.kinds.numeric import mean_and_median
from consultations.models import Question
from consultations.models.questions import options_from_labels
from tests.conftest import make_consultation, submit_answers
from youth_voice.exports import response_rows
from youth_voice.summary import summarise


def question(kind, **fields):
    fields["options"] = options_from_labels(fields.pop("options", []))
    fields.setdefault("follow_up_prompt", "")
    return Question(reference=fields.pop("reference", "3"), prompt="x", kind=kind, **fields)


@pytest.mark.parametrize("raw", ["Q 6.1", "q6.1", "6.1", "Question 6.1"])
def test_question_reference_is_normalised_on_clean(raw):
    item = question("free_text", reference=raw)
    item.clean()
    assert item.reference == "6.1"


@pytest.mark.parametrize(
    ("kind", "fields", "field", "message"),
    [
        ("single_choice", {"options": ["Only one"]}, "options", "at least two options"),
        ("multiple_choice", {"options": ["A", "B"], "max_choices": 3}, "max_choices", "cannot be more than"),
        ("ranking", {"options": ["A"]}, "options", "at least two options"),
        ("ranking", {"options": ["A", "B"], "max_choices": 5}, "max_choices", "cannot rank more"),
        ("number", {"min_value": Decimal(5), "max_value": Decimal(1)}, "max_value", "must be more than"),
        ("rating", {"scale_points": 7}, "scale_points", "1 to 5 or from 1 to 10"),
        ("faces", {"scale_points": 4}, "scale_points", "3 or 5 points"),
        ("agree_scale", {"options": ["Yes", "No"]}, "options", "Give 5 labels"),
        ("free_text", {"max_length": 20_000}, "max_length", "at most 10,000"),
    ],
)
def test_each_kind_explains_a_question_set_up_wrongly(kind, fields, field, message):
    with pytest.raises(ValidationError) as error:
        question(kind, **fields).clean()
    assert message in " ".join(error.value.message_dict[field])


def test_options_get_short_codes_once_and_keep_them_when_reworded():
    item = question("single_choice", options=["A week", "A week", "Shorter waits for mental health support"])
    item.clean()
    codes = [option.code for option in item.option_list()]
    assert codes == ["a-week", "a-week-2", "shorter-waits-for-mental"]
    item.options[0].value["label"] = "Seven days"
    item.clean()
    assert item.option_list()[0].code == "a-week"


def test_yes_no_and_scales_have_fixed_codes():
    assert [o.code for o in KINDS["yes_no"].options(question("yes_no"))] == ["yes", "no"]
    assert [o.code for o in KINDS["rating"].options(question("rating", scale_points=10))] == [
        str(n) for n in range(1, 11)
    ]
    agree = KINDS["agree_scale"].options(question("agree_scale"))
    assert [(o.code, o.label) for o in agree][0] == ("5", "Strongly agree")
    faces = KINDS["faces"].options(question("faces", scale_points=3, options=["Great", "Fine", "Bad"]))
    assert [(o.code, o.label) for o in faces] == [("3", "Great"), ("2", "Fine"), ("1", "Bad")]


@pytest.mark.parametrize(
    ("counts", "mean", "median"),
    [
        ({1: 1}, 1, 1),
        ({1: 1, 2: 1}, 1.5, 1.5),
        ({1: 2, 5: 1}, 2.33, 1),
        ({1: 1, 2: 1, 9: 2}, 5.25, 5.5),
        ({}, None, None),
    ],
)
def test_mean_and_median_from_counts(counts, mean, median):
    assert mean_and_median(counts) == (mean, median)


EVERY_KIND = [
    {"reference": "1", "kind": "yes_no", "prompt": "Clear?", "follow_up_prompt": "If not, why?"},
    {"reference": "2", "kind": "single_choice", "prompt": "One?", "options": ["Red", "Blue"]},
    {
        "reference": "3",
        "kind": "multiple_choice",
        "prompt": "Any?",
        "options": ["Red", "Blue", "Green"],
        "max_choices": 2,
    },
    {"reference": "4", "kind": "free_text", "prompt": "Say", "max_length": 20},
    {"reference": "5", "kind": "number", "prompt": "How many?", "min_value": 0, "max_value": 100},
    {"reference": "6", "kind": "rating", "prompt": "Rate", "scale_points": 10},
    {"reference": "7", "kind": "agree_scale", "prompt": "Agree?"},
    {"reference": "8", "kind": "faces", "prompt": "Feel?", "scale_points": 3},
    {
        "reference": "9",
        "kind": "ranking",
        "prompt": "Order",
        "options": ["Bus", "Club", "Pool"],
        "max_choices": 2,
    },
]


@pytest.fixture
def every_kind(home):
    return make_consultation(home, slug="every-kind", questions=EVERY_KIND)


def test_every_kind_is_stored_summarised_and_exported(every_kind):
    submit_answers(
        every_kind,
        {
            "1": (["no"], "Too long"),
            "2": "red",
            "3": ["red", "green"],
            "4": "Hi",
            "5": "7",
            "6": "9",
            "7": "4",
            "8": "3",
            "9": {"club": 1, "bus": 2},
        },
    )
    submit_answers(
        every_kind,
        {
            "1": ([], "Only the follow-up"),
            "2": "blue",
            "3": ["red"],
            "5": "2.5",
            "6": "3",
            "7": "5",
            "8": "1",
            "9": {"pool": 1},
        },
    )
    figures = {item.reference: item.figures for item in summarise(every_kind).questions}

    yes_no = figures["1"]
    assert (yes_no.respondents, yes_no.text_count) == (1, 2)  # the follow-up alone is not a Yes or a No
    assert [(c.code, c.count, c.percent) for c in yes_no.choices] == [("yes", 0, 0.0), ("no", 1, 100.0)]
    assert [(c.code, c.count, c.percent) for c in figures["3"].choices] == [
        ("red", 2, 100.0),
        ("blue", 0, 0.0),
        ("green", 1, 50.0),
    ]
    assert (figures["5"].mean, figures["5"].median) == (4.75, 4.75)
    assert (figures["6"].respondents, figures["6"].mean, figures["6"].median) == (2, 6.0, 6.0)
    assert figures["7"].mean == 4.5 and figures["8"].median == 2.0
    ranks = {rank.code: (rank.first, rank.ranked, rank.average_rank) for rank in figures["9"].ranks}
    assert ranks == {"club": (1, 1, 1.0), "pool": (1, 1, 1.0), "bus": (0, 1, 2.0)}
    assert figures["9"].respondents == 2

    # Both exports have the same columns in the same order: stable names over codes, and headings
    # with the wording over what people read.
    header, first, second = list(response_rows(every_kind, codes=True))
    headings, readable, _ = list(response_rows(every_kind))
    assert len(headings) == len(header)
    assert headings[header.index("Q9 rank bus")] == "Q9 – Order: place given to Bus"
    row = dict(zip(header, readable, strict=True))
    assert row["Q1"] == "No" and row["Q1 why"] == "Too long"
    assert (row["Q3 red"], row["Q3 blue"], row["Q3 green"]) == ("yes", "", "yes")
    assert row["Q5"] == "7" and row["Q6"] == "9" and row["Q7"] == "Agree"
    assert (row["Q9 rank bus"], row["Q9 rank club"], row["Q9 rank pool"]) == ("2", "1", "")
    coded = dict(zip(header, first, strict=True))
    assert (coded["Q1"], coded["Q1 why"], coded["Q2"]) == ("no", "Too long", "red")
    assert (coded["Q3 red"], coded["Q3 blue"], coded["Q3 green"]) == ("1", "", "1")
    assert (coded["Q5"], coded["Q6"], coded["Q7"], coded["Q9 rank bus"]) == ("7", "9", "4", "2")
    assert dict(zip(header, second, strict=True))["Q1"] == ""


@pytest.mark.parametrize(
    ("answers", "field", "message"),
    [
        ({"3": ["red", "blue", "green"]}, "q_3", "Choose at most 2 (you chose 3)."),
        ({"4": "x" * 21}, "q_4", "no more than 20 characters (you have used 21)"),
        ({"5": "101"}, "q_5", "Enter a number of at most 100."),
        ({"5": "lots"}, "q_5", "Enter a number, like 3 or 2.5."),
        ({"9": {"bus": 1, "club": 1}}, "q_9_rank_bus", "Give each place to only one option."),
        ({"9": {"bus": 2}}, "q_9_rank_bus", "Number your choices 1, 2, 3"),
        ({"6": "11"}, "q_6", "Select a valid choice."),
    ],
)
def test_every_kind_explains_an_answer_it_cannot_take(client, every_kind, answers, field, message):
    from tests.conftest import form_data

    data = form_data(every_kind, answers)
    response = client.post(every_kind.submit_url, dict(data.lists()))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert every_kind.responses.count() == 0
