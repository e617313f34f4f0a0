"""What someone asks of the daily messages in their own words, beyond the commands: a pause
while away ("can u stop the daily msgs while im away? back on the 20th"), how to turn them
back on, a different hour ("how do i make the daily msg come earlier"), whether a trip's time
difference matters, whether the days still count while paused. Knows nothing of Telegram.

Session 46's play-test, written blind: all six got "Questions like that can go round and
round" or an unrelated answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.services.textnorm import normalize

DailyAskKind = Literal["pause", "resume", "time", "trip", "count_kept"]

# The daily messages, as people name them (normalised: "msgs" reads "messages")
_MESSAGES = (
    r"(?:(?:the |my |your |these |those |all the |all these |all your )?"
    r"(?:daily |morning |evening |nightly |night |check in |checkin )?"
    r"(?:messages?|texts?|reminders?|notifications?|notifs?|check ins?|checkins?|pings?"
    r"|daily thing|daily ones?|dailies|daily)"
    r"|them|it)\b"
)
_MESSAGES_NAMED = (
    r"(?:(?:the |my |your |these |those |all the |all these |all your )?"
    r"(?:daily |morning |evening |nightly |night |check in |checkin )?"
    r"(?:messages?|texts?|reminders?|notifications?|notifs?|check ins?|checkins?|pings?"
    r"|daily thing|daily ones?|dailies|daily))\b"
)
_PAUSE = re.compile(
    r"\b(?:stop|pause|mute|silence|hold|turn off|switch off|shut off|put on hold|skip|cancel"
    r"|no more|do not send|dont send|don t send|not send|without)\b(?: sending)?(?: me)? "
    + _MESSAGES_NAMED
    + r"|\b"
    + _MESSAGES_NAMED
    + r"\b(?: \w+){0,3}? (?:while i am|while im|when i am|when im|whilst i am) "
    r"(?:away|travel\w*|on (?:holiday|vacation|a trip|leave)|abroad|gone|off)\b"
)
# how long or until when, said with it: "back on the 20th", "for a week", "till sunday"
_UNTIL = re.compile(
    r"\b(?:until|till|til|untill|back on|back|through|thru)\s+(?P<until>(?:the |next |this )?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?(?: of)?(?: [a-z]+)?|[a-z]+ \d{1,2}(?:st|nd|rd|th)?"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the weekend"
    r"|new year|christmas))"
    r"|\bfor (?P<length>(?:a|one|two|three|four|a couple of|a few|\d+) (?:days?|weeks?))\b"
)
_RESUME = re.compile(
    r"\b(?:turn|switch|put|start|get|have) "
    + _MESSAGES
    + r" (?:back on|on again|again|back)\b|\b(?:resume|unpause|un pause|restart) "
    + _MESSAGES
    + r"\b|\bhow do i (?:resume|unpause|get (?:them|it|the messages) back)\b"
)
_TIME = re.compile(
    r"\b"
    + _MESSAGES_NAMED
    + r"\b(?: \w+){0,3}? (?:come|arrive|be|get sent|go out|show up)?(?: \w+)? ?"
    r"(?:earlier|later|sooner|at (?:a )?different (?:time|hour)|at another time)\b"
    r"|\b(?:make|move|send|get|have) "
    + _MESSAGES
    + r"(?: \w+){0,2}? (?:earlier|later|sooner)\b"
    r"|\b(?:change|move|pick|choose|set) (?:the |what )?(?:time|hour) (?:of |for |that )?"
    + _MESSAGES_NAMED
)
_TRIP = re.compile(
    r"\b(?:time ?zone|time difference|different time|hours? (?:ahead|behind)|jet ?lag)\b"
    r"(?: \w+){0,8}? (?:mess|messes|messed|matter|matters|change|changes|affect|affects"
    r"|break|breaks|screw|screws|ruin|ruins|confuse|confuses|work|count|problem|wrong|reset)\b"
    r"|\b(?:does|will|would|do) (?:travel\w*|a trip|flying|being abroad|going abroad|changing "
    r"time ?zones?)\b(?: \w+){0,4}? (?:mess|matter|change|affect|break|reset|count)\b"
)
_COUNT_KEPT = re.compile(
    r"\b(?:will|does|do|would|is) (?:it |my count |my streak |the count |my days |the days )?"
    r"(?:still |keep |keeps )?(?:count|counting|going|go|running|run|tick\w*)\b"
    r"(?: \w+){0,2}? ?(?:my |the )?(?:days?|count|streak)?\b(?: \w+){0,3}? "
    r"(?:while|when|if|during)\b(?: \w+){0,2}? (?:paused|pause|away|off|stopped|muted)\b"
    r"|\b(?:will|does|do|would) (?:it|they|you) (?:still )?count my (?:days|streak)\b"
    r"|\b(?:do|will|would) my (?:days|streak|count) (?:still )?(?:count|keep going|go on)\b"
)


@dataclass(frozen=True)
class DailyAsk:
    kind: DailyAskKind
    # for a pause: how long or until when, as they said it ("until the 20th", "a week")
    until: str | None = None


# The ex in it: "i want to stop texting him", "his texts come later at night" are theirs
_THE_EX = re.compile(
    r"\b(?:he|him|his|she|her|hers|they|their|ex|exes|boyfriend|girlfriend|husband|wife"
    r"|partner|bf|gf)\b"
)


def daily_ask(text: str) -> DailyAsk | None:
    """What ``text`` asks of the daily messages, if anything (see the module's text)."""
    norm = normalize(text)
    if not norm or _THE_EX.search(norm):
        return None
    if _RESUME.search(norm):
        return DailyAsk("resume")
    if _PAUSE.search(norm):
        return DailyAsk("pause", _until(norm))
    if _COUNT_KEPT.search(norm):
        return DailyAsk("count_kept")
    if _TRIP.search(norm):
        return DailyAsk("trip")
    if _TIME.search(norm):
        return DailyAsk("time")
    return None


def _until(norm: str) -> str | None:
    found = _UNTIL.search(norm)
    if found is None:
        return None
    if found.group("length"):
        return found.group("length")
    return f"until {found.group('until')}"


def asks_how(text: str) -> bool:
    """Asked how to, rather than asked for: "how do i turn it back on when i land"."""
    return re.search(r"\bhow (?:do|can|would|will|should) i\b", normalize(text)) is not None
