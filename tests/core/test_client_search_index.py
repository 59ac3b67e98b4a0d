"""Type-ahead from the trigram index finds exactly what reading every client found, in the same order.

The reference is the query the app ran before the index existed: every client's ``search_text`` read
in list order and matched with ``like``. It is compared with the indexed search on the demo practice,
on generated clients with names in many scripts, on a file made before the index existed, and after
random creations and renames that keep using up the gaps between clients' places in the list.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from acuchart import clock
from acuchart.demo import write_demo
from acuchart.errors import StoreError
from acuchart.practice import Practice
from acuchart.services.clients import ClientForm, search_text, search_tokens
from acuchart.storage import search_index
from acuchart.storage.clients import SEARCH_COLUMNS, SEARCH_LIMIT
from acuchart.storage.schema import MIGRATIONS
from acuchart.text import fold

NOW = dt.datetime(2026, 11, 18, 14, 7)

FIRST_NAMES = [
    "Amelia", "Chloé", "Zoë", "Sofía", "Ingrid", "Ærin", "Łucja", "Şule", "İpek", "Straße",
    "Ελένη", "Σοφία", "Наталья", "Ольга", "فاطمة", "ليلى", "נועה", "שירה", "美玲", "林", "さくら",
    "지민", "प्रिया", "Nguyễn Thị", "O'Neil", "Mary Ann", "Jean-Luc", "ﬁona", "Ｔａｒｏ", "Ǆenana",
]  # fmt: skip
LAST_NAMES = [
    "Hartley", "Lefèvre", "Domínguez", "Ben-David", "O'Hara", "Øvergaard", "Ünal", "Çelik", "Weiß",
    "Παπαδοπούλου", "Иванова", "حداد", "כהן", "王", "陈", "佐藤", "김", "शर्मा", "Trần", "van der Berg",
    "Smith_Jones", "100% Natural", "McAllister", "d'Arcy", "Ó Briain", "Lin", "Linh", "Li",
]  # fmt: skip


def scan_sql(tokens: list[str], include_archived: bool, limit: int) -> tuple[str, list[object]]:
    """The search as it was before the index: every client read in list order, matched with ``like``."""
    where = [] if include_archived else ["archived = 0"]
    params: list[object] = []
    for token in tokens:
        where.append("search_text like ? escape '\\'")
        escaped = token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(f"%{escaped}%")
    clause = f"where {' and '.join(where)}" if where else ""
    sql = (
        f"select {', '.join(SEARCH_COLUMNS)} from clients {clause} "
        f"order by last_name collate nocase, first_name collate nocase, id limit {limit}"
    )
    return sql, params


def scanned(practice: Practice, query: str, include_archived: bool, limit: int) -> list[tuple[object, ...]]:
    sql, params = scan_sql(search_tokens(query), include_archived, limit)
    return practice.store.tuples(sql, params)


def indexed_pages(practice: Practice, query: str, include_archived: bool) -> list[tuple[object, ...]]:
    """Every page of the indexed search, one after the other, as the client list fetches them."""
    found: list[tuple[object, ...]] = []
    after = None
    while True:
        page = [tuple(c) for c in practice.clients.search(query, include_archived, after=after)]
        found += page
        if len(page) < SEARCH_LIMIT:
            return found
        after = int(page[-1][0])  # type: ignore[call-overload]


def assert_same_results(practice: Practice, queries: list[str]) -> None:
    for query in queries:
        for include_archived in (False, True):
            first = [tuple(c) for c in practice.clients.search(query, include_archived)]
            assert first == scanned(practice, query, include_archived, SEARCH_LIMIT), query
            everyone = scanned(practice, query, include_archived, 10**9)
            if len(everyone) > SEARCH_LIMIT:
                assert indexed_pages(practice, query, include_archived) == everyone, query


def queries_for(practice: Practice, rng: random.Random, sample: int = 40) -> list[str]:
    """What a practitioner might type for some of the practice's clients: any part of a name, with or
    without accents, phone digits however spaced, an email, a birth date in each way it is written."""
    rows = practice.store.rows("select * from clients order by id")
    queries = ["", "a", "e", "o", "07", "7", "0", "+", "@", ".", "-", "/", "'", "%", "_", "🙂", "zz", "q"]
    for row in rng.sample(rows, min(sample, len(rows))):
        words = f"{row['first_name']} {row['last_name']}".split()
        for word in words:
            for size in (1, 2, 3, 5):
                queries.append(word[:size])
                queries.append(fold(word)[:size])
            queries.append(word[1:4])  # not at the start of a word: found only as part of a number
        queries.append(f"{words[0][:2]} {words[-1][:2]}")
        phone = row["phone"]
        if phone:
            start = rng.randrange(len(phone))
            queries += [phone, phone[start : start + 4], phone.replace(" ", "")[-3:], "+" + phone[:3]]
        if row["email"]:
            queries += [row["email"], row["email"][:5], row["email"].split("@")[-1][:4]]
        born = row["date_of_birth"]
        if born:
            day = dt.date.fromisoformat(born)
            queries += [born, born[:4], f"{day:%d/%m}", f"{day:%d.%m.%Y}", f"{day:%m-%d}", born[2:7]]
    return queries


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Practice]:
    clock.set_clock(lambda: NOW)
    path = tmp_path_factory.mktemp("demo") / "demo.acuchart"
    try:
        write_demo(path)
    finally:
        clock.set_clock(None)
    practice = Practice.open(path)
    yield practice
    practice.close()


def many_scripts(count: int, seed: int) -> list[ClientForm]:
    rng = random.Random(seed)
    forms = []
    for i in range(count):
        born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 25_000))
        forms.append(
            ClientForm(
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES) + ("" if i % 4 else f" {rng.choice(LAST_NAMES)}"),
                phone=rng.choice(
                    [
                        "",
                        f"+44 7700 9{rng.randint(0, 99999):05d}",
                        f"(0{rng.randint(10, 99)}) 555-01{i % 100:02d}",
                    ]
                ),
                email=rng.choice(["", f"client{i}@example.com", f"c.{i}+tag@mail.example.org"]),
                date_of_birth=rng.choice([None, born]),
            )
        )
    return forms


def test_the_demo_finds_the_same_clients_through_the_index(demo: Practice) -> None:
    assert_same_results(demo, queries_for(demo, random.Random(1), sample=14))


def test_names_in_many_scripts_are_found_as_before_with_pages_past_the_first_screenful(
    practice: Practice,
) -> None:
    practice.clients.create_many(many_scripts(700, seed=2))
    for client_id in (5, 50, 500):  # some archived, so both lists differ
        practice.clients.set_archived(client_id, True)
    assert_same_results(practice, queries_for(practice, random.Random(3)))


def test_a_renamed_or_edited_client_is_found_by_the_new_name_only(practice: Practice) -> None:
    practice.clients.create_many(many_scripts(60, seed=4))
    client = practice.clients.create(
        ClientForm(first_name="Amelia", last_name="Hartley", phone="07700 900123")
    ).value
    practice.clients.update(
        client.id, ClientForm(first_name="Amelia", last_name="Whitfield", phone="07700 900999")
    )
    assert [c.id for c in practice.clients.search("whit am")] == [client.id]
    assert client.id not in [c.id for c in practice.clients.search("hartley amelia")]
    assert client.id not in [c.id for c in practice.clients.search("900123")]
    assert_same_results(practice, ["wh", "am", "900", "hart", "999", ""])


def test_a_file_made_before_the_index_gets_it_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "older.acuchart"
    db = sqlite_utils.Database(path)
    MIGRATIONS.apply(db, stop_before="m004_client_search_index")
    stamp = "2025-01-01T09:00:00"
    for form in many_scripts(300, seed=5):
        row = practice_row(form)
        db.execute(
            "insert into clients (first_name, last_name, phone, email, date_of_birth, search_text, created_at,"
            " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
            [*row, stamp, stamp],
        )
    db.conn.commit()
    db.close()
    practice = Practice.open(path)
    try:
        assert practice.store.scalar("select count(*) from clients where name_order is null") == 0
        assert_same_results(practice, queries_for(practice, random.Random(6), sample=20))
    finally:
        practice.close()


def practice_row(form: ClientForm) -> list[object]:
    born = form.date_of_birth.isoformat() if isinstance(form.date_of_birth, dt.date) else form.date_of_birth
    row = {
        "first_name": form.first_name,
        "last_name": form.last_name,
        "phone": form.phone,
        "email": form.email,
        "date_of_birth": born,
    }
    return [*row.values(), search_text(row)]


def test_a_sqlite_without_trigram_search_is_named_in_the_message() -> None:
    class NoFts5:
        def execute(self, sql: str) -> None:
            raise sqlite3.OperationalError("no such module: fts5")

    with pytest.raises(StoreError, match=r"lacks full-text search with trigrams .*Nothing was changed"):
        search_index.require_trigram_search(NoFts5())  # type: ignore[arg-type]


# --- places in the list, used up and made again ------------------------------------------------------

TIGHT = search_index.migration_statements(step=4, windows=(2, 4, 8), span=64, gap=2)
"""The index with gaps of 4 and small neighbourhoods, so a few clients use a gap up and every way of
making room again (each neighbourhood, then everyone) is taken within a short run."""

close_names = st.sampled_from(
    ["Ann", "ann", "Anna", "Ånn", "Bo", "bo", "Bö", "Li", "Lin", "Ли", "李", "O'Hara"]
)


class UsingUpGaps(RuleBasedStateMachine):
    """Clients added and renamed, many with the same or nearly the same names, in a practice whose index
    leaves small gaps: the list order, the index and the plain scan must always agree."""

    clients = Bundle("clients")

    def __init__(self) -> None:
        super().__init__()
        self.monkeypatch = pytest.MonkeyPatch()
        self.monkeypatch.setattr(search_index, "MIGRATION", TIGHT)
        self.practice = Practice.open(":memory:")

    @rule(target=clients, first=close_names, last=close_names, archived=st.booleans())
    def add(self, first: str, last: str, archived: bool) -> int:
        client = self.practice.clients.create(
            ClientForm(first_name=first, last_name=last, phone="0207 946 0000")
        ).value
        if archived:
            self.practice.clients.set_archived(client.id, True)
        return client.id

    @rule(target=clients, first=close_names, last=close_names, count=st.integers(2, 12))
    def import_many(self, first: str, last: str, count: int) -> list[int]:
        forms = [ClientForm(first_name=first, last_name=f"{last}{'x' * (i % 3)}") for i in range(count)]
        return self.practice.clients.create_many(forms).value[0]

    @rule(client=clients, first=close_names, last=close_names)
    def rename(self, client: int, first: str, last: str) -> None:
        self.practice.clients.update(client, ClientForm(first_name=first, last_name=last))

    @invariant()
    def places_rise_in_list_order(self) -> None:
        places = self.practice.store.tuples(
            "select name_order from clients order by last_name collate nocase, first_name collate nocase, id"
        )
        assert all(a[0] < b[0] for a, b in pairwise(places))

    @invariant()
    def index_is_sound(self) -> None:
        self.practice.store.conn.execute(
            "insert into client_search (client_search) values ('integrity-check')"
        )

    @invariant()
    def index_finds_what_the_scan_finds(self) -> None:
        for query in ("", "a", "an", "ann", "bo", "li", "ли", "李", "o'", "x", "0207", "46"):
            for include_archived in (False, True):
                everyone = scanned(self.practice, query, include_archived, 10**9)
                found = [tuple(c) for c in self.practice.clients.search(query, include_archived)]
                assert found == everyone[:SEARCH_LIMIT], query

    def teardown(self) -> None:
        self.practice.close()
        self.monkeypatch.undo()


UsingUpGaps.TestCase.settings = settings(
    max_examples=30, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_using_up_gaps = UsingUpGaps.TestCase
