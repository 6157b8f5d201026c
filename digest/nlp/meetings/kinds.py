"""What kind of event a trigger word names."""

from __future__ import annotations

from enum import Enum


class MeetingKind(str, Enum):
    """The kind of a meeting mention: the noun that names it, or how a verb announces it."""

    MEETING = "meeting"
    TALKS = "talks"
    NEGOTIATIONS = "negotiations"
    SUMMIT = "summit"
    CONFERENCE = "conference"
    SESSION = "session"
    HEARING = "hearing"
    MINISTERIAL = "ministerial"
    GATHERING = "gathering"
    CONSULTATIONS = "consultations"
    PARLEY = "parley"
    PLENUM = "plenum"
    CONGRESS = "congress"
    CONVENTION = "convention"
    VISIT = "visit"
    MEET = "meet"  # a verb: "the ministers meet Tuesday"
    BODY = "body"  # a body's verb with a date: "the council will consider the plan on May 3"
    TALK = "talk"  # talking, scheduled, with a date: "the two leaders are scheduled to discuss trade Monday"
    TESTIFY = "testify"  # a hearing told by its witness: "she will testify before the committee Thursday"
    VISITS = "visits"  # a named person's visit told by its verb: "Nakasone will visit Washington later this month"
    WEAK = "weak"  # a noun that only adds facts to a meeting found elsewhere ("the discussions")
    WEAK_VERB = "weakverb"  # a person's "arrive"/"visit": adds facts, never starts a meeting

    def __str__(self) -> str:
        return self.value

    @property
    def verbal(self) -> bool:
        """Announced by a verb rather than named by a noun."""
        return self in (
            MeetingKind.MEET,
            MeetingKind.BODY,
            MeetingKind.TALK,
            MeetingKind.TESTIFY,
            MeetingKind.VISITS,
            MeetingKind.WEAK_VERB,
        )

    @property
    def weak(self) -> bool:
        return self in (MeetingKind.WEAK, MeetingKind.WEAK_VERB)

    @property
    def distinct(self) -> bool:
        """An event of its own: a summit is not merged into a meeting without the same day or place."""
        return self in (
            MeetingKind.SUMMIT,
            MeetingKind.CONFERENCE,
            MeetingKind.HEARING,
            MeetingKind.VISIT,
            MeetingKind.CONGRESS,
            MeetingKind.CONVENTION,
        )

    @property
    def formal(self) -> bool:
        """A meeting or a body's session announced by a verb (not a weak mention)."""
        return self in (MeetingKind.MEET, MeetingKind.BODY, MeetingKind.TALK, MeetingKind.TESTIFY, MeetingKind.VISITS)

    @property
    def needs_date(self) -> bool:
        """Announced only by a verb that is a meeting when dated ("will consider … on May 3")."""
        return self in (MeetingKind.BODY, MeetingKind.TALK)
