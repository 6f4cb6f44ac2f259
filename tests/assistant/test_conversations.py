"""The conversation store: one contract, run against SQLite and Postgres alike.

Postgres is expected at 127.0.0.1:5432 (database `test`, user `postgres` or `root`, trust auth),
or at `SSR_TEST_POSTGRES_URL`; its tests are skipped only when no server answers there. Each
Postgres test works in a schema of its own, dropped afterwards, so parallel runs never see each
other's rows.
"""

from __future__ import annotations

import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from assistant.business import Facts, Holding, Money
from assistant.conversations import (
    Conversation,
    InvalidDatabaseURL,
    SqlConversationStore,
    StoreError,
    UnknownConversation,
    UnknownMessage,
    normalise_database_url,
    sqlite_url,
    utc_now,
)
from assistant.reply import Citation, Criterion, EligibilityResult, Reply, Signpost

POSTGRES_HOST, POSTGRES_PORT = "127.0.0.1", 5432
POSTGRES_USERS = ("postgres", "root")


# -- backends -----------------------------------------------------------------------------

@dataclass
class Backend:
    name: str
    url: str
    schema: str | None

    def store(self, clock: Callable[[], datetime] = utc_now) -> SqlConversationStore:
        return SqlConversationStore(self.url, schema=self.schema, clock=clock)

    def all_rows_text(self) -> str:
        """Every value in every table of the store, as one string (to look for leftovers)."""
        engine = sa.create_engine(normalise_database_url(self.url))
        try:
            metadata = sa.MetaData()
            metadata.reflect(engine, schema=self.schema)
            with engine.connect() as conn:
                return "\n".join(
                    repr(tuple(row))
                    for table in metadata.sorted_tables
                    for row in conn.execute(sa.select(table))
                )
        finally:
            engine.dispose()


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """A Postgres URL that connects; skips only when no server answers at all."""
    configured = os.environ.get("SSR_TEST_POSTGRES_URL")
    candidates = [configured] if configured else [
        f"postgresql://{user}@{POSTGRES_HOST}:{POSTGRES_PORT}/test" for user in POSTGRES_USERS
    ]
    server = sa.make_url(candidates[0])
    host, port = server.host or "localhost", server.port or 5432
    if not _answers(host, port):
        pytest.skip(f"Postgres is not reachable at {host}:{port}: start it (database "
                    f"{server.database!r}, trust auth) to run the Postgres half of these tests")
    failures = []
    for url in candidates:
        engine = sa.create_engine(normalise_database_url(url))
        try:
            with engine.connect():
                return url
        except sa.exc.OperationalError as error:
            failures.append(f"{sa.make_url(url)!r}: {str(error.orig).strip()}")
        finally:
            engine.dispose()
    pytest.fail("Postgres answers but none of these logins works:\n" + "\n".join(failures))


def _drop_schema(url: str, schema: str) -> None:
    engine = sa.create_engine(normalise_database_url(url))
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        yield Backend("sqlite", sqlite_url(tmp_path / "data" / "conversations.sqlite3"), None)
        return
    url = request.getfixturevalue("postgres_url")
    schema = f"test_conversations_{uuid.uuid4().hex[:16]}"
    try:
        yield Backend("postgres", url, schema)
    finally:
        _drop_schema(url, schema)


@pytest.fixture
def store(backend: Backend) -> Iterator[SqlConversationStore]:
    opened = backend.store()
    yield opened
    opened.close()


# -- test data ----------------------------------------------------------------------------

