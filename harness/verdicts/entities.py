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

from collections.abc import Sequence

from harness.claims.entities import name_pattern
from harness.claims.roles import role_keys
from harness.core.claim_types import EntityClaim
from harness.core.sentence_index import sentence_around
from harness.core.spans import Entity
from harness.core.text import document_sentences, fold
from harness.goldset.load import GoldDocument
from harness.verdicts.locate import FoldedText, find_name, folded_words, in_content
from harness.verdicts.names import fuller_name
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
    sentence = sentence_around(summary, claim.span.start)
    words = folded_words(sentence.text) if sentence is not None else []
    for document in sources.documents if words else ():
        for start, end in FoldedText.of(document.text).spans_of(words)[:1]:
            return [Evidence(document=document.id, start=start, end=end, text=document.text[start:end])]
    return []


def _role_contexts(claim: EntityClaim, sources: Sources, inventory: dict[str, Entity]) -> list[str]:
    """The texts that may state the entity's role: inventory roles, then each source sentence naming it."""
    entity = inventory.get(claim.entity) if claim.entity else None
    contexts = list(entity.roles) if entity is not None else []
    names = entity_names(claim, inventory)
    for document in sources.documents:
        spans = [(m.span.start, m.span.end) for m in document.entities if claim.entity and m.entity == claim.entity]
        for sentence in document_sentences(document.text):
            inside = any(sentence.start <= start and end <= sentence.end for start, end in spans)
            named = any(name_pattern(name).search(sentence.text) for name in names if name.strip())
            if (inside or named) and in_content(document, sentence.start, sentence.end):
                contexts.append(sentence.text)
    return contexts


def role_supported(role: str, contexts: Sequence[str]) -> bool:
    """True when some context asserts every title word and proper word of the role."""
    wanted = role_keys(role)
    return not wanted or any(wanted <= role_keys(context) for context in contexts)


def _finding(claim: EntityClaim, verdict: str, evidence: Sequence[Evidence] = (), detail: str | None = None) -> Finding:
    return Finding.at("entity", claim.span, verdict, evidence, detail)


def judge_entity(claim: EntityClaim, sources: Sources, inventory: dict[str, Entity], summary: str = "") -> Finding:
    """The verdict on one entity mention of a summary (`summary`: its text, when known), with its evidence."""
    evidence = locate_entity(claim, sources, inventory) or copied_passage(claim, summary, sources)
    if not evidence:
        return _finding(claim, "unsupported", detail=f"'{claim.span.text}' is named in no source document")
    if claim.role is not None:
        contexts = _role_contexts(claim, sources, inventory)
        if not role_supported(claim.role, contexts) and not copied_passage(claim, summary, sources):
            entity = inventory.get(claim.entity) if claim.entity else None
            detail = f"summary calls {claim.span.text} '{claim.role}', which no source states"
            if entity is not None and entity.roles:
                detail += f"; gold roles: {'; '.join(entity.roles)}"
            return _finding(claim, "wrong_role", evidence, detail)
    return _finding(claim, "supported", evidence)


def judge_entities(claims: Sequence[EntityClaim], sources: Sources, summary: str = "") -> list[Finding]:
    """One finding per entity mention of a summary (`summary`: the text the claims were found in)."""
    inventory = {entity.id: entity for entity in sources.entities}
    return [judge_entity(claim, sources, inventory, summary) for claim in claims]
