"""Typed answers in a safety conversation: "are you safe right now?" and "don't know"."""

from __future__ import annotations

import pytest

from bot.services.safety_answers import (
    asks_to_meet_them,
    asks_what_to_do,
    breaking_in,
    comes_back,
    country_said,
    done_to_self,
    going_to_stay,
    in_the_home,
    is_dont_know,
    is_no_one,
    is_unreachable,
    keeps_it_from,
    person_named,
    plans_to_avoid,
    read_safety_answer,
    ruined_streak,
    safety_tool_asked,
    says_young,
    shaken,
    still_there,
    their_place,
)


@pytest.mark.parametrize(
    "text",
    [
        "im not safe", "I'm not safe", "i am not safe right now", "not safe", "unsafe",
        "no", "No.", "NO", "nope", "Nope!!", "nah", "noo", "no no", "um no", "no 😔",
        "not really", "Not really tbh", "not rly", "really not", "not at all", "not quite",
        "i dont think so", "I don't think so", "i do not think so", "dont think so",
        "no im not", "no i'm not", "No I am not safe", "no, not really", "nope not safe",
        "i don't feel safe", "i dont feel safe rn", "not ok", "im not okay", "i'm not fine",
        "help", "please help me", "i need help", "definitely not", "hell no", "i'm scared",
        "in danger", "i am not",
        "ok not really", "okay no",
    ],
)
def test_unsafe_answers(text: str) -> None:
    assert read_safety_answer(text) == "unsafe"


@pytest.mark.parametrize(
    "text",
    [
        "yes", "Yes", "YES!", "yeah", "yea", "yep", "yup", "ya", "Yes 🙏", "yes i am",
        "yeah im safe", "yes i'm fine", "sure", "i'm ok now", "im ok", "i am okay", "okay",
        "ok", "im safe", "I'm safe now", "safe", "i think so", "i think i'm ok", "ya im fine",
        "im fine lol", "i'm fine thanks", "fine", "all good", "i'm alright", "i'm good",
        "i will be ok", "feeling better", "no im fine", "no i'm okay", "nah i'm good",
        "no, i'm fine", "no im safe", "No I'm ok now", "nope all good", "i'm not in danger",
        "ok im ok now", "ok i feel better", "okay im safe",
    ],
)
def test_safe_answers(text: str) -> None:
    assert read_safety_answer(text) == "safe"


@pytest.mark.parametrize(
    "text",
    [
        "idk", "IDK", "i dont know", "I don't know", "i really dont know", "dunno", "no idea",
        "maybe", "Maybe...", "maybe not", "not sure", "im not sure", "I'm not really sure",
        "unsure", "kind of", "kinda", "sort of", "i guess", "a bit", "possibly", "probably",
        "hard to say", "i hope so", "50/50", "sometimes", "yes and no", "i think so?", "ok?",
        "idk honestly", "um not sure",
    ],
)
def test_unsure_answers(text: str) -> None:
    assert read_safety_answer(text) == "unsure"


@pytest.mark.parametrize(
    "text",
    [
        "", "   ", "🙂", "Sarah", "my mum", "what do you mean?", "why are you asking",
        "he left me yesterday and i keep thinking about him",
        "no he blocked me on everything and i don't know what to do with myself",
        "yesterday was the worst day of my life honestly i can't stop crying about it all",
        "can i text him", "how long does no contact last", "you?", "lol",
    ],
)
def test_anything_else_is_not_an_answer(text: str) -> None:
    assert read_safety_answer(text) is None


def test_a_long_message_is_never_read_as_safe() -> None:
    text = "yes " + "i keep thinking about it " * 5
    assert read_safety_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i don't know", "I dont know", "idk", "IDK lol", "dunno", "no idea", "No clue",
        "nobody", "Nobody really.", "no one", "noone", "none", "nothing", "nothing really",
        "not sure", "i'm not sure", "um i don't know", "i can't think of anyone",
        "cant think of anything", "i have nobody", "there's no one", "i don't have anyone",
        "nothing comes to mind", "no", "nope", "nah", "pass", "skip", "not really",
    ],
)
def test_dont_know(text: str) -> None:
    assert is_dont_know(text)