def make_reply(conversation_id: str, answer: str = "Yes, you are likely eligible. [1]",
               **fields: object) -> Reply:
    citation = Citation(n=1, title="Productivity Booster guidance", source="guidance/pb.md",
                        locator="3.2.1", url="https://example.org/pb", quote="An SME is ...")
    values: dict[str, object] = {
        "conversation_id": conversation_id,
        "message_id": uuid.uuid4().hex,
        "route": "eligibility",
        "answer": answer,
        "citations": [citation],
        "eligibility": [EligibilityResult(
            programme="Productivity Booster", decision="need_more_info",
            criteria=[Criterion(id="sme", met=True, explanation="45 staff is under 250.",
                                citation=citation),
                      Criterion(id="area", met=None, explanation="No postcode yet.")],
            missing_facts=["postcode"],
        )],
        "signposts": [Signpost(name="Battery lab", partner="WMG", location="Coventry",
                               why="abuse testing")],
        "follow_up": ["What is the postcode of the site that would benefit?"],
        "grounded": True,
    }
    values.update(fields)
    return Reply.model_validate(values)


def rich_facts() -> Facts:
    return Facts(
        employees=16.5, turnover=Money(amount=2_100_000), balance_sheet=Money(amount=14e6,
                                                                               currency="EUR"),
        postcode="B15 2TT", sector_text="precision machining", sic_codes=["25.62"],
        months_trading=30, insolvent=False, prior_public_support=Money(amount=40_000),
        holdings=[Holding(share_percent=30, holder="an NHS trust", holder_kind="public_body")],
    )


def add_turn(store: SqlConversationStore, conversation: Conversation, text: str,
             facts: Facts | None = None, open_questions: list[str] | None = None) -> Reply:
    reply = make_reply(conversation.id, answer=f"Answer to: {text}")
    store.append_turn(conversation.id, text, reply, facts or Facts(), open_questions or [])
    return reply


# -- the contract, for every backend ------------------------------------------------------

def test_a_new_conversation_reads_back_empty_with_utc_timestamps(
        store: SqlConversationStore) -> None:
    created = store.create()
    assert created.facts == Facts() and created.turns == [] and created.open_questions == []
    assert created.created_at.tzinfo == UTC
    assert store.get(created.id) == created


def test_facts_and_open_questions_round_trip(store: SqlConversationStore) -> None:
    conversation = store.create()
    add_turn(store, conversation, "We have 16 staff and an NHS trust holds 30%.",
             rich_facts(), ["What is your turnover?"])
    stored = store.get(conversation.id)
    assert stored is not None
    assert stored.facts == rich_facts()
    assert stored.open_questions == ["What is your turnover?"]


def test_turns_come_back_in_the_order_they_were_added(store: SqlConversationStore) -> None:
    conversation = store.create()
    replies = [add_turn(store, conversation, f"message {n}") for n in range(6)]
    stored = store.get(conversation.id)
    assert stored is not None
    assert [turn.user_text for turn in stored.turns] == [f"message {n}" for n in range(6)]
    assert [turn.reply for turn in stored.turns] == replies
    assert [turn.message_id for turn in stored.turns] == [r.message_id for r in replies]


def test_each_append_replaces_the_facts_rather_than_merging(store: SqlConversationStore) -> None:
    conversation = store.create()
    add_turn(store, conversation, "45 staff in B15", Facts(employees=45, postcode="B15"),
             ["How long have you been trading?"])
    add_turn(store, conversation, "sorry, 350 staff", Facts(employees=350), [])
    stored = store.get(conversation.id)
    assert stored is not None
    assert stored.facts == Facts(employees=350)
    assert stored.open_questions == []


def test_appending_moves_updated_at_and_stamps_the_turn(backend: Backend) -> None:
    times = iter([datetime(2025, 3, 30, 0, 30, tzinfo=UTC),
                  # a non-UTC clock reading is kept as the same instant, in UTC
                  datetime(2025, 3, 30, 3, 15, 0, 123456, tzinfo=timezone(timedelta(hours=2)))])
    store = backend.store(clock=lambda: next(times))
    try:
        conversation = store.create()
        add_turn(store, conversation, "hello")
        stored = store.get(conversation.id)
    finally:
        store.close()
    later = datetime(2025, 3, 30, 1, 15, 0, 123456, tzinfo=UTC)
    assert stored is not None
    assert stored.created_at == datetime(2025, 3, 30, 0, 30, tzinfo=UTC)
    assert stored.updated_at == later and stored.updated_at.tzinfo == UTC
    assert stored.turns[0].created_at == later


