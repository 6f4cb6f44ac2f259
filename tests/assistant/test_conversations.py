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
    ReferralAlreadyClaimed,
    ReferralContact,
    ReferralSummary,
    SignpostSummary,
    SqlConversationStore,
    StoreError,
    UnknownConversation,
    UnknownMessage,
    UnknownReferral,
    VerdictSummary,
    VersionConflict,
    normalise_database_url,
    sqlite_url,
    utc_now,
)
from assistant.conversations.database import FIRST_REVISION, MIGRATIONS
from assistant.conversations.models import Base
from assistant.reply import Citation, Criterion, EligibilityResult, Reply, Signpost, Understood

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


# -- versions: turns answered at once both land ------------------------------------------

def test_each_stored_turn_moves_the_version_on(store: SqlConversationStore) -> None:
    conversation = store.create()
    assert conversation.version == 0
    add_turn(store, conversation, "one")
    add_turn(store, conversation, "two")
    stored = store.get(conversation.id)
    assert stored is not None and stored.version == 2


def test_a_turn_answered_from_an_old_version_is_refused_and_changes_nothing(
        store: SqlConversationStore) -> None:
    conversation = store.create()
    first = make_reply(conversation.id)
    store.append_turn(conversation.id, "45 staff", first, Facts(employees=45), [],
                      expected_version=0)
    stale = make_reply(conversation.id)
    with pytest.raises(VersionConflict) as raised:
        store.append_turn(conversation.id, "in B15", stale, Facts(postcode="B15"), [],
                          expected_version=0)
    assert raised.value.conversation_id == conversation.id
    stored = store.get(conversation.id)
    assert stored is not None
    assert stored.facts == Facts(employees=45) and len(stored.turns) == 1 and stored.version == 1


