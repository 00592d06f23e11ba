"""Suggested themes for a question's free text, computed on this server: nothing leaves it.

TF-IDF weighs the words of each answer (English and Welsh stop words left out), and NMF splits the
answers into a few groups of words that go together; each group is offered to the officer with its
top words, three example answers and the answers strongly assigned to it. Seeded (random_state), so
the same answers give the same suggestions. Nothing is applied here: `services.accept_suggestion`
runs only when a person accepts.
"""

from dataclasses import dataclass, field

from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

# Fewer than this and the groups found are noise, not themes.
MIN_ANSWERS = 10
MAX_SUGGESTIONS = 6
ANSWERS_PER_SUGGESTION = 6
MAX_FEATURES = 2000  # keeps a question with thousands of answers to well under a second
TOP_WORDS = 5
# A word weighing less than this share of a suggestion's first word is noise, not one of its words.
TOP_WORD_SHARE = 0.2
EXAMPLES = 3
# An answer is strongly assigned to a suggestion when at least this share of its weight is there.
STRONG_SHARE = 0.6
# A suggestion sharing this many top words with one already decided is the same suggestion.
SAME_SUGGESTION_WORDS = 3

# Common Welsh words that say nothing of a theme (our own list: scikit-learn has English only),
# including mutated forms (fy nhad, ei thŷ) as young people write them.
WELSH_STOP_WORDS = frozenset(
    """
    a ac achos am ar at bod bydd byddai cael dan dim dros drwy dw dwi dy dyn e ei eich ein eisiau
    fe fi fod fy gan gyda gydag hefyd hi hwn hwnna hyn hynny i iawn mae mai mewn mi mwy na nad
    neu ni nid nhw o oedd oes ohono os pan pawb pe pob pobl po rhaid rhai rwy rwyn sut sy sydd tan
    ti trwy un unrhyw wedi wrth y ydw ydy ydyn yma yn yng ym yr yw ychydig yno dwin ddim gallu gall
    gwneud mynd iddo iddi iddyn hwnnw honno rydw rydyn maen ond fel
    """.split()
)
STOP_WORDS = sorted(ENGLISH_STOP_WORDS | WELSH_STOP_WORDS)
# Words of two or more letters (Welsh accents included), no numbers.
WORD_PATTERN = r"(?u)\b[^\W\d_][^\W\d_’']+\b"


@dataclass
class SuggestedTheme:
    words: list[str]
    examples: list[tuple[int, str]]  # (answer id, text)
    strong: list[int] = field(default_factory=list)  # answer ids strongly assigned to it

    @property
    def key(self) -> str:
        return " ".join(self.words)

    @property
    def name(self) -> str:
        """A first name to offer; the officer renames it before accepting if they want."""
        return ", ".join(self.words[:2]).capitalize()


@dataclass
class Suggestions:
    themes: list[SuggestedTheme]
    enough_answers: bool


def suggest_themes(answers, decided=()) -> Suggestions:
    """Suggestions for `answers`, a list of (answer id, text), leaving out any that repeat a
    suggestion already decided (`decided`: top words as space-separated strings)."""
    usable = [(pk, text) for pk, text in answers if text and text.strip()]
    if len(usable) < MIN_ANSWERS:
        return Suggestions([], enough_answers=False)
    vectorizer = TfidfVectorizer(
        stop_words=STOP_WORDS,
        token_pattern=WORD_PATTERN,
        max_features=MAX_FEATURES,
        min_df=2 if len(usable) >= 40 else 1,
        sublinear_tf=True,
    )
    try:
        weights = vectorizer.fit_transform(text for _pk, text in usable)
    except ValueError:  # nothing but stop words, numbers or punctuation
        return Suggestions([], enough_answers=False)
    vocabulary = vectorizer.get_feature_names_out()
    components = min(MAX_SUGGESTIONS, max(2, len(usable) // ANSWERS_PER_SUGGESTION), len(vocabulary))
    if components < 2:
        return Suggestions([], enough_answers=False)
    model = NMF(n_components=components, init="nndsvda", random_state=2027, max_iter=500)
    by_answer = model.fit_transform(weights)
    decided_words = [set(words.split()) for words in decided]
    themes = []
    for topic, word_weights in enumerate(model.components_):
        top = word_weights.max()
        words = [
            str(vocabulary[i])
            for i in word_weights.argsort()[::-1][:TOP_WORDS]
            if top > 0 and word_weights[i] >= TOP_WORD_SHARE * top
        ]
        if not words or any(len(set(words) & seen) >= SAME_SUGGESTION_WORDS for seen in decided_words):
            continue
        ranked = [row for row in by_answer[:, topic].argsort()[::-1] if by_answer[row, topic] > 0]
        strong = [
            usable[row][0]
            for row in ranked
            if by_answer[row, topic] >= STRONG_SHARE * by_answer[row].sum()
            and by_answer[row].argmax() == topic
        ]
        if not strong:
            continue  # no answer is mostly about it: not a theme worth offering
        themes.append(SuggestedTheme(words, [usable[row] for row in ranked[:EXAMPLES]], strong))
    return Suggestions(themes, enough_answers=True)