def test_a_failed_append_changes_nothing(store: SqlConversationStore) -> None:
    conversation = store.create()
    first = add_turn(store, conversation, "45 staff", Facts(employees=45), ["Postcode?"])
    repeated = first.model_copy(update={"answer": "another answer"})
    with pytest.raises(StoreError, match="refused storing a turn"):
        store.append_turn(conversation.id, "350 staff", repeated, Facts(employees=350), [])
    stored = store.get(conversation.id)
    assert stored is not None
    assert stored.facts == Facts(employees=45) and stored.open_questions == ["Postcode?"]
    assert [turn.reply.answer for turn in stored.turns] == [first.answer]


def test_delete_erases_turns_and_feedback_and_says_false_the_second_time(
        store: SqlConversationStore) -> None:
    kept, erased = store.create(), store.create()
    kept_reply = add_turn(store, kept, "keep me")
    erased_reply = add_turn(store, erased, "erase me")
    store.add_feedback(kept_reply.message_id, "up")
    store.add_feedback(erased_reply.message_id, "down", "wrong hub")

    assert store.delete(erased.id) is True
    assert store.get(erased.id) is None
    assert [record.message_id for record in store.feedback()] == [kept_reply.message_id]
    with pytest.raises(UnknownMessage):
        store.add_feedback(erased_reply.message_id, "up")
    with pytest.raises(UnknownConversation):
        add_turn(store, erased, "still there?")
    assert store.delete(erased.id) is False
    assert store.get(kept.id) is not None


def test_erasure_leaves_no_row_holding_the_conversation(backend: Backend,
                                                        store: SqlConversationStore) -> None:
    conversation = store.create()
    reply = add_turn(store, conversation, "Acme Widgets of Tipton, 12 staff",
                     Facts(employees=12, sector_text="widget pressing"), ["Turnover?"])
    store.add_feedback(reply.message_id, "down", "the widget answer was wrong")
    assert conversation.id in backend.all_rows_text()

    store.delete(conversation.id)
    leftovers = backend.all_rows_text()
    for trace in (conversation.id, reply.message_id, "Tipton", "widget", "Turnover?"):
        assert trace not in leftovers


def test_feedback_on_an_unknown_message_raises(store: SqlConversationStore) -> None:
    with pytest.raises(UnknownMessage, match="no answer with message id"):
        store.add_feedback(uuid.uuid4().hex, "down")
    with pytest.raises(UnknownMessage):
        store.add_feedback("not-a-message-id", "up")
    assert store.feedback() == []


def test_feedback_lists_question_and_answer_filtered_by_rating(
        store: SqlConversationStore) -> None:
    conversation = store.create()
    helpful = add_turn(store, conversation, "Who can test a battery pack?")
    unhelpful = add_turn(store, conversation, "Is Kenilworth in the area?")
    store.add_feedback(helpful.message_id, "up")
    store.add_feedback(unhelpful.message_id, "down", "It is in Warwick district")

    (down,) = store.feedback("down")
    assert (down.question, down.answer) == ("Is Kenilworth in the area?", unhelpful.answer)
    assert (down.conversation_id, down.comment) == (conversation.id, "It is in Warwick district")
    assert down.created_at.tzinfo == UTC
    assert [record.rating for record in store.feedback()] == ["up", "down"]
    assert [record.message_id for record in store.feedback("up")] == [helpful.message_id]


def test_ratings_other_than_up_and_down_are_refused(store: SqlConversationStore) -> None:
    conversation = store.create()
    reply = add_turn(store, conversation, "hello")
    with pytest.raises(ValueError, match="'up' or 'down'; got 'meh'"):
        store.add_feedback(reply.message_id, "meh")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="got 'sideways'"):
        store.feedback("sideways")


