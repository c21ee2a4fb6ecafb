"""What an analyst means by an actor filter: "Haftar", "Hifter", "LNA" or "lby.lna" all name a node of the
actor knowledge base; a search for it should find the events of that actor and of the units under it.

``search_ids(kb, text)`` turns the text into actor ids:
- an organisation: itself and every unit below it ("LNA" -> the LNA, its brigades, Haftar);
- a person: the person, the organisation they belong to and its units ("Haftar" -> the LNA and its units);
- a government: also its armed forces (ACLED codes a government's violence to its forces).
Unknown text gives no ids (the store then matches it as part of an actor name).
"""

from __future__ import annotations

from frontlines.errors import KnowledgeError
from frontlines.knowledge.actors import Actor, ActorKB

__all__ = ["search_ids"]


def search_ids(kb: ActorKB, text: str) -> tuple[str, ...]:
    """Actor ids a filter on ``text`` should match, the named actor first; () when nothing matches."""
    text = text.strip()
    if not text:
        return ()
    actor = _lookup(kb, text)
    if actor is None:
        return ()
    roots = [actor]
    if actor.type == "person" and actor.parent:
        roots.append(kb.get(actor.parent))
    ids: list[str] = []
    for root in roots:
        for node in (root, kb.forces_of(root)):
            for found in _subtree(kb, node):
                if found.id not in ids:
                    ids.append(found.id)
    return tuple(ids)


def _lookup(kb: ActorKB, text: str) -> Actor | None:
    try:
        return kb.get(text)
    except (KnowledgeError, ValueError):  # not an id ("gen.x" without a country is not one either)
        match = kb.resolve(text)
        return match.actor if match else None


def _subtree(kb: ActorKB, root: Actor) -> list[Actor]:
    """``root`` and every actor whose parent chain reaches it (cycles in the data cannot loop)."""
    children: dict[str, list[Actor]] = {}
    for actor in kb:
        if actor.parent:
            children.setdefault(actor.parent, []).append(actor)
    out, stack, seen = [], [root], set()
    while stack:
        node = stack.pop()
        if node.id in seen:
            continue
        seen.add(node.id)
        out.append(node)
        stack.extend(children.get(node.id, ()))
    return out
