"""Entity verdicts: is each entity a summary names found in the sources, with the role the summary gives it?

`supported`: the entity is named (by any name, alias or metonym) in a source document's content; the evidence
is a gold mention (with its annotation id) or, gold-free, the source span. `unsupported`: named in no source.
A name the sources write only in page furniture is supported only where the summary copies that passage word
for word (`copied_passage`); a fuller name than the sources write is supported by its surname when no given
name conflicts (`verdicts.names`). `wrong_role`: the summary gives a person a title that neither the
inventory's roles nor any source sentence naming that person gives them (compared on title words and
proper-word stems, see `claims.roles.role_keys`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from harness.claims.name_index import name_starts
from harness.claims.roles import role_keys
from harness.core.claim_types import EntityClaim
from harness.core.spans import Entity
from harness.core.text import TextSpan, document_sentences, fold, sentence_at
from harness.goldset.load import GoldDocument
from harness.verdicts.locate import FoldedText, find_name, folded_words, in_content
from harness.verdicts.names import fuller_name
from harness.verdicts.other_names import other_names
from harness.verdicts.role_support import role_stated, unnamed_role
from harness.verdicts.sources import Sources
from harness.verdicts.types import Evidence, Finding


def entity_names(claim: EntityClaim, inventory: dict[str, Entity]) -> list[str]:
    """Every way the sources may name the claim's entity: its inventory names, or the claim's own words."""
    entity = inventory.get(claim.entity) if claim.entity else None
    names = [claim.span.text]
    if entity is not None:
        names += [entity.name, *entity.aliases, *entity.metonyms]
    return list(dict.fromkeys(names))


def _gold_mention(document: GoldDocument, entity_id: str, written: str) -> Evidence | None:
    """A gold mention of the entity, preferring one written as the summary writes it."""
    mentions = [
        mention
        for mention in document.entities
        if mention.entity == entity_id and in_content(document, mention.span.start, mention.span.end)
    ]
    if not mentions:
        return None
    mention = min(mentions, key=lambda mention: fold(mention.span.text) != fold(written))
    return Evidence(
        document=document.id,
        start=mention.span.start,
        end=mention.span.end,
        text=mention.span.text,
        annotation=mention.id,
    )


def _with_gold_id(document: GoldDocument, evidence: Evidence) -> Evidence:
    """Attach the id of the gold mention that covers the found span, when there is one."""
    for mention in document.entities:
        if mention.span.start <= evidence.start and evidence.end <= mention.span.end:
            return evidence.model_copy(update={"annotation": mention.id})
    return evidence


def locate_entity(claim: EntityClaim, sources: Sources, inventory: dict[str, Entity]) -> list[Evidence]:
    """Where each source document names the claim's entity: at most one evidence per document.

    A name that the sources write only in page furniture (a byline, a headline) is still named there: the
    furniture mention is the evidence when no content mention exists, so a copied span is never unsupported.
    """
    names = entity_names(claim, inventory)
    found: list[Evidence] = []
    for document in sources.documents:
        evidence = _gold_mention(document, claim.entity, claim.span.text) if sources.gold and claim.entity else None
        if evidence is None:
            evidence = find_name(document, names)
            if evidence is not None and sources.gold:
                evidence = _with_gold_id(document, evidence)
        if evidence is not None:
            found.append(evidence)
    return found or fuller_name(claim.span.text, sources)


def copied_passage(claim: EntityClaim, summary: str, sources: Sources) -> list[Evidence]:
    """The source passage (page furniture included) that the summary's sentence around the claim copies word
    for word, as evidence: a name copied with its sentence from a source is named there."""
    sentence = sentence_at(summary, claim.span.start)
    words = folded_words(sentence.text) if sentence is not None else []
    for document in sources.documents if words else ():
        for start, end in FoldedText.of(document.text).spans_of(words)[:1]:
            return [Evidence(document=document.id, start=start, end=end, text=document.text[start:end])]
    return []


def _role_contexts(claim: EntityClaim, sources: Sources, inventory: dict[str, Entity]) -> list[str]:
    """The texts that may state the entity's role: inventory roles, then each source sentence naming it."""
    entity = inventory.get(claim.entity) if claim.entity else None
    contexts = list(entity.roles) if entity is not None else []
    names = [name for name in entity_names(claim, inventory) if name.strip()]
    for document in sources.documents:
        spans = [(m.span.start, m.span.end) for m in document.entities if claim.entity and m.entity == claim.entity]
        starts = [(name_starts(document.text, name), len(name)) for name in names]
        for sentence in document_sentences(document.text):
            inside = any(sentence.start <= start and end <= sentence.end for start, end in spans)
            if (inside or _names_in(starts, sentence)) and in_content(document, sentence.start, sentence.end):
                contexts.append(sentence.text)
    return contexts