def test_appending_to_an_unknown_conversation_raises(store: SqlConversationStore) -> None:
    missing = uuid.uuid4().hex
    with pytest.raises(UnknownConversation, match=missing):
        store.append_turn(missing, "hi", make_reply(missing), Facts(), [])
    with pytest.raises(UnknownConversation, match="no conversation with id 'nope'"):
        store.append_turn("nope", "hi", make_reply("nope"), Facts(), [])


def test_a_reply_belonging_to_another_conversation_is_refused(
        store: SqlConversationStore) -> None:
    conversation = store.create()
    with pytest.raises(ValueError, match="belongs to conversation"):
        store.append_turn(conversation.id, "hi", make_reply(uuid.uuid4().hex), Facts(), [])


def test_concurrent_appends_from_two_threads_both_land(store: SqlConversationStore) -> None:
    conversation = store.create()
    per_thread = 12
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            start.wait()
            for n in range(per_thread):
                add_turn(store, conversation, f"{name} {n}", Facts(employees=n))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("left", "right")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors

    stored = store.get(conversation.id)
    assert stored is not None
    texts = [turn.user_text for turn in stored.turns]
    assert len(texts) == 2 * per_thread
    for name in ("left", "right"):
        assert [t for t in texts if t.startswith(name)] == [f"{name} {n}" for n in
                                                             range(per_thread)]
    assert stored.facts == Facts(employees=per_thread - 1)


def test_unicode_text_round_trips(store: SqlConversationStore) -> None:
    text = "Café in Llanfair­pwll? ŵ ŷ, 你好, مرحبا, naïve, 😀🏭, e\u0301, £2.1m and €14m"
    conversation = store.create()
    reply = make_reply(conversation.id, answer=f"Re: {text}")
    facts = Facts(sector_text=text)
    store.append_turn(conversation.id, text, reply, facts, [f"{text}?"])
    store.add_feedback(reply.message_id, "down", text)
    stored = store.get(conversation.id)
    assert stored is not None
    assert stored.turns[0].user_text == text and stored.turns[0].reply == reply
    assert stored.facts == facts and stored.open_questions == [f"{text}?"]
    assert store.feedback()[0].comment == text


def test_nul_characters_are_dropped_the_same_way_by_every_engine(
        store: SqlConversationStore) -> None:
    conversation = store.create()
    reply = make_reply(conversation.id)
    store.append_turn(conversation.id, "a\x00b", reply, Facts(), ["c\x00d"])
    store.add_feedback(reply.message_id, "up", "e\x00f")
    stored = store.get(conversation.id)
    assert stored is not None
    assert stored.turns[0].user_text == "ab" and stored.open_questions == ["cd"]
    assert store.feedback()[0].comment == "ef"


@pytest.mark.parametrize("bad_id", [
    "not-an-id", "", "x" * 10_000, "\x00", "'; DROP TABLE conversations; --", "12345",
])
def test_an_id_that_is_not_an_id_finds_nothing(store: SqlConversationStore, bad_id: str) -> None:
    store.create()
    assert store.get(bad_id) is None
    assert store.delete(bad_id) is False
    with pytest.raises(UnknownMessage):
        store.add_feedback(bad_id, "up")


def test_any_spelling_of_a_uuid_finds_the_same_conversation(store: SqlConversationStore) -> None:
    conversation = store.create()
    dashed = str(uuid.UUID(conversation.id))
    found = store.get(dashed.upper())
    assert found is not None and found.id == conversation.id


def test_a_second_store_on_the_same_database_sees_the_data(backend: Backend,
                                                           store: SqlConversationStore) -> None:
    conversation = store.create()
    add_turn(store, conversation, "persisted?", Facts(employees=3))
    reopened = backend.store()
    try:
        stored = reopened.get(conversation.id)
    finally:
        reopened.close()
    assert stored is not None and stored.facts == Facts(employees=3)


# -- URLs and errors ----------------------------------------------------------------------

