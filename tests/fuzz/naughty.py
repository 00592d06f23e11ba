"""The naughty strings (naughty_strings.txt) and the hypothesis settings every fuzz test shares.

Bounded so the whole fuzz suite runs in CI in well under a minute on two cores: FUZZ_EXAMPLES
raises the number of examples for a longer local run (`FUZZ_EXAMPLES=500 pytest tests/fuzz`).
"""

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

ESCAPE = re.compile(r"(?<!\\)\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[tnr])")
SIMPLE = {"t": "\t", "n": "\n", "r": "\r"}


def unescape(line: str) -> str:
    return ESCAPE.sub(lambda m: SIMPLE.get(m[1]) or chr(int(m[1][1:], 16)), line)


LIST = Path(__file__).with_name("naughty_strings.txt")


def load(path: Path = LIST) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [unescape(line) for line in lines if line and not line.startswith("#")]


NAUGHTY = load()
# Long input: over every field's limit, and big enough to find quadratic work.
LONG = ["a" * 100_001, "ŵ" * 20_000, "😀" * 5_000, "\x00" * 1_000, "<b>" * 10_000, "9" * 5_000]

# Text a browser can send: naughty strings, long ones, anything hypothesis makes (no lone
# surrogates: a browser cannot encode them; invalid UTF-8 is sent raw in its own tests).
naughty_text = (
    st.sampled_from(NAUGHTY)
    | st.sampled_from(LONG)
    | st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
    | st.tuples(st.sampled_from(NAUGHTY), st.sampled_from(NAUGHTY)).map("".join)
)

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    derandomize=os.environ.get("FUZZ_RANDOM", "") == "",
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
    database=None,
    # No shrinking in CI: it can take minutes. The failing input is in the assertion message.
    phases=[Phase.explicit, Phase.generate] if os.environ.get("FUZZ_RANDOM", "") == "" else list(Phase),
)
# For tests whose every example renders a whole admin page or several: a third as many examples.
FUZZ_HEAVY = settings(FUZZ, max_examples=max(5, FUZZ.max_examples // 3))