@pytest.mark.parametrize(
    "text",
    [
        "", "my sister", "call my mum", "going for a walk", "music helps", "Sam from work",
        "the crisis line", "my bedroom with the door locked", "i know my best friend would",
        "nobody would ever understand but maybe my brother",
    ],
)
def test_real_answers_are_not_dont_know(text: str) -> None:
    assert not is_dont_know(text)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("my sister maybe", "sister"), ("Mom.", "mom"), ("i could call my friend", "friend"),
        ("my sis", "sister"), ("I guess my bff?", "best friend"), ("maybe my mum could come",
        "mum"), ("my brother is home", "brother"), ("probably my dad", "dad"),
        ("i can text my best friend", "best friend"), ("my neighbour", "neighbour"),
        ("my therapist i guess", "therapist"), ("grandma", "grandma"),
    ],
)
def test_a_person_they_could_reach_is_named(text: str, who: str) -> None:
    assert person_named(text) == who


@pytest.mark.parametrize(
    "text",
    [
        "my ex", "my boyfriend", "i hate my mom", "my sister is not answering", "somewhat",
        "my friend said i should talk to you about how bad it has been this week", "no",
        "my mom would be so disappointed in me", "i miss my dad", "friends are useless",
    ],
)
def test_no_person_is_read_where_none_is_offered(text: str) -> None:
    assert person_named(text) is None


@pytest.mark.parametrize(
    "text",
    ["no one", "nobody", "i have no one", "im alone", "no i have nobody",
     "not really, no one to call", "theres noone", "i'm all alone", "no one to talk to"],
)
def test_nobody_to_reach(text: str) -> None:
    assert is_no_one(text)


@pytest.mark.parametrize(
    "text",
    ["no", "my sister", "nobody would notice if i was gone and i think about it all the time",
     "i want to be alone with my thoughts for a bit", "alone again tonight because he left"],
)
def test_not_read_as_nobody(text: str) -> None:
    assert not is_no_one(text)


@pytest.mark.parametrize(
    "text",
    ["she isnt answering", "he didnt pick up", "voicemail", "shes asleep",
     "they are sleeping", "no answer", "my mom is not picking up", "cant get through"],
)
def test_the_person_cannot_be_reached(text: str) -> None:
    assert is_unreachable(text)


@pytest.mark.parametrize(
    "text", ["i called my mom", "im sleeping badly lately", "she answered", "no", "yes"]
)
def test_not_read_as_unreachable(text: str) -> None:
    assert not is_unreachable(text)


@pytest.mark.parametrize(
    "text",
    ["what should i do", "what now??", "help me", "so what do i do now?", "tell me what to do",
     "i dont know what to do anymore", "how do i stay safe tonight", "what should i do about him"],
)
def test_asking_what_to_do_is_a_question_not_an_answer(text: str) -> None:
    assert asks_what_to_do(text)


@pytest.mark.parametrize(
    "text", ["what do you mean", "i dont know", "what should i do with my life lol", "no", "ok"]
)
def test_other_replies_are_not_asking_what_to_do(text: str) -> None:
    assert not asks_what_to_do(text)


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("i want to hurt myself", None),  # wanted, not done (seventh probe)
        ("i really want to hurt myself tonight", None),
        ("im going to take them all", None),
        ("i took 10 pills and i want to take more", "taken"),  # the wish does not hide the act
        ("i cut myself and i want to cut again", "injured"),
        ("already took some", "taken"),
        ("ho preso le pillole", "taken"),
        ("i want to cut but i already cut myself twice", "injured"),
    ],
)
def test_what_is_wanted_is_not_done_but_what_is_done_still_is(
    text: str, done: str | None
) -> None:
    assert done_to_self(text) == done


def test_where_the_one_at_risk_is_means_a_place_on_a_map() -> None:
    # Round 30's terminal chat: "he's in hospital" gave India's lines to a person in Glasgow
    # ("hospital" matched a place name).
    assert their_place("his sister rang, he took a load of pills and hes in hospital", {}) is None
    assert their_place("she's in a bad way, her mum says", {}) is None
    assert their_place("my friend in toronto says she wants to die", {}) == "CA"


