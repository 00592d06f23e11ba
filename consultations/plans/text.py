"""A plan paragraph's rich text (HTML) as the plain words a reader sees.

Every place that shows a paragraph as words rather than markup (the excerpt beside a question, a
prompt drafted from a paragraph, the word-by-word comparison of two versions) reads it here, so
entities are turned into characters exactly once and the template's autoescaping does the rest:
`It&#x27;s` reads "It's", never `&#x27;` (escaped twice) nor markup (not escaped at all).
"""

import re
from html import unescape

from django.utils.html import strip_tags

# Where one block of text ends and the next begins: list items and paragraphs must not run together.
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|td|th|dd|dt)>|<br\s*/?>", re.IGNORECASE)


def plain_text(html: str) -> str:
    """The words of `html`, tags removed, entities read once, blocks apart, spaces collapsed."""
    return " ".join(unescape(strip_tags(_BLOCK_END.sub(" ", html or ""))).split())