def test_read_merge_and_retry_loses_no_fact_when_many_threads_write_one_conversation(
        backend: Backend) -> None:
    """What the engine does on a conflict (read again, merge, store on the version read),
    from several stores at once as several workers would: every fact lands."""
    stores = [backend.store() for _ in range(3)]
    conversation = stores[0].create()
    per_thread, threads_n = 6, 6
    start = threading.Barrier(threads_n)
    errors: list[BaseException] = []
    conflicts: list[int] = []

    def writer(n: int) -> None:
        store = stores[n % len(stores)]
        try:
            start.wait()
            for i in range(per_thread):
                code = f"{n:02d}.{i:02d}"
                while True:
                    current = store.get(conversation.id)
                    assert current is not None
                    facts = current.facts.merged_with(
                        Facts(sic_codes=[*current.facts.sic_codes, code]))
                    try:
                        store.append_turn(conversation.id, code, make_reply(conversation.id),
                                          facts, [], expected_version=current.version)
                        break
                    except VersionConflict:
                        conflicts.append(n)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(threads_n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    try:
        assert not errors, errors
        stored = stores[1].get(conversation.id)
        assert stored is not None
        expected = {f"{n:02d}.{i:02d}" for n in range(threads_n) for i in range(per_thread)}
        assert set(stored.facts.sic_codes) == expected
        assert len(stored.turns) == stored.version == threads_n * per_thread
        # each thread's turns in the order it sent them
        for n in range(threads_n):
            mine = [t.user_text for t in stored.turns if t.user_text.startswith(f"{n:02d}.")]
            assert mine == sorted(mine)
        assert conflicts, "the threads never collided, so the retry was not exercised"
    finally:
        for store in stores:
            store.close()


def test_a_reader_sees_turns_another_worker_stored_after_it_last_read(
        backend: Backend, store: SqlConversationStore) -> None:
    conversation = store.create()
    add_turn(store, conversation, "first")
    assert [t.user_text for t in store.get(conversation.id).turns] == ["first"]  # type: ignore[union-attr]
    other = backend.store()
    try:
        add_turn(other, conversation, "second", Facts(employees=9))
        other.delete(store.create().id)
    finally:
        other.close()
    stored = store.get(conversation.id)
    assert stored is not None
    assert [t.user_text for t in stored.turns] == ["first", "second"]
    assert stored.facts == Facts(employees=9) and stored.version == 2


def test_a_conversation_erased_by_another_worker_is_gone_for_this_one(
        backend: Backend, store: SqlConversationStore) -> None:
    conversation = store.create()
    add_turn(store, conversation, "cached here")
    assert store.get(conversation.id) is not None
    other = backend.store()
    try:
        assert other.delete(conversation.id) is True
    finally:
        other.close()
    assert store.get(conversation.id) is None


def test_changing_a_returned_conversation_does_not_change_the_store(
        store: SqlConversationStore) -> None:
    conversation = store.create()
    add_turn(store, conversation, "hello", Facts(employees=3), ["Postcode?"])
    first = store.get(conversation.id)
    assert first is not None
    first.turns.clear()
    first.open_questions.append("changed")
    again = store.get(conversation.id)
    assert again is not None and len(again.turns) == 1 and again.open_questions == ["Postcode?"]


# -- referrals ----------------------------------------------------------------------------

def make_contact(**values: str) -> ReferralContact:
    fields = {"name": "Priya Shah", "email": "priya@acme-widgets.example",
              "company": "Acme Widgets Ltd", "note": "Best after 2pm"}
    fields.update(values)
    return ReferralContact(**fields)


def make_summary() -> ReferralSummary:
    return ReferralSummary(
        understood=[Understood(fact="employees", value="40 staff", text="40-person")],
        verdicts=[VerdictSummary(programme="Productivity Booster", decision="need_more_info",
                                 missing_facts=["turnover"])],
        signposts=[SignpostSummary(name="Battery lab", partner="WMG")],
        turns=2,
    )


def test_a_referral_is_kept_with_its_contact_and_summary(store: SqlConversationStore) -> None:
    conversation = store.create()
    referral = store.add_referral(conversation.id, make_contact(), make_summary())
    assert referral.conversation_id == conversation.id and referral.claimed_by is None
    assert referral.created_at.tzinfo == UTC
    assert store.referral(referral.id) == referral
    assert store.referrals() == [referral]
    assert store.referrals(claimed=False) == [referral] and store.referrals(claimed=True) == []


def test_a_referral_for_an_unknown_conversation_is_refused(store: SqlConversationStore) -> None:
    for missing in (uuid.uuid4().hex, "not-an-id"):
        with pytest.raises(UnknownConversation):
            store.add_referral(missing, make_contact(), make_summary())
    assert store.referrals() == []
    assert store.referral("not-an-id") is None and store.referral(uuid.uuid4().hex) is None


def test_a_referral_is_claimed_once_and_a_second_claimant_is_told_who_has_it(
        store: SqlConversationStore) -> None:
    referral = store.add_referral(store.create().id, make_contact(), make_summary())
    claimed = store.claim_referral(referral.id, "Sam (MTC)")
    assert claimed.claimed_by == "Sam (MTC)" and claimed.claimed_at is not None
    assert store.claim_referral(referral.id, "Sam (MTC)") == claimed  # the same person again
    with pytest.raises(ReferralAlreadyClaimed, match=r"already claimed by Sam \(MTC\)") as raised:
        store.claim_referral(referral.id, "Alex (WMG)")
    assert raised.value.claimed_by == "Sam (MTC)"
    assert store.referrals(claimed=True) == [claimed]
    with pytest.raises(UnknownReferral):
        store.claim_referral(uuid.uuid4().hex, "Sam (MTC)")
    with pytest.raises(ValueError, match="name of the person"):
        store.claim_referral(referral.id, "  ")


def test_of_many_claims_at_once_exactly_one_wins(backend: Backend) -> None:
    stores = [backend.store() for _ in range(4)]
    referral = stores[0].add_referral(stores[0].create().id, make_contact(), make_summary())
    start = threading.Barrier(len(stores))
    won: list[str] = []
    told: list[str] = []

    def claim(n: int) -> None:
        start.wait()
        try:
            won.append(stores[n].claim_referral(referral.id, f"adviser {n}").claimed_by or "")
        except ReferralAlreadyClaimed as error:
            told.append(error.claimed_by)

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for store in stores:
        store.close()
    assert len(won) == 1 and len(told) == len(stores) - 1
    assert set(told) == set(won)


# -- Slack threads --------------------------------------------------------------------------

def test_a_slack_thread_leads_back_to_its_conversation(store: SqlConversationStore) -> None:
    conversation = store.create()
    thread = ("T012AB3C4", "C0123456789", "1733212345.000200")
    assert store.slack_thread_conversation(*thread) is None
    assert store.link_slack_thread(*thread, conversation.id) == conversation.id
    assert store.slack_thread_conversation(*thread) == conversation.id
    assert store.slack_thread_conversation("T012AB3C4", "C0123456789", "1733212345.000300") \
        is None


def test_the_first_link_of_a_thread_wins(store: SqlConversationStore) -> None:
    first, second = store.create(), store.create()
    thread = ("T1", "C1", "1.0001")
    assert store.link_slack_thread(*thread, first.id) == first.id
    assert store.link_slack_thread(*thread, second.id) == first.id
    assert store.slack_thread_conversation(*thread) == first.id


def test_linking_a_thread_to_an_unknown_conversation_is_refused(
        store: SqlConversationStore) -> None:
    with pytest.raises(UnknownConversation):
        store.link_slack_thread("T1", "C1", "1.0001", uuid.uuid4().hex)
    with pytest.raises(UnknownConversation):
        store.link_slack_thread("T1", "C1", "1.0001", "nope")
    for bad in ("", " ", "x" * 65, "a\x00b"):
        with pytest.raises(ValueError, match="Slack"):
            store.slack_thread_conversation("T1", bad, "1.0001")


def test_erasure_takes_referrals_and_slack_threads_with_it(backend: Backend,
                                                          store: SqlConversationStore) -> None:
    conversation = store.create()
    reply = add_turn(store, conversation, "40 staff in Dudley")
    store.add_feedback(reply.message_id, "up", "clear")
    referral = store.add_referral(conversation.id, make_contact(), make_summary())
    store.link_slack_thread("T1", "C1", "1.0001", conversation.id)
    kept = store.create()
    kept_referral = store.add_referral(kept.id, make_contact(email="kept@example.org", note=""),
                                       make_summary())

    assert store.delete(conversation.id) is True
    assert store.referral(referral.id) is None
    assert store.referrals() == [kept_referral]
    assert store.slack_thread_conversation("T1", "C1", "1.0001") is None
    leftovers = backend.all_rows_text()
    for trace in (conversation.id, "priya@acme-widgets.example", "Best after 2pm", "1.0001"):
        assert trace not in leftovers
    assert "kept@example.org" in leftovers


# -- migrations ---------------------------------------------------------------------------

def _run_alembic(backend: Backend, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    if backend.name == "sqlite":
        Path(sa.make_url(backend.url).database or "").parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(normalise_database_url(backend.url))
    try:
        with engine.begin() as conn:
            if backend.schema:
                conn.execute(sa.schema.CreateSchema(backend.schema, if_not_exists=True))
            config = Config()
            config.set_main_option("script_location", MIGRATIONS)
            config.attributes.update(connection=conn, schema=backend.schema)
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def test_a_database_from_before_migrations_is_upgraded_in_place(backend: Backend) -> None:
    """The first release made its tables without Alembic: they are stamped and upgraded, and
    what they held is kept, each conversation at the version its turns make."""
    _run_alembic(backend, FIRST_REVISION)
    engine = sa.create_engine(normalise_database_url(backend.url))
    prefix = f'"{backend.schema}".' if backend.schema else ""
    conversation_id, now = uuid.uuid4().hex, "2025-01-02 03:04:05"
    reply = make_reply(conversation_id)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP TABLE {prefix}alembic_version"))
            conn.execute(sa.text(
                f"INSERT INTO {prefix}conversations VALUES (:id, :now, :now, :facts, '[]')"),
                {"id": conversation_id, "now": now, "facts": Facts(employees=7).model_dump_json()})
            conn.execute(sa.text(
                f"INSERT INTO {prefix}conversation_turns (conversation_id, message_id, "
                "user_text, reply_json, created_at) VALUES (:id, :mid, 'old turn', :reply, :now)"),
                {"id": conversation_id, "mid": reply.message_id, "reply": reply.model_dump_json(),
                 "now": now})
    finally:
        engine.dispose()

    store = backend.store()
    try:
        stored = store.get(conversation_id)
        assert stored is not None
        assert stored.facts == Facts(employees=7) and stored.version == 1
        assert [t.user_text for t in stored.turns] == ["old turn"]
        add_turn(store, stored, "a new turn")
        store.add_referral(conversation_id, make_contact(), make_summary())
        assert store.get(conversation_id).version == 2  # type: ignore[union-attr]
    finally:
        store.close()


def test_the_models_match_what_the_migrations_make(backend: Backend) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    _run_alembic(backend, "head")
    engine = sa.create_engine(normalise_database_url(backend.url))
    try:
        with engine.connect() as conn:
            if backend.schema:
                conn = conn.execution_options(schema_translate_map={None: backend.schema})
            context = MigrationContext.configure(conn, opts={
                "include_schemas": False, "compare_type": True,
                "version_table_schema": backend.schema,
                "include_name": lambda name, kind, parent: name != "alembic_version",
            })
            if backend.schema:
                conn.exec_driver_sql(f'SET search_path TO "{backend.schema}"')
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []
