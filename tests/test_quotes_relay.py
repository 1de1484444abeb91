"""Relayed words (ANNOTATION.md): an outlet passing on what someone said gets no record.

Invented sentences in the shapes news uses; the expected records follow the spec.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkquotes._quotes_relay import is_outlet
from tests.test_quotes import _find


def _records(body: str) -> list[tuple[str, str, str, str]]:
    out = []
    for q in _find(body):
        assert q.cue is not None
        assert q.speaker is not None
        assert q.speaker.mention is not None
        content = " || ".join(s.text for s in q.segments)
        out.append((q.kind.value, content, q.cue.span.text, q.speaker.mention.text))
    return out


@pytest.mark.parametrize(
    ("body", "record"),
    [
        (
            "An army spokesman said the unit would hold its drills near the border, Reuters"
            " reports, citing state television.",
            (
                "indirect",
                "the unit would hold its drills near the border",
                "said",
                "An army spokesman",
            ),
        ),
        (
            "The envoy added that the new rules will prove costly, Yonhap reported.",
            ("indirect", "the new rules will prove costly", "added", "The envoy"),
        ),
        (
            "The defence ministry blamed the coast guard for the collision at sea, state media"
            " said on Friday.",
            (
                "indirect",
                "the coast guard for the collision at sea",
                "blamed",
                "The defence ministry",
            ),
        ),
        (
            "Officials said the talks would resume next month, according to the Associated Press.",
            ("indirect", "the talks would resume next month", "said", "Officials"),
        ),
        # the outlet's aside splits the relayed speaker's content: one record of two segments
        (
            "The ministry said any attacks on the port, Yonhap added, and on its ships would be"
            " answered.",
            (
                "indirect",
                "any attacks on the port || and on its ships would be answered",
                "said",
                "The ministry",
            ),
        ),
        # no cue of the relayed speaker was read: the subject before "that" speaks
        (
            "The union hoped that “modest steps” such as shorter shifts would ease the dispute,"
            " the Xinhua news agency reported.",
            (
                "mixed",
                "“modest steps” such as shorter shifts would ease the dispute",
                "reported",
                "The union",
            ),
        ),
    ],
)
def test_relayed_speaker_speaks_and_the_outlet_has_no_record(
    body: str, record: tuple[str, str, str, str]
) -> None:
    assert _records(body) == [record]


def test_outlet_as_subject_keeps_the_outlet() -> None:
    records = _records("Yonhap said the ferry would sail again on Monday.")
    assert [(r[2], r[3]) for r in records] == [("said", "Yonhap")]


def test_a_person_relaying_is_not_an_outlet() -> None:
    # only outlets relay: "officials said" keeps its own record
    records = _records("The mayor said the bridge would reopen soon, officials said.")
    assert ("indirect", "the bridge would reopen soon", "said", "The mayor") in records
    assert any(r[3] == "officials" for r in records)


@pytest.mark.parametrize(
    ("phrase", "outlet"),
    [
        ("Yonhap", True),
        ("state media KCNA", True),
        ("the Xinhua news agency", True),
        ("the Korean Central News Agency (KCNA)", True),
        ("the Associated Press", True),
        ("South Korea’s Yonhap news agency", True),
        ("The ministry", False),
        ("officials", False),
        ("Mr Lee", False),
    ],
)
def test_is_outlet(phrase: str, outlet: bool) -> None:
    assert is_outlet(phrase) is outlet


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["Reuters reported", "Yonhap said", "according to the Associated Press"]),
    st.sampled_from(["The minister", "A spokesman", "Police"]),
    st.sampled_from(["said", "added"]),
)
def test_relay_never_gives_the_outlet_the_relayed_clause(
    outlet: str, speaker: str, cue: str
) -> None:
    body = f"{speaker} {cue} the ship had left the harbour before dawn, {outlet}."
    records = _records(body)
    assert [r[3] for r in records] == [speaker]
    assert records[0][1] == "the ship had left the harbour before dawn"


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        ("KCNA said, citing the foreign ministry, that the drills were a rehearsal.", "KCNA"),
        (
            "Yonhap reported, quoting a military official, that the drills were a rehearsal.",
            "Yonhap",
        ),
    ],
)
def test_outlet_citing_a_source_speaks_and_the_citation_is_not_content(
    body: str, mention: str
) -> None:
    records = _records(body)
    assert [(r[1], r[3]) for r in records] == [("the drills were a rehearsal", mention)]