@pytest.mark.parametrize(("text", "still", "breaking", "shaking", "going"), [
    # the terminal chat's four (Dublin), and their look-alikes in a talk about danger
    ("he's still there", True, False, False, False),
    ("hes still waiting outside", True, False, False, False),
    ("he wont leave me alone", False, False, False, False),  # harassment, not at the door
    ("he is still waiting for me to reply", False, False, False, False),
    ("what if he breaks the door", False, True, False, False),
    ("he's trying to get in", False, True, False, False),
    ("ok i got in a taxi", False, False, False, False),
    ("he got in touch with my mum", False, False, False, False),
    ("im shaking", False, False, True, False),
    ("my heart is still racing", False, False, True, False),
    ("im so scared", False, False, False, False),  # fear, not the body after a fright
    ("can i sleep at my sisters", False, False, False, True),
    ("im going to stay with a friend tonight", False, False, False, True),
    ("can i go to sleep", False, False, False, False),
])
def test_at_the_door_what_is_told_is_told_apart(
    text: str, still: bool, breaking: bool, shaking: bool, going: bool
) -> None:
    assert (still_there(text), breaking_in(text), shaken(text), going_to_stay(text)) == (
        still, breaking, shaking, going
    )


@pytest.mark.parametrize(("text", "back"), [
    ("but he'll be back tomorrow probably", True),
    ("he is coming back tomorrow", True),
    ("hes coming back tonight", True),
    ("they are coming back later", True),
    ("she always comes back", True),
    ("he is coming back with the kids", False),  # a handover, not a return to frighten
    ("i hope he is coming back to me", False),  # wanting them back, not danger
    ("he came back with my keys", False),
])
def test_the_one_who_frightened_them_expected_back(text: str, back: bool) -> None:
    assert comes_back(text) is back


@pytest.mark.parametrize(
    ("typed", "tool"),
    [("make a safety plan", "plan"), ("📝 Make a safety plan", "plan"),
     ("safety plan pls", "plan"), ("can you help me calm down", "ground"),
     ("the breathing exercise", "ground"), ("crisis lines", "lines"),
     ("send me the helpline numbers", "lines"),
     ("how do i make a plan to get him back", None), ("my safety plan is to block him", None),
     ("calm down he said", None), ("crisis lines are useless", None)],
)
def test_a_safety_button_typed(typed: str, tool: str | None) -> None:
    assert safety_tool_asked(typed) == tool


# Session 28's readings, with the look-alikes that must not trip them


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i just feel like i ruined my streak. like the self harm one not the NC one", True),
        ("i relapsed and cut deep, its bleeding a lot", False),  # a serious wound: its own reply
        ("i relapsed and cut myself again tonight", False),  # something done: its own reply
    ],
)
def test_a_relapse_told_is_never_read_over_a_fresh_wound(text: str, expected: bool) -> None:
    assert ruined_streak(text) is expected


@pytest.mark.parametrize(
    ("text", "avoid", "meet"),
    [
        ("should I go to the 8am service instead so I don't see them", True, False),
        ("should i switch churches? its been my church for 10 years", True, False),
        ("should i go see him instead", False, True),  # going to them: never "that's allowed"
        ("should i go meet him instead", False, True),
    ],
)
def test_keeping_distance_is_told_apart_from_going_to_them(
    text: str, avoid: bool, meet: bool
) -> None:
    assert (plans_to_avoid(text), asks_to_meet_them(text)) == (avoid, meet)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no more sunday summaries pls", None),
        ("no worries", None),
        ("no", "unsafe"),
        ("no not really", "unsafe"),
        ("ya estoy bien", "safe"),
        ("ich bin okay, wirklich", "safe"),
    ],
)
def test_a_request_that_opens_with_no_is_not_no_to_are_you_safe(
    text: str, expected: str | None
) -> None:
    assert read_safety_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("my parents cant find out about this", True),
        ("i can't tell my wife, she'd never look at me the same", True),
        ("nobody can know about this ok", True),
        ("i dont want my family to know", True),
        ("if my mom finds out im dead", True),
        ("my mum is home", False),  # someone near: go to them
        ("my sister maybe", False),  # someone to reach
        ("my parents know", False),
        ("can i tell my parents", False),
        ("i dont want to tell my mum but i will", False),
    ],
)
def test_what_is_kept_from_someone_close_is_told_apart_from_someone_to_reach(
    text: str, kept: bool
) -> None:
    assert keeps_it_from(text) is kept


