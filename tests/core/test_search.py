"""Client search: full-text over names, personal numbers and notes, never the milieu; any input is safe."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entre_desktop.services import clients
from entre_desktop.services.clients import NewClient
from entre_desktop.services.notes import add_note
from entre_desktop.services.session import Session
from entre_desktop.storage.client_repo import fts_query


@pytest.fixture
def registered(officer_session: Session) -> tuple[Session, str, str]:
    first, _ = clients.add_client(officer_session, NewClient(
        name="Åsa Öberg", personal_number="19811218-9876", milieu="våldsbejakande extremism"))
    second, _ = clients.add_client(officer_session, NewClient(name="Bo Berg", personal_number="20050101-0011"))
    add_note(officer_session, second, "Träffade handläggaren om bostad")
    return officer_session, first, second


def found(session: Session, text: str) -> set[str]:
    return {row.id for row in clients.search(session, text)}


@pytest.mark.parametrize("text", ["19811218-9876", "198112189876", "811218-9876", "8112189876", "811218",
                                  "19811218", "9876", "åsa", "ÖBERG", "Åsa Öb"])
def test_finds_a_client_by_name_or_personal_number_with_or_without_century(
        registered: tuple[Session, str, str], text: str) -> None:
    session, first, _second = registered
    assert found(session, text) == {first}


def test_finds_the_client_a_note_is_about(registered: tuple[Session, str, str]) -> None:
    session, _first, second = registered
    assert found(session, "bostad") == {second}
    assert found(session, "berg") == {second}  # a whole word: "Öberg" does not start with it


def test_the_milieu_is_never_searchable(registered: tuple[Session, str, str]) -> None:
    session, _first, _second = registered
    assert found(session, "extremism") == set()
    assert found(session, "våldsbejakande") == set()


@pytest.mark.parametrize("text", ["", "   ", '"', "-", "*", "AND", "OR (", "NEAR(a b)", "a:b", "^", "{x}"])
def test_odd_input_finds_nothing_or_something_but_never_fails(registered: tuple[Session, str, str],
                                                               text: str) -> None:
    session, _first, _second = registered
    clients.search(session, text)


@settings(max_examples=200)
@given(st.text())
def test_every_query_is_a_valid_fts_expression(text: str) -> None:
    import sqlite3

    query = fts_query(text)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5 (name, text)")
    conn.execute("INSERT INTO t VALUES ('Åsa Öberg 19811218-9876 198112189876', NULL)")
    if query:
        for match in (query, f"{{name}} : ({query})", f"{{text}} : ({query})"):
            conn.execute("SELECT * FROM t WHERE t MATCH ?", (match,)).fetchall()


@pytest.mark.parametrize("text", ["åsa", "ÖBERG", "811218", "bostad", "berg", "extremism", "b", "", "OR ("])
def test_search_ids_finds_what_search_finds_and_is_audited(registered: tuple[Session, str, str], text: str) -> None:
    session, _first, _second = registered
    audited = session.db.execute("SELECT count(*) FROM audit_event WHERE action = 'search'").fetchone()[0]
    assert clients.search_ids(session, text) == found(session, text)
    assert session.db.execute("SELECT count(*) FROM audit_event WHERE action = 'search'").fetchone()[0] == audited + 2


@pytest.mark.parametrize("ranked_hits", [0, 1000], ids=["many hits: names first, then notes", "few hits: bm25"])
def test_many_hits_put_name_matches_first_and_any_order_is_stable_under_a_limit(officer_session: Session, monkeypatch: pytest.MonkeyPatch,
                                               ranked_hits: int) -> None:
    from entre_desktop.storage import client_repo

    monkeypatch.setattr(client_repo, "RANKED_HITS", ranked_hits)
    session = officer_session
    older, _ = clients.add_client(session, NewClient(name="Ali Ek", personal_number="19900101-0017"))
    named, _ = clients.add_client(session, NewClient(name="Stina Bostadsson", personal_number="19900102-0016"))
    newer, _ = clients.add_client(session, NewClient(name="Eva Al", personal_number="19900103-0015"))
    add_note(session, older, "Söker bostad")
    add_note(session, newer, "Bostad ordnad hos kommunen")
    order = [row.id for row in clients.search(session, "bostad")]
    assert set(order) == {older, named, newer}
    if ranked_hits == 0:
        assert order == [named, older, newer]  # the name first, then notes in the order written
    assert clients.search(session, "bostad", limit=2) == clients.search(session, "bostad")[:2]
