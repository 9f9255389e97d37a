"""Word lists written as text: ``word_set("said says told")`` is the frozenset of those words."""

from __future__ import annotations

__all__ = ["NAME_PARTICLES", "word_set"]


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a frozenset."""
    return frozenset(text.split())


# lower-case words inside or at the start of a surname ("van Gogh", "de la Cruz", "bin Salman", "ter Horst")
NAME_PARTICLES = word_set(
    "de da di del della der den van von ten ter le la du dos das al el bin ibn ben y st. st mc"
)
