"""The people page's A–Z index: speakers grouped under the letter their name is filed at."""

from __future__ import annotations

import unicodedata

from digest.models import Speaker

ALPHABET = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
OTHER = "#"  # names that do not start with a letter A–Z (digits, other scripts)


def filing_form(name: str) -> str:
    """``name`` as it is filed: accents dropped, case folded (Élodie Brun → elodie brun)."""
    plain = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def index_letter(name: str) -> str:
    """The letter ``name`` is filed under: its first letter without accents (Élodie → E), else ``#``."""
    first = filing_form(name)[:1].upper()
    return first if "A" <= first <= "Z" else OTHER


def people_by_letter(speakers: tuple[Speaker, ...] | list[Speaker]) -> list[tuple[str, tuple[Speaker, ...]]]:
    """(letter, speakers filed under it in alphabetical order), letters A–Z, then ``#``."""
    groups: dict[str, list[Speaker]] = {}
    for speaker in speakers:
        groups.setdefault(index_letter(speaker.name), []).append(speaker)
    order = sorted(groups, key=lambda letter: (letter == OTHER, letter))
    return [(letter, tuple(sorted(groups[letter], key=lambda s: (filing_form(s.name), s.slug)))) for letter in order]