@pytest.mark.parametrize(("given", "used"), [
    ("postgresql://ssr:pw@db.internal:5433/ssr", "postgresql+psycopg://ssr:pw@db.internal:5433/ssr"),
    ("postgres://ssr@db.internal/ssr", "postgresql+psycopg://ssr@db.internal/ssr"),
    ("postgresql+psycopg://ssr@db.internal/ssr", "postgresql+psycopg://ssr@db.internal/ssr"),
    ("sqlite:////var/lib/ssr/conversations.sqlite3", "sqlite:////var/lib/ssr/conversations.sqlite3"),
])
def test_database_urls_are_normalised_to_their_driver(given: str, used: str) -> None:
    assert normalise_database_url(given) == used


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://ssr:hunter2secret@db/ssr", r"SQLite \(sqlite:///FILE\) or Postgres"),
    ("postgresql+psycopg2://ssr:hunter2secret@db/ssr", "through the psycopg driver"),
    ("sqlite://", "a SQLite file that outlives the process"),
    ("sqlite:///:memory:", "a SQLite file that outlives the process"),
    ("ssr:hunter2secret@db/ssr", "is not a URL"),
])
def test_unsupported_urls_are_refused_without_showing_the_password(url: str,
                                                                   message: str) -> None:
    with pytest.raises(InvalidDatabaseURL, match=message) as raised:
        SqlConversationStore(url)
    assert "hunter2secret" not in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_a_schema_must_be_a_plain_name_and_only_for_postgres(tmp_path: Path) -> None:
    with pytest.raises(InvalidDatabaseURL, match="Postgres only"):
        SqlConversationStore(sqlite_url(tmp_path / "c.sqlite3"), schema="ssr")
    with pytest.raises(InvalidDatabaseURL, match="got 'ssr; drop'"):
        SqlConversationStore("postgresql://ssr@localhost/ssr", schema="ssr; drop")


def test_the_store_is_shown_without_its_password() -> None:
    store = SqlConversationStore("postgresql://ssr:hunter2secret@db.internal:5433/ssr")
    assert "hunter2secret" not in repr(store)
    assert store.location == "db.internal:5433/ssr"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_postgres_is_named_by_host_and_port_not_password() -> None:
    port = _closed_port()
    store = SqlConversationStore(f"postgresql://ssr:hunter2secret@127.0.0.1:{port}/ssr")
    with pytest.raises(StoreError,
                       match=f"Cannot connect to the database at 127.0.0.1:{port}/ssr") as raised:
        store.create()
    assert "hunter2secret" not in str(raised.value)


def test_a_missing_postgres_database_is_reported_by_name(postgres_url: str) -> None:
    missing = postgres_url.rsplit("/", 1)[0] + "/no_such_database_for_ssr"
    store = SqlConversationStore(missing)
    with pytest.raises(StoreError, match='no_such_database_for_ssr" does not exist'):
        store.get(uuid.uuid4().hex)


def test_a_sqlite_file_in_a_folder_that_cannot_exist_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    store = SqlConversationStore(sqlite_url(blocker / "conversations.sqlite3"))
    with pytest.raises(StoreError, match=f"Cannot create the folder {blocker}"):
        store.create()


def test_a_sqlite_path_that_is_a_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "conversations.sqlite3"
    folder.mkdir()
    store = SqlConversationStore(sqlite_url(folder))
    with pytest.raises(StoreError, match=f"Cannot open the SQLite database at {folder}"):
        store.create()


def test_workers_starting_together_on_a_fresh_database_all_get_tables(backend: Backend) -> None:
    stores = [backend.store() for _ in range(4)]
    start = threading.Barrier(len(stores))
    created: list[Conversation] = []
    errors: list[BaseException] = []

    def first_use(store: SqlConversationStore) -> None:
        try:
            start.wait()
            created.append(store.create())
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=first_use, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert not errors, errors
        assert all(stores[0].get(conversation.id) == conversation for conversation in created)
    finally:
        for store in stores:
            store.close()
