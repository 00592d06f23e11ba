"""The demo's making-sense work: a codebook of themes (one inside another), answers tagged with
them, and quotes, one with words removed, on the open consultation (Q6.1 below); the closed
transport consultation's come from `youth_voice.feedback.demo` through `code_and_quote`. Safe to
run again: it finds what it made."""

from consultations.models import QuestionIdentity

from ..models import Answer, RedactionKind, Theme
from . import services

# (name, description, the theme it is inside)
THEMES = [
    ("Someone to talk to", "Time with an adult who listens: at school, online or in a club.", None),
    ("Mental health services", "Counselling and the young people's mental health service.", None),
    ("Waiting times", "How long young people wait for help.", "Mental health services"),
    ("Places to go", "Somewhere safe to be after school and in the evening.", None),
]
# Q6.1 "What would help you cope?": what people wrote, and the themes an officer gave it.
TAGS = {
    "Someone at school who has time to listen.": ["Someone to talk to"],
    "Teachers who notice when you are quiet.": ["Someone to talk to"],
    "Group chats with a counsellor online.": ["Someone to talk to", "Mental health services"],
    "Shorter waits. My friend waited five months.": ["Waiting times"],
    "A place to go after school that isn't home.": ["Places to go"],
    "Rhywun yn yr ysgol sydd ag amser i wrando.": ["Someone to talk to"],
    "Lle i fynd ar ôl ysgol sydd ddim yn gartref.": ["Places to go"],
}
# (answer, excerpt, words removed before publishing): a friend's exact wait could identify them.
QUOTES = [
    ("Someone at school who has time to listen.", "", None),
    ("A place to go after school that isn't home.", "", None),
    ("Shorter waits. My friend waited five months.", "", "five months"),
]


def load_analysis_demo(consultation) -> None:
    code_and_quote(consultation, ["6.1"], THEMES, TAGS, QUOTES)


def code_and_quote(consultation, references, themes, tags, quotes) -> None:
    """Make the codebook `themes` [(name, description, parent)], tag the answers to `references`
    as `tags` {text: [theme names]} says, and pick `quotes` [(answer, excerpt, words removed)]
    from the first answer with that text that may be quoted."""
    identities = QuestionIdentity.objects.filter(
        consultation=consultation.answers_page, reference__in=references, retired=False
    )
    made = {}
    for name, description, parent in themes:
        made[name], _made = Theme.objects.get_or_create(
            consultation=consultation.answers_page,
            name=name,
            defaults={"description": description, "parent": made.get(parent)},
        )
    answers = Answer.objects.filter(question__in=identities)
    for text, names in tags.items():
        ids = list(answers.filter(text=text).values_list("pk", flat=True))
        for name in names:
            services.tag_answers(made[name], ids, None)
    for text, excerpt, removed in quotes:
        quotable = answers.filter(text=text, safeguarding_flag__isnull=True).exclude(
            response__publication="confidential"
        )
        answer = quotable.order_by("pk").first()
        if answer is None:
            continue
        quote = services.pick_quote(answer, excerpt, None)
        if removed and not quote.redactions.exists():
            services.redact_words(quote, removed, RedactionKind.OTHER, None)
