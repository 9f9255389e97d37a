"""The words of a person's title, shared by entity mentions and speaker names.

- :data:`HONORIFICS`: "Mr", "Dr", "Dame" (written before any name);
- :data:`OFFICES`: offices, ranks and posts that head a title ("President", "Deputy", "Det.",
  "Atty.", "Cpl."), also standing alone before a name;
- :data:`QUALIFIERS`: words that only qualify an office ("Prime", "Vice", "Foreign" Minister);
- :data:`PROFESSIONS`: jobs written like titles before a speaker's name ("coach", "editor").

Entity mentions take honorifics and offices as titles (``corroborator.annotate.entities``); speaker
names skip all four before a name (``corroborator.annotate.speaker_reader``).
"""

from __future__ import annotations

from corroborator.vocab import word_set

HONORIFICS = word_set("dame dr fr hon lady lord miss mr mrs ms mx prof rev sir")
OFFICES = word_set(
    "president pres premier minister chancellor secretary senator sen governor gov mayor king queen "
    "prince princess emperor pope general gen colonel col major maj captain capt lieutenant lt sergeant "
    "sgt corporal cpl pvt spc admiral adm commodore commander cmdr cdr officer trooper director "
    "executive chairman chairwoman chairperson ceo cfo coo cto gm judge justice attorney atty ada dist "
    "ambassador amb commissioner inspector insp superintendent supt representative rep speaker leader "
    "spokesman spokeswoman spokesperson professor doctor reverend bishop archbishop cardinal rabbi imam "
    "sheikh ayatollah pastor sheriff undersheriff detective det constable const councillor councilman "
    "councilwoman alderman chief deputy clerk administrator advocate prosecutor"
)
QUALIFIERS = word_set("defence defense economy finance fire foreign interior prime state vice public")
PROFESSIONS = word_set(
    "editor publisher manager coach producer correspondent reporter anchor founder analyst economist lawyer "
    "actor actress comedian comedienne rapper filmmaker novelist playwright"
)
