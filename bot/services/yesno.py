"""A typed yes or no, for questions asked with buttons ("Restart your count today?")."""

from __future__ import annotations

import re

_YES = re.compile(
    r"^(?:yes|yeah|yea|yep|yup|ya|y|sure|ok|okay|please|yes please|do it|definitely|of course"
    r"|i did|i do|correct|right|absolutely|restart)\b"
)
_NO = re.compile(
    r"^(?:no|nope|nah|n|not now|not really|no thanks|no thank you|don'?t|do not|keep|never"
    r"|not yet|i didn'?t|i did not|cancel)\b"
)


def yes_or_no(text: str) -> bool | None:
    """True for a yes, False for a no, None when the answer starts with neither."""
    folded = text.casefold().replace("’", "'").strip(" \t\n.,!?")
    if _NO.match(folded):
        return False
    if _YES.match(folded):
        return True
    return None
