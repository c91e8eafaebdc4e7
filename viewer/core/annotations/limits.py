"""How much of each thing a person or a file may give the app (docs/errors.md lists them).

Every bound keeps the window responsive: a longer text is refused where it comes in
(the editor says so and saves nothing; an import is refused naming the place).
"""

from __future__ import annotations

#: A note, in characters (about a 400-page book). Longer ones are refused.
MAX_NOTE_CHARS = 1_000_000
#: The note preview renders this much of a note; the editor opens all of it.
PREVIEW_CHARS = 200_000
#: Ids, titles, dates of the user's own events, in characters.
MAX_SHORT = 500
#: A tag, in characters, and tags on one event.
MAX_TAG_CHARS = 100
MAX_TAGS = 200
#: Undo steps kept (each keeps the annotation before and after it).
UNDO_STEPS = 100
#: An annotations export file, in bytes.
MAX_FILE_BYTES = 100_000_000
#: Problems listed when a file is refused (reading stops there).
MAX_PROBLEMS = 100
