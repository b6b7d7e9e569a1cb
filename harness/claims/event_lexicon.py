"""Trigger words of each event type, and the cues that negate a trigger.

Each pattern is a regular expression over lower-cased text matching the inflected forms of one trigger; the
nominal forms ("invitation", "refusal") are listed apart because their agent is read differently. Some verbs
state the negative of a type ("skip", "boycott", "stay away from", "shun" = not ATTEND): their polarity is
inverted, so "will not skip" is a positive ATTEND. A type goes by the act, not the word: "sent its troops"
into a country is INVADE. A noun trigger that is the object of a light verb ("hold talks", "begin
negotiations") is negated with that verb ("would not hold talks", "refused to hold talks").
"""

from __future__ import annotations

import re

VERB_TRIGGERS: dict[str, tuple[str, ...]] = {
    "INVITE": (r"invit(?:e|es|ed|ing)",),
    "ACCEPT": (r"accept(?:s|ed|ing)?", r"agree(?:s|d|ing)?"),
    "DECLINE": (r"declin(?:e|es|ed|ing)", r"refus(?:e|es|ed|ing)", r"turn(?:s|ed|ing)? down", r"decided against"),
    "REJECT": (r"reject(?:s|ed|ing)?", r"dismiss(?:es|ed|ing)?", r"brush(?:es|ed|ing)? (?:aside|off)"),
    "OFFER": (r"offer(?:s|ed|ing)",),
    "REQUEST": (r"request(?:s|ed|ing)?", r"call(?:s|ed|ing)? (?:up)?on", r"urg(?:e|es|ed|ing)", r"ask(?:s|ed|ing)?"),
    "ACCUSE": (r"accus(?:e|es|ed|ing)",),
    "DENY": (r"den(?:y|ies|ied|ying)",),
    "CRITICIZE": (r"critici[sz](?:e|es|ed|ing)", r"condemn(?:s|ed|ing)?"),
    "MEET": (r"met", r"meet(?:s)?"),
    "TALKS": (r"negotiat(?:e|es|ed|ing)",),
    "ATTEND": (
        r"attend(?:s|ed|ing)?",
        r"(?:take|takes|took|taking) part",
        r"participat(?:e|es|ed|ing)",
        r"(?<=not )go",
        r"(?<=n't )go",
    ),
    "SEND": (r"send(?:s|ing)?", r"sent"),
    "CONTACT": (r"contact(?:s|ed|ing)?",),
    "ATTACK": (r"attack(?:s|ed|ing)?",),
    "KILL": (r"kill(?:s|ed|ing)?",),
    "INVADE": (r"invad(?:e|es|ed|ing)", r"sen(?:d|ds|ding|t) (?:its |their |his |her )?troops(?= into)"),
    "OCCUPY": (r"occup(?:y|ies|ied|ying)",),
    "FIGHT": (r"fight(?:s|ing)?", r"fought", r"clash(?:es|ed|ing)?"),
    "SUPPLY": (r"suppl(?:y|ies|ied|ying)",),
    "SUPPORT": (r"support(?:s|ed|ing)?",),
    "CONFIRM": (r"confirm(?:s|ed|ing)?",),
    "ANNOUNCE": (r"announc(?:e|es|ed|ing)",),
    "REGRET": (r"regret(?:s|ted|ting)?",),
    "PRAISE": (r"prais(?:e|es|ed|ing)", r"hail(?:s|ed|ing)?"),
    "BAN": (r"bann?(?:s|ed|ing)?",),
    "CONTROL": (r"control(?:s|led|ling)?",),
}

INVERTED_VERB_TRIGGERS: dict[str, tuple[str, ...]] = {
    "ATTEND": (
        r"skip(?:s|ped|ping)?",
        r"boycott(?:s|ed|ing)?",
        r"(?:stay|stays|stayed|staying|keep|keeps|kept|keeping) away(?: from)?",
        r"shun(?:s|ned|ning)?",
    ),
}
"""Verbs that state the negative of their type: "skip the talks" is ATTEND with negative polarity."""

NOUN_TRIGGERS: dict[str, tuple[str, ...]] = {
    "INVITE": (r"invitations?",),
    "ACCEPT": (r"acceptance",),
    "DECLINE": (r"refusal",),
    "REJECT": (r"rejection",),
    "OFFER": (r"offers?",),
    "REQUEST": (r"requests?",),
    "ACCUSE": (r"accusations?",),
    "DENY": (r"denials?",),
    "ATTEND": (r"participation", r"attendance"),
    "INVADE": (r"invasions?",),
    "OCCUPY": (r"occupation",),
    "ANNOUNCE": (r"announcements?",),
    "TALKS": (r"talks", r"negotiations?"),
}

NEGATION_CUES = re.compile(
    r"\b(?:not|never|no longer|(?:have|has|had) yet to|yet to|fail(?:s|ed)? to|"
    r"(?:refus|declin)(?:e|es|ed|ing)(?: \w+){0,2} to|decided against)\b|n't\b"
)
"""A cue within a few words before a trigger flips its polarity ("will not attend", "declined the offer to attend")."""

LIGHT_VERB = re.compile(
    r"\b(?:hold|holds|held|holding|begin|begins|began|begun|beginning|start|starts|started|starting|"
    r"open|opens|opened|opening|resume|resumes|resumed|resuming|conduct|conducts|conducted|conducting|"
    r"launch|launches|launched|launching|enter(?:s|ed|ing)? into|join|joins|joined|joining)"
    r"(?:\s+[\w'\u2019-]+){0,2}\s+$",
    re.IGNORECASE,
)
"""A light verb right before a noun trigger (at most two modifiers between): "hold direct talks"."""

NEGATION_WINDOW = 3
"""How many words may stand between a negation cue and its trigger."""


def _compile(table: dict[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern[str]]]:
    return [
        (event_type, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE))
        for event_type, patterns in table.items()
        for pattern in patterns
    ]


VERB_PATTERNS = _compile(VERB_TRIGGERS)
INVERTED_VERB_PATTERNS = _compile(INVERTED_VERB_TRIGGERS)
NOUN_PATTERNS = _compile(NOUN_TRIGGERS)
