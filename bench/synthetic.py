"""Seeded synthetic news clusters of Multi-News size: about 2,000 source words and 260-word summaries.

Every sentence comes from a template filled from a fixed vocabulary, so every scorer has work: counts with
qualifiers ("nearly 40 soldiers"), percents, money, dates ("Sept. 4", "on Wednesday"), named people with
titles, organisations and places, quotations with speakers, and event verbs. A cluster's facts are drawn
once and shared by its documents and summaries; a summary keeps most of them and alters a few (another
number, a flipped event, a reworded quote), as a real model's summary would.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words("Amina Boris Carlos Dina Elif Farid Greta Hamid Irina Jonas Karim Lena Marco Nadia Omar Petra")
LAST = _words("Haidari Volkov Mendes Okafor Yilmaz Rahimi Larsen Nazari Petrova Berg Saleh Novak Rossi Aziz Kaya")
TITLES = _words("minister spokesman governor commander ambassador envoy president senator mayor general")
ORGS = [
    "the United Nations", "the European Union", "NATO", "the Red Cross", "the World Bank", "the Taliban",
    "the Foreign Ministry", "the Interior Ministry", "Reuters", "the central bank", "the electoral commission",
]  # fmt: skip
PLACES = _words("Moscow Kabul Geneva Doha Istanbul Tashkent Islamabad Berlin Nairobi Lima Jakarta Oslo Cairo")
NOUNS = _words("countries soldiers civilians delegates districts schools refugees villages officials workers")
EVENTS = [
    ("accepted", "rejected"), ("attended", "boycotted"), ("agreed", "refused"), ("announced", "denied"),
    ("supported", "opposed"), ("welcomed", "condemned"),
]  # fmt: skip
QUALIFIERS = ["", "", "", "nearly ", "more than ", "at least ", "around ", "fewer than ", "up to "]
NUMBER_WORDS = _words("two three four five six seven eight nine ten eleven twelve")
MONTHS = _words("Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.")
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday")
QUOTE_WORDS = _words(
    "we will not accept any conditions that the other side sets before the talks begin and our people "
    "deserve peace security and a future without war so we call on everyone to join this process now"
)
FILLER = _words(
    "the meeting follows months of preparation by diplomats from the region who have tried to bring the "
    "parties together despite deep divisions over the agenda the schedule and the list of participants"
)


@dataclass(frozen=True)
class Fact:
    """One sentence-sized fact of a cluster, in its source form and with a way to alter it."""

    sentence: str
    altered: str


@dataclass(frozen=True)
class Cluster:
    """Source documents, the reference summary, and the publication date of a synthetic story."""

    id: str
    documents: dict[str, str]
    reference: str
    published: date
    facts: tuple[Fact, ...]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _count(rng: random.Random) -> tuple[str, str]:
    number = rng.choice([rng.randint(2, 99), rng.randint(100, 9999), rng.randint(2, 12)])
    written = NUMBER_WORDS[number - 2] if number <= 12 and rng.random() < 0.5 else f"{number:,}"
    other = f"{number + rng.randint(1, 9):,}"
    return written, other


def _fact(rng: random.Random, published: date) -> Fact:
    """One templated sentence and a variant of it with a changed number, date, event or quote."""
    kind = rng.randrange(6)
    person, place, org = _person(rng), rng.choice(PLACES), rng.choice(ORGS)
    if kind == 0:
        written, other = _count(rng)
        qualifier, noun = rng.choice(QUALIFIERS), rng.choice(NOUNS)
        text = f"{org[0].upper() + org[1:]} said {qualifier}{{n}} {noun} had been invited to the talks in {place}."
        return Fact(text.format(n=written), text.format(n=other))
    if kind == 1:
        share = rng.randint(5, 95)
        text = f"Around {{p}} percent of the {rng.choice(NOUNS)} in {place} are under {org} control, officials said."
        return Fact(text.format(p=share), text.format(p=share + rng.randint(3, 20)))
    if kind == 2:
        day = published + timedelta(days=rng.randint(3, 40))
        later = day + timedelta(days=rng.randint(1, 9))
        text = f"The talks in {place} are due to open on {{d}}, {person}, the {rng.choice(TITLES)}, said on {{w}}."
        weekday = rng.choice(WEEKDAYS)
        return Fact(
            text.format(d=f"{MONTHS[day.month - 1]} {day.day}", w=weekday),
            text.format(d=f"{MONTHS[later.month - 1]} {later.day}", w=weekday),
        )
    if kind == 3:
        start = rng.randrange(len(QUOTE_WORDS) - 14)
        words = QUOTE_WORDS[start : start + rng.randint(8, 14)]
        changed = list(words)
        changed[len(words) // 2] = rng.choice(FILLER)
        text = f'"{{q}}," {person}, the {rng.choice(TITLES)} of {org}, told reporters in {place}.'
        return Fact(text.format(q=" ".join(words).capitalize()), text.format(q=" ".join(changed).capitalize()))
    if kind == 4:
        done, undone = rng.choice(EVENTS)
        text = f"{person} {{v}} the invitation from {org} to the conference in {place} last week."
        return Fact(text.format(v=done), text.format(v=undone))
    amount, years = rng.randint(2, 900), rng.randint(2, 40)
    giver = org[0].upper() + org[1:]
    text = f"{giver} pledged ${{a}} million in aid, {{y}} years after the war in {place} began in {{when}}."
    return Fact(
        text.format(a=amount, y=years, when=published.year - years),
        text.format(a=amount + rng.randint(5, 50), y=years, when=published.year - years),
    )


def _filler(rng: random.Random) -> str:
    start = rng.randrange(len(FILLER) - 12)
    return " ".join(FILLER[start : start + rng.randint(9, 14)]).capitalize() + "."


def _text(rng: random.Random, parts: list[str], words: int) -> str:
    """Sentences drawn from `parts` (and filler) until the text reaches `words` words."""
    chosen: list[str] = []
    count = 0
    while count < words:
        sentence = rng.choice(parts) if rng.random() < 0.7 else _filler(rng)
        chosen.append(sentence)
        count += len(sentence.split())
    paragraphs = [" ".join(chosen[i : i + 4]) for i in range(0, len(chosen), 4)]
    return "\n\n".join(paragraphs)


def make_cluster(index: int, seed: int, *, documents: int = 5, source_words: int = 2000) -> Cluster:
    """Cluster `index` of the seeded series: `documents` articles of `source_words` words in all."""
    rng = random.Random(f"{seed}-{index}")
    published = date(2018, 1, 1) + timedelta(days=rng.randrange(365 * 5))
    facts = tuple(_fact(rng, published) for _ in range(24))
    sources = [fact.sentence for fact in facts]
    texts = {
        f"synthetic-{index}/{number}": f"{rng.choice(PLACES).upper()} (Reuters) - "
        + _text(rng, sources, source_words // documents)
        for number in range(documents)
    }
    return Cluster(
        id=f"synthetic-{index}",
        documents=texts,
        reference=summary(rng, facts, altered_share=0.0),
        published=published,
        facts=facts,
    )


def summary(rng: random.Random, facts: tuple[Fact, ...], *, words: int = 260, altered_share: float = 0.15) -> str:
    """A summary of about `words` words from the cluster's facts, a share of them altered."""
    chosen: list[str] = []
    count = 0
    while count < words:
        fact = rng.choice(facts)
        sentence = fact.altered if rng.random() < altered_share else fact.sentence
        chosen.append(sentence)
        count += len(sentence.split())
    return " ".join(chosen)


def summaries(cluster: Cluster, count: int, seed: int) -> Iterator[str]:
    """`count` model summaries of one cluster, each a different seeded draw."""
    for number in range(count):
        yield summary(random.Random(f"{seed}-{cluster.id}-{number}"), cluster.facts)