@pytest.mark.parametrize(
    ("text", "young"),
    [
        ("im 15 and i want to die", True),
        ("i'm only 14 and nobody cares", True),
        ("im in year 10 and he keeps messaging me", True),
        ("my sister is 15 and i want to die", False),
        ("im 15 days in and i want to die", False),
        ("i am 17 weeks pregnant", False),
    ],
)
def test_a_young_person_s_own_age_is_told_apart_from_other_numbers(
    text: str, young: bool
) -> None:
    assert says_young(text) is young


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("i am think to hurt myself. have knife in kitchen", None),  # wanted, not done
        ("theyre my mums antidepressants i took them from the bathroom", None),  # fetched
        ("i took them from my mums cabinet and swallowed them all", "taken"),
        ("i took the pills from the drawer and took like 8", "taken"),
        ("i hurt myself again", "injured"),
    ],
)
def test_pills_fetched_or_harm_thought_of_is_not_something_done(
    text: str, done: str | None
) -> None:
    assert done_to_self(text) == done


def _country_names() -> dict[str, str]:
    from bot.core.content import load_content

    helplines = load_content().helplines
    assert helplines is not None
    return {entry.name.casefold(): code for code, entry in helplines.countries.items()}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("moro no brasil", "BR"),
        ("tô em são paulo", "BR"),
        ("je suis en france, à lyon", "FR"),
        ("im from the philippines, manila", "PH"),
        ("india mein hu, delhi", "IN"),
        ("im in sao paulo", "BR"),
        ("to cansada", None),  # "I'm tired", not Canada
        ("my ex is from germany", None),  # where the ex is from, not where they are
    ],
)
def test_where_they_are_is_read_in_their_own_words(text: str, code: str | None) -> None:
    assert country_said(text, _country_names()) == code