def _names_in(starts: Sequence[tuple[Sequence[int], int]], sentence: TextSpan) -> bool:
    """True when one of the names (where its pattern matches in the document, and its length) stands wholly
    inside the sentence: what a search of the sentence's own text finds, as a sentence is bounded by blanks."""
    for offsets, size in starts:
        first = bisect_left(offsets, sentence.start)
        if first < len(offsets) and offsets[first] + size <= sentence.end:
            return True
    return False


def role_supported(role: str, contexts: Sequence[str]) -> bool:
    """True when some context asserts every title word and proper word of the role."""
    wanted = role_keys(role)
    return not wanted or any(wanted <= role_keys(context) for context in contexts)


def _finding(claim: EntityClaim, verdict: str, evidence: Sequence[Evidence] = (), detail: str | None = None) -> Finding:
    return Finding.at("entity", claim.span, verdict, evidence, detail)


Located = dict[tuple[str | None, str], list[Evidence]]
"""`locate_entity`'s answers per entity id and name written, for one summary against one set of sources."""


def judge_entity(
    claim: EntityClaim,
    sources: Sources,
    inventory: dict[str, Entity],
    summary: str = "",
    located: Located | None = None,
) -> Finding:
    """The verdict on one entity mention of a summary (`summary`: its text, when known), with its evidence;
    `located` keeps where the sources name each entity already looked for, as a summary names one many times."""
    evidence = (
        _located(claim, sources, inventory, located)
        or copied_passage(claim, summary, sources)
        or other_names(claim.span.text, sources)
    )
    if not evidence:
        return _finding(claim, "unsupported", detail=f"'{claim.span.text}' is named in no source document")
    if claim.role is not None:
        contexts = _role_contexts(claim, sources, inventory)
        if not (
            role_supported(claim.role, contexts)
            or role_stated(claim.role, contexts)
            or copied_passage(claim, summary, sources)
            or unnamed_role(claim.role, summary, claim.span.start, sources)
        ):
            entity = inventory.get(claim.entity) if claim.entity else None
            detail = f"summary calls {claim.span.text} '{claim.role}', which no source states"
            if entity is not None and entity.roles:
                detail += f"; gold roles: {'; '.join(entity.roles)}"
            return _finding(claim, "wrong_role", evidence, detail)
    return _finding(claim, "supported", evidence)


def judge_entities(claims: Sequence[EntityClaim], sources: Sources, summary: str = "") -> list[Finding]:
    """One finding per entity mention of a summary (`summary`: the text the claims were found in)."""
    inventory = {entity.id: entity for entity in sources.entities}
    located: Located = {}
    return [judge_entity(claim, sources, inventory, summary, located) for claim in claims]


def _located(
    claim: EntityClaim, sources: Sources, inventory: dict[str, Entity], known: Located | None
) -> list[Evidence]:
    """`locate_entity`, which reads only the claim's entity id and written name, once per id and name in `known`."""
    if known is None:
        return locate_entity(claim, sources, inventory)
    key = (claim.entity, claim.span.text)
    if key not in known:
        known[key] = locate_entity(claim, sources, inventory)
    return list(known[key])
