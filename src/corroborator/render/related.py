"""How every renderer words a related story (:class:`~corroborator.api.RelatedStory`)."""

from __future__ import annotations

from corroborator.api import RelatedStory


def when(days: int | None) -> str:
    """When the related story began, from this one's first stated date ("" when either is undated)."""
    if days is None:
        return ""
    if days == 0:
        return "began the same day"
    n, side = abs(days), "later" if days > 0 else "earlier"
    if n < 60:
        amount = f"{n} day{'s' if n != 1 else ''}"
    elif n < 730:
        amount = f"about {round(n / 30.44)} months"
    else:
        amount = f"about {round(n / 365.25)} years"
    return f"began {amount} {side}"


def detail(r: RelatedStory) -> str:
    """What the two stories share and when the other began: "shares Betty Ford Center, Lindsay
    Lohan; began 42 days later (similarity 0.20)"."""
    parts = [f"shares {', '.join(r.shared)}"] if r.shared else []
    if (began := when(r.days_apart)):
        parts.append(began)
    return "; ".join(parts) + f" (similarity {r.similarity:.2f})"