# Session 30's chats: each reading against its look-alikes (the words that must not fire it)
@pytest.mark.parametrize(
    ("reading", "text", "expected"),
    [
        ("fears_police", "i dont want the police coming to my house", True),
        ("fears_police", "what if they send police", True),
        ("fears_police", "will they lock me up", True),
        ("fears_police", "i dont want to go to a psych ward", True),
        ("fears_police", "they will arrest me, attempting suicide is a crime here", True),
        ("fears_police", "i called the police", False),
        ("fears_police", "should i call the police", False),
        ("called_them", "i already called them", True),
        ("called_them", "i rang them", True),
        ("called_them", "i texted him again", False),
        ("no_credit", "i dont have credit", True),
        ("no_credit", "ran out of airtime", True),
        ("no_credit", "i have no credit card", False),
        ("kids_there", "the kids are asleep", True),
        ("kids_there", "my son is here with me", True),
        ("kids_there", "the kids are at school", False),
        ("they_are_here", "he's in the waiting room", True),
        ("they_are_here", "she just walked in", True),
        ("they_are_here", "he doesnt know where my sister lives", False),
        ("was_choked", "he choked me last night", True),
        ("was_choked", "his hands around my throat", True),
        ("was_choked", "i choked on my coffee", False),
        ("police_refused", "i called the police they said they cant do anything", True),
        ("police_refused", "police did nothing", True),
        ("police_refused", "the police are on their way", False),
        ("kids_taken", "he took my kids and wont give them back", True),
        ("kids_taken", "he took my kids to school", False),
        ("asks_what_meant", "what do you mean", True),
        ("asks_what_meant", "wdym", True),
        ("asks_what_meant", "what do you mean he texted", False),
        ("settles_affairs", "i gave my dog to my sister today and wrote a will", True),
        ("settles_affairs", "putting my affairs in order", True),
        ("settles_affairs", "gave his hoodies to goodwill", False),
        ("medically_cleared", "they stitched it up and sent me home", True),
        ("medically_cleared", "i stitched my jeans up", False),
        ("reached_help", "vale llamé al 024", True),
        ("reached_help", "liguei pro 188 mas ninguem atende", False),
        ("is_unreachable", "liguei pro 188 mas ninguem atende", True),
        ("is_unreachable", "nobody answers", True),
        ("waiting_for_help", "me dijeron que espere", True),
        ("means_at_hand", "pankha aur dupatta hai room mein", True),
        ("none_of_theirs", "i dont know where he is", True),
        ("none_of_theirs", "his mom doesnt pick up", True),
        ("cannot_speak", "i cant talk out loud my mum is asleep next door", True),
        ("cannot_speak", "i cant talk about it", False),
        ("on_hold", "they put me on hold", True),
        ("on_hold", "put our wedding plans on hold", False),
        ("at_hospital", "im at the hospital now", True),
        ("at_hospital", "my mum is at the hospital for her knee, can you talk", False),
        ("at_hospital", "my mom drove me to the ER, im in the waiting room now", True),
        ("on_hold", "still on hold its been 10 min", True),
        ("hospital_wait", "they said it could be hours", True),
        ("hospital_wait", "i just want to go home and sleep", True),
        ("hospital_wait", "the nurse was kind", False),
        ("hospital_wait", "leave me alone", False),
        ("safety_tool_asked", "have a plan", None),  # one they have: the crisis reply's
        ("reached_help", "ok someone is talking to me now", True),
        ("police_refused", "i called the police last time and they did nothing", True),
        ("asks_about_lines", "i cant call anyone i can only text", True),
        ("fears_police", "i dont want an ambulance", False),  # the objection, its own reply
    ],
)
def test_session_30_readings(reading: str, text: str, expected: bool) -> None:
    from bot.services import safety_answers

    assert getattr(safety_answers, reading)(text) is expected, text


@pytest.mark.parametrize(
    ("reading", "text", "expected"),
    [
        ("told_to_go", "they said to go to a&e", True),
        ("told_to_go", "the nurse told me i should go to the ER", True),
        ("told_to_go", "111 said i need to go to hospital tonight", True),
        ("told_to_go", "they want me to go to the hospital", True),
        ("told_to_go", "im at the hospital now", False),  # there already: at_hospital
        ("told_to_go", "my mom went to the hospital for her knee", False),
        ("told_to_go", "they said to call back later", False),
    ],
)
def test_session_31_readings(reading: str, text: str, expected: bool) -> None:
    from bot.services import safety_answers

    assert getattr(safety_answers, reading)(text) is expected, text


@pytest.mark.parametrize(
    ("reading", "text", "expected"),
    [
        ("going_in", "they said go in. my roommate is driving me", True),
        ("going_in", "he's taking me", True),
        ("going_in", "on my way to the er", True),
        ("going_in", "my mum is driving me home from work", False),
        ("told_to_go", "they said go in", True),
        ("came_back_inside", "i came back inside", True),
        ("came_back_inside", "ok i got down from the roof", True),
        ("came_back_inside", "i went back to bed", False),
        ("has_family_number", "i have his mom's number", True),
        ("has_family_number", "her sister's number i have", True),
        ("has_family_number", "i have his number", False),
        ("told_them_so", "ok i messaged her", True),
        ("told_them_so", "i messaged her last week about the keys", False),
        ("will_call", "ok. maybe i'll ring samaritans", True),
        ("will_call", "i might call them", True),
        ("doubts_threat", "he's done this before, its just to get me to reply right?", True),
        ("doubts_threat", "its just drama", True),
        ("breaking_in", "he's knocking on the bathroom door", True),
        ("breaking_in", "someone knocked on the door earlier, it was the postman", False),
        ("reached_help", "ok i called poison control", True),
        ("person_near", "acha ok. my brother is awake", True),
        ("person_near", "my sister is upset with me", False),
    ],
)
def test_session_31_more_readings(reading: str, text: str, expected: bool) -> None:
    from bot.services import safety_answers

    got = getattr(safety_answers, reading)(text)
    assert bool(got) is expected, text


