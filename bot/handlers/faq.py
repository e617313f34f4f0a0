"""/faq: topics, questions and answers; free-text questions matched to the right answer."""

from __future__ import annotations

import re

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from bot.content import Markup
from bot.handlers.common import Turn, inline, open_turn
from bot.handlers.progress import render_status
from bot.handlers.safety import ask_if_safe_markup
from bot.services.crisis import mentions_harm
from bot.services.faq import FaqEntry
from bot.services.smalltalk import classify_smalltalk, shares_a_feeling

FLOW = "faq"
FAQ_DATA = re.compile(r"^faq:(m|t|q|go)(?::([a-z0-9_-]{1,20}))?$")
MAX_TEXT = 4096
NOT_SAFE = "sos:no:s"  # the safety flow's "I'm not safe" answer: lines and the emergency number


async def show_menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Show the topic menu."""
    async with open_turn(update, context) as turn:
        send_menu(turn)


Row = list[tuple[str, str]]


def send_menu(turn: Turn, intro: str | None = None, extra: list[Row] | None = None) -> None:
    faq = turn.rt.content.faq
    assert faq is not None
    turn.say(intro or turn.rt.content.pick(faq.menu_intro), topics_keyboard(turn, extra))


def topics_keyboard(turn: Turn, extra: list[Row] | None = None) -> InlineKeyboardMarkup:
    topics = list(turn.rt.content.faq_topics.values())
    rows = [[(t.title, f"faq:t:{t.id}")] for t in topics]
    return inline(rows + (extra or []))


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Navigate the menu in place, or send an answer."""
    query = update.callback_query
    match = FAQ_DATA.match(query.data or "") if query else None
    message_id = query.message.message_id if query and query.message else None
    async with open_turn(update, context) as turn:
        content = turn.rt.content
        if match is None or message_id is None:
            turn.toast(turn.t("core.stale_button"))
            return
        kind, arg = match.group(1), match.group(2) or ""
        if kind == "m":
            assert content.faq is not None
            turn.edit(message_id, content.pick(content.faq.menu_intro), topics_keyboard(turn))
        elif kind == "t" and arg in content.faq_topics:
            topic = content.faq_topics[arg]
            rows = [[(content.faq_entries[q].title, f"faq:q:{q}")] for q in topic.question_ids]
            rows.append([(turn.label("faq.btn_back"), "faq:m")])
            turn.edit(message_id, turn.t("faq.topic_header", topic=topic.title), inline(rows))
        elif kind == "q" and arg in content.faq_entries:
            send_answer(turn, content.faq_entries[arg])
        elif kind == "go" and arg == "status" and turn.user.onboarded:
            await render_status(turn)
        elif kind == "go" and arg in ("urge", "reasons", "status"):
            turn.say(turn.t(f"faq.go_{arg}"))
        else:
            turn.toast(turn.t("core.stale_button"))


def send_answer(turn: Turn, entry: FaqEntry, extra: list[Row] | None = None) -> None:
    """The answer's parts, the last with its next step and a way back to the menu."""
    rows: list[Row] = []
    if entry.next and entry.next.startswith("faq:"):
        target = turn.rt.content.faq_entries.get(entry.next[4:])
        if target is not None:
            label = turn.t("faq.btn_next_question", title=target.title)
            rows.append([(label, f"faq:q:{target.id}")])
    elif entry.next in ("urge", "reasons", "status"):
        rows.append([(turn.label(f"faq.btn_next_{entry.next}"), f"faq:go:{entry.next}")])
    rows.append([(turn.label("faq.btn_menu"), "faq:m")])
    rows += extra or []
    for i, part in enumerate(entry.answer):
        last = i == len(entry.answer) - 1
        turn.say(part, inline(rows) if last else None)


def answer_free_text(turn: Turn, text: str) -> None:
    """Small talk, a confident answer, "did you mean", a feeling heard, or an honest "I don't
    know that one"; words of harm add the way to help (or, unmatched, ask if they are safe)."""
    content = turn.rt.content
    faq = content.faq
    assert faq is not None
    kind = classify_smalltalk(text)
    if kind is not None:
        turn.say(content.pick(faq.smalltalk[kind]))
        return
    match = turn.rt.matcher.match(text[:MAX_TEXT])
    # The crisis check missed this message (it runs first), yet it speaks of injury, means
    # or danger: whatever the answer, it also offers the way to help.
    harm = mentions_harm(text)
    extra = [[(turn.label("faq.btn_not_safe"), NOT_SAFE)]] if harm else []
    if match.kind == "none" and harm == "strong":
        # Nothing matched, and it speaks of harm: ask, rather than say "I can't help".
        turn.say(turn.t("faq.harm_check"), ask_if_safe_markup(turn.rt))
    elif match.kind == "answer":
        send_answer(turn, content.faq_entries[match.ids[0]], extra)
    elif match.kind == "suggest":
        rows = [
            [(content.faq_entries[i].title, f"faq:q:{i}")]
            for i in match.ids
            if i in content.faq_entries
        ]
        rows.append([(turn.label("faq.btn_menu"), "faq:m")])
        turn.say(content.pick(faq.did_you_mean), inline(rows + extra))
    elif not turn.user.onboarded:
        turn.say(turn.t("core.not_started_free_text"), inline(extra) if extra else None)
    elif shares_a_feeling(text):
        # A feeling, not a question: no "I can't help with that".
        send_menu(turn, turn.t("faq.feeling_heard"), extra)
    else:
        send_menu(turn, Markup(content.pick(faq.out_of_scope)), extra)
