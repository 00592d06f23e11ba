"""Text as the rules see it: case, accents, punctuation, stretched letters and text-speak removed,
so "Sumtimes i wanna kms cuz ppl h8 me!!!" and "sometimes I want to kill myself because people hate
me" read alike. Rules and answers go through the same steps, so Welsh doubled letters (ll, dd, ff)
collapse on both sides and still match.
"""

import re
import unicodedata

# Text-speak and contractions (apostrophes are removed first: "i've" is "ive").
TEXT_SPEAK = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "youre": "you are",
    "r": "are",
    "ppl": "people",
    "pple": "people",
    "bc": "because",
    "bcos": "because",
    "bcoz": "because",
    "bcuz": "because",
    "bcs": "because",
    "becuz": "because",
    "becos": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "cus": "because",
    "ive": "i have",
    "im": "i am",
    "id": "i would",
    "dont": "do not",
    "dnt": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "havent": "have not",
    "aint": "is not",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill",
    "2": "to",
    "4": "for",
    "b4": "before",
    "sum1": "someone",
    "some1": "someone",
    "sumone": "someone",
    "no1": "no one",
    "any1": "anyone",
    "every1": "everyone",
    "h8": "hate",
    "h8s": "hates",
    "n": "and",
    "nd": "and",
    "wat": "what",
    "wot": "what",
    "dat": "that",
    "tht": "that",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "abt": "about",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "mom": "mum",
    "mam": "mum",
    "mammy": "mum",
    "luv": "love",
    "hav": "have",
    "wen": "when",
    "lyk": "like",
    "sumtimes": "sometimes",
    "evry": "every",
    "nite": "night",
    "tho": "though",
    "ova": "over",
    "sum": "some",
}
# Two words written as one, after text-speak: "my self" is "myself", "step dad" is "stepdad".
JOINED = {
    ("my", "self"): "myself",
    ("me", "self"): "myself",
    ("mi", "self"): "myself",
    ("your", "self"): "yourself",
    ("step", "dad"): "stepdad",
    ("step", "mum"): "stepmum",
    ("some", "one"): "someone",
    ("any", "more"): "anymore",
}
APOSTROPHES = str.maketrans("", "", "'’‘`´")
NOT_A_LETTER = re.compile(r"[^a-z0-9]+")
STRETCHED = re.compile(r"(.)\1{2,}")  # "sooooo": three or more of a letter
DOUBLED = re.compile(r"(.)\1+")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(APOSTROPHES)


def squeeze(word: str) -> str:
    """Every run of one letter as one letter: "kill" and "killlll" are both "kil"."""
    return DOUBLED.sub(r"\1", word)


def words(text: str) -> list[str]:
    """The normalised words of a text, in order."""
    spoken = []
    for word in NOT_A_LETTER.split(_plain(text or "")):
        if not word:
            continue
        word = STRETCHED.sub(r"\1\1", word)
        spoken.extend(TEXT_SPEAK.get(word, TEXT_SPEAK.get(squeeze(word), word)).split())
    joined = []
    for word in spoken:
        if joined and (joined[-1], word) in JOINED:
            joined[-1] = JOINED[(joined[-1], word)]
        else:
            joined.append(word)
    return [squeeze(word) for word in joined]


def normalise(text: str) -> str:
    return " ".join(words(text))


def within_one_or_two_edits(a: str, b: str, limit: int) -> bool:
    """Optimal string alignment distance (a swap of two letters counts as one edit) ≤ limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous_row, row = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
        if min(row) > limit:
            return False
    return row[-1] <= limit


FUZZY_FROM = 5  # letters (after squeezing): shorter words must be spelt right
FUZZIER_FROM = 9  # from here two edits are allowed


def word_matches(expected: str, written: str) -> bool:
    """A rule's word against a written word: equal, or a small misspelling of a longer word."""
    if expected == written:
        return True
    if len(expected) < FUZZY_FROM:
        return False
    limit = 2 if len(expected) >= FUZZIER_FROM else 1
    return within_one_or_two_edits(expected, written, limit)