@pytest.mark.parametrize("text", ["saturday", "perdón", "sige", "salamat"])
def test_days_and_sorry_are_no_ones_name(text: str) -> None:
    from bot.services.safety_answers import person_named

    assert person_named(text) is None


def test_brand_names_of_paracetamol_are_something_taken() -> None:
    from bot.services.safety_answers import done_to_self

    assert done_to_self("so i had a few drinks and then took a whole strip of crocin") == "taken"
    assert done_to_self("took 20 biogesic") == "taken"


@pytest.mark.parametrize(
    ("reading", "text", "expected"),
    [
        ("back_in_talk", "sorry. i'm back", True),
        ("back_in_talk", "sorry i went quiet", True),
        ("back_in_talk", "im back. i took the pills", False),
        ("back_in_talk", "he's back", False),
        ("step_done", "I went for a walk", True),
        ("step_done", "i'm in my room now", True),
        ("step_done", "ok i had a shower", True),
        ("step_done", "made some tea", True),
        ("step_done", "i went for a walk to the bridge", False),
        ("step_done", "i'm in my room with the pills", False),
        ("step_done", "i went out to buy rope", False),
        ("still_heavy", "still feel shit though", True),
        ("still_heavy", "it's not working", True),
        ("still_heavy", "i'm still shaking", True),
        ("still_heavy", "didnt help", True),
        ("still_heavy", "still feel like dying", False),
        ("still_heavy", "the pills are not working yet", False),
        ("wound_tended", "i'll put a bandage on it", True),
        ("wound_tended", "cleaned it and put a plaster on", True),
        ("wound_tended", "i put a bandage on but its bleeding worse", False),
        ("plan_saved", "done", True),
        ("plan_saved", "ok saved it", True),
        ("plan_saved", "done. i still want to die", False),
        ("feels_better", "a bit better i guess", True),
        ("feels_better", "better off dead", False),
    ],
)
def test_session_35_readings(reading: str, text: str, expected: bool) -> None:
    from bot.services import safety_answers

    got = getattr(safety_answers, reading)(text)
    assert bool(got) is expected, text


@pytest.mark.parametrize(
    ("reading", "text", "expected"),
    [
        ("their_means", "he has a gun at his place", True),
        ("their_means", "she has pills", True),
        ("their_means", "he has a gun and hes coming here", False),
        ("their_means", "he has a gun, he said he will shoot me", False),
        ("their_means", "i have my dads gun", False),
        ("their_weapon", "he has a gun at his place", True),
        ("their_weapon", "she has pills", False),
        ("cannot_secure", "i can't lock it, i don't have a key", True),
        ("cannot_secure", "i locked it", False),
        ("feels_awful", "i feel sick", True),
        ("feels_awful", "i feel sick of him", False),
    ],
)
def test_session_35_more_readings(reading: str, text: str, expected: bool) -> None:
    from bot.services import safety_answers

    got = getattr(safety_answers, reading)(text)
    assert bool(got) is expected, text


@pytest.mark.parametrize(
    ("text", "country"),
    [("America/New_York", "US"), ("new york", "US"), ("Asia/Manila", "PH"), ("anna", None),
     ("dad", None), ("hannah", None), ("my mum", None), ("i want to die", None)],
)
def test_a_zone_typed_in_the_talk_names_its_country_never_a_name(
    text: str, country: str | None
) -> None:
    from bot.services.safety_answers import zone_country

    assert zone_country(text) == country


@pytest.mark.parametrize(
    ("reading", "text", "expected"),
    [
        ("puts_away", "sige, nilagay ko na sa kusina yung pills", True),
        ("puts_away", "los guardé en la cocina", True),
        ("puts_away", "ich habe sie weggelegt", True),
        ("puts_away", "la deje en paz", False),
        ("wont_call", "I no fit call anybody, dem go laugh me", True),
        ("wont_call", "no puedo llamar a nadie", True),
        ("wont_call", "ich will niemanden anrufen", True),
        ("reached_help", "ok i don go meet am", True),
        ("reached_help", "i don tire", False),
    ],
)
def test_session_35_other_language_readings(reading: str, text: str, expected: bool) -> None:
    from bot.services import safety_answers

    got = getattr(safety_answers, reading)(text)
    assert bool(got) is expected, text


@pytest.mark.parametrize(
    ("text", "answer"),
    [("ok lang ako siguro", "unsure"), ("siguro ok lang ako", "unsure")],
)
def test_okay_maybe_in_tagalog_is_unsure(text: str, answer: str) -> None:
    from bot.services.safety_answers import read_safety_answer

    assert read_safety_answer(text) == answer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i went for a walk to the bridge", True),
        ("i'm on the roof of my apartment building", True),
        ("standing at the edge", True),
        ("we went to the bridge club", False),
        ("i am at the edge of giving up", False),
        ("i came down off the roof", False),
    ],
)
def test_at_a_height(text: str, expected: bool) -> None:
    from bot.services.safety_answers import at_a_height

    assert at_a_height(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he's still in the flat", True),
        ("hes in the kitchen", True),
        ("she's asleep in the other room", True),
        ("we live together", True),
        ("he lives with me", True),
        ("he's downstairs", True),
        ("he's outside the flat", False),
        ("he's in the car outside my house", False),
        ("we used to go to the kitchen together", False),
        ("i'm in the flat", False),
    ],
)
def test_in_the_home(text: str, expected: bool) -> None:
    assert in_the_home(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fact of where he is, or of whom they told: not "no, I'm not safe" (session 39)
        ("no he lives 2 hours away", None),
        ("no i havent told anyone", None),
        # ... but a "no" with him near, or gone for a weapon, still is
        ("no he is outside", "unsafe"),
        ("no he went to get his gun", "unsafe"),
        # a request about the daily messages, not an answer
        ("no messages this weekend", None),
        # yes, no and "I don't know" in the scripts normalising leaves nothing of
        ("아니요", "unsafe"),
        ("нет", "unsafe"),
        ("네", "safe"),
        ("не знаю", "unsure"),
    ],
)
def test_no_with_a_fact_and_answers_in_other_scripts(text: str, expected: str | None) -> None:
    assert read_safety_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "going"),
    [
        ("he's waking up i have to go", True),
        ("gotta go he's coming", True),
        ("se esta despertando", True),
        ("tengo que irme ya", True),
        ("ele acordou", True),
        ("je dois y aller", True),
        ("er wacht auf", True),
        ("он проснулся", True),
        ("ya llegó", True),
        ("el volvio a casa", True),
        # going somewhere later, or the kids, or a parcel come
        ("por fin el paquete llegó", False),
        ("tengo que irme a trabajar mañana", False),
        ("i have to go to work tomorrow", False),
    ],
)
def test_having_to_go_now_with_the_one_feared_close(text: str, going: bool) -> None:
    from bot.services.safety_answers import must_go

    assert must_go(text) is going


@pytest.mark.parametrize(
    ("text", "asleep"),
    [
        ("he's asleep now", True),
        ("ya se durmio", True),
        ("ele ta dormindo", True),
        ("он спит", True),
        ("the kids are asleep", False),
        ("los niños están dormidos", False),
    ],
)
def test_the_one_feared_asleep(text: str, asleep: bool) -> None:
    from bot.services.safety_answers import asleep_there

    assert asleep_there(text) is asleep


@pytest.mark.parametrize(
    "text",
    ["nao quero numero de telefone nenhum", "no quiero numeros", "no me des numeros por favor",
     "je veux pas de numero", "keine nummern bitte", "number mat do yaar"],
)
def test_no_more_numbers_in_other_languages(text: str) -> None:
    # a helper's chat, session 40: the Portuguese left the talk for the English-only notice
    from bot.services.safety_answers import no_more_numbers

    assert no_more_numbers(text)
