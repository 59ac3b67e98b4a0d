"""The practice file's schema, created and evolved only through sqlite-utils ``Migrations``.

A migration, once released, is never edited: change the schema by adding a new one below.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils
from sqlite_utils.migrations import Migrations

from acuchart.storage import followup_tallies, search_index
from acuchart.storage.versions import MIGRATION_SET

MIGRATIONS = Migrations(MIGRATION_SET)

# When a course's next session (active) or maintenance visit (maintenance) is due; NULL when nothing is:
# an active course with every planned session charted, or a completed or stopped one. Kept by the
# triggers below on every change to a course or its sessions, whoever makes it; derived, so not audited.
# Active: ``interval_days`` after the latest session, or the start date before the first.
# Maintenance: ``maintenance_months`` after the course ended or its latest session, whichever is later,
# kept inside the month (31 Jan + 1 month = 28 or 29 Feb, where SQLite's own '+1 months' gives 3 Mar).
_LAST_SESSION_DAY = "(select substr(max(s.started_at), 1, 10) from sessions s where s.course_id = courses.id)"
_MAINTENANCE_BASE = f"max(coalesce(ended_on, start_date), coalesce({_LAST_SESSION_DAY}, ''))"
_NEXT_DUE = f"""case status
    when 'active' then case
        when (select count(*) from sessions s where s.course_id = courses.id) >= planned_sessions then null
        else coalesce(date({_LAST_SESSION_DAY}, '+' || interval_days || ' days'), start_date) end
    when 'maintenance' then min(
        date({_MAINTENANCE_BASE}, 'start of month', '+' || maintenance_months || ' months',
             '+' || (strftime('%d', {_MAINTENANCE_BASE}) - 1) || ' days'),
        date({_MAINTENANCE_BASE}, 'start of month', '+' || (maintenance_months + 1) || ' months', '-1 day'))
    end"""

_INITIAL = [
    """create table settings (
        key text primary key,
        value text not null
    )""",
    """create table clients (
        id integer primary key,
        first_name text not null,
        last_name text not null,
        preferred_name text not null default '',
        date_of_birth text,
        phone text not null default '',
        email text not null default '',
        address text not null default '',
        concerns text not null default '[]',
        skin_notes text not null default '',
        goals text not null default '',
        caution_flags text not null default '[]',
        caution_notes text not null default '',
        cautions_reviewed_on text,
        archived integer not null default 0,
        search_text text not null default '',
        created_at text not null,
        updated_at text not null
    )""",
    # Matches the list's order, so the first screenful comes straight off the index.
    "create index clients_by_name on clients (archived, last_name collate nocase, first_name collate nocase, id)",
    """create table consents (
        id integer primary key,
        client_id integer not null references clients(id),
        given_on text not null,
        text_version text not null,
        method text not null,
        note text not null default '',
        recorded_at text not null,
        recorded_by text not null default ''
    )""",
    "create index consents_by_client on consents (client_id)",
    """create table courses (
        id integer primary key,
        client_id integer not null references clients(id),
        concerns text not null default '[]',
        planned_sessions integer not null default 10 check (planned_sessions between 1 and 100),
        interval_days integer not null default 7 check (interval_days between 1 and 60),
        start_date text not null,
        status text not null default 'active' check (status in ('active', 'completed', 'maintenance', 'stopped')),
        maintenance_months integer not null default 3 check (maintenance_months between 1 and 24),
        notes text not null default '',
        ended_on text,
        next_due_on text,
        created_at text not null
    )""",
    "create index courses_by_client on courses (client_id)",
    # The follow-ups read active courses due before today and maintenance due within two weeks: a range here.
    "create index courses_due on courses (status, next_due_on)",
    """create table sessions (
        id integer primary key,
        client_id integer not null references clients(id),
        course_id integer references courses(id),
        started_at text not null,
        duration_min integer not null default 45,
        notes text not null default '',
        needles_removed integer,
        count_note text not null default '',
        consent_override text not null default '',
        late_entry integer not null default 0,
        signed_at text,
        signed_by text,
        created_at text not null
    )""",
    "create index sessions_by_client on sessions (client_id, started_at)",
    "create index sessions_by_course on sessions (course_id, started_at)",
    """create table marks (
        id integer primary key,
        session_id integer not null references sessions(id),
        code text,
        side text,
        view text not null,
        x real,
        y real,
        label text not null default '',
        needles integer not null default 1,
        technique text not null default '',
        caution_warning text not null default '',
        created_at text not null
    )""",
    "create index marks_by_session on marks (session_id)",
    """create table reactions (
        id integer primary key,
        session_id integer not null references sessions(id),
        mark_id integer references marks(id),
        kind text not null,
        severity text not null,
        onset text not null,
        note text not null default '',
        resolved_on text,
        late_entry integer not null default 0,
        created_at text not null
    )""",
    "create index reactions_by_session on reactions (session_id)",
    # The follow-ups view reads only open reactions: a partial index keeps that instant at any size.
    "create index reactions_open on reactions (session_id) where resolved_on is null",
    """create table ratings (
        id integer primary key,
        session_id integer not null references sessions(id),
        concern text not null,
        score integer not null check (score between 0 and 10),
        unique (session_id, concern)
    )""",
    """create table protocols (
        id integer primary key,
        name text not null unique,
        note text not null default '',
        points text not null default '[]',
        created_at text not null
    )""",
    """create table amendments (
        id integer primary key,
        session_id integer not null references sessions(id),
        entity text not null,
        entity_id integer,
        field text not null,
        old_value text,
        new_value text,
        reason text not null,
        author text not null,
        at text not null
    )""",
    "create index amendments_by_session on amendments (session_id)",
    """create table audit (
        id integer primary key,
        at text not null,
        actor text not null,
        action text not null,
        entity text not null,
        entity_id integer,
        data text not null,
        prev_hash text not null,
        hash text not null
    )""",
    *(
        trigger.format(next_due=_NEXT_DUE)
        for trigger in (
            """create trigger course_due_on_insert after insert on courses
                begin update courses set next_due_on = {next_due} where id = new.id; end""",
            """create trigger course_due_on_update after update of status, start_date, interval_days,
                planned_sessions, ended_on, maintenance_months on courses
                begin update courses set next_due_on = {next_due} where id = new.id; end""",
            """create trigger course_due_on_new_session after insert on sessions when new.course_id is not null
                begin update courses set next_due_on = {next_due} where id = new.course_id; end""",
            """create trigger course_due_on_moved_session after update of course_id, started_at on sessions
                begin update courses set next_due_on = {next_due} where id in (old.course_id, new.course_id); end""",
            """create trigger course_due_on_removed_session after delete on sessions when old.course_id is not null
                begin update courses set next_due_on = {next_due} where id = old.course_id; end""",
        )
    ),
    # Append-only at the database level too: the app can never rewrite or remove an entry by mistake.
    """create trigger audit_no_update before update on audit
        begin select raise(abort, 'The audit trail is append-only: entries cannot be changed.'); end""",
    """create trigger audit_no_delete before delete on audit
        begin select raise(abort, 'The audit trail is append-only: entries cannot be removed.'); end""",
]


@MIGRATIONS(name="m001_initial")
def m001_initial(db: sqlite_utils.Database) -> None:
    """The first schema: every concept in DESIGN.md."""
    for statement in _INITIAL:
        db.execute(statement)


# The clinical records whose ids the audit trail names: with AUTOINCREMENT, an id is never given
# again, even after the newest row was deleted (an undo puts a row back under its own id, which
# then can never belong to a newer record).
_NEVER_REUSED = (
    "clients",
    "consents",
    "courses",
    "sessions",
    "marks",
    "reactions",
    "ratings",
    "protocols",
    "amendments",
)


@MIGRATIONS(name="m002_ids_never_reused", transactional=False)
def m002_ids_never_reused(db: sqlite_utils.Database) -> None:
    """Rebuild the record tables with AUTOINCREMENT, keeping every row and id as it was.

    SQLite's documented way to change a table's definition (``lang_altertable.html``, "other kinds of
    table schema changes"): foreign keys off, then in one transaction make each new table, copy, drop,
    rename, put the indexes and triggers back word for word, and check every reference before the
    commit. Each sequence starts above the highest id the table ever held, by the audit trail too, so
    a row deleted before this migration does not see its id given again either. A table rebuilt
    already is left alone, so running it again after a crash between its commit and the record of it
    is harmless.
    """
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            _rebuild_with_autoincrement(conn)
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise RuntimeError("A record points to one that does not exist; nothing was changed.")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _rebuild_with_autoincrement(conn: sqlite3.Connection) -> None:
    marks = ", ".join("?" for _ in _NEVER_REUSED)
    kept = conn.execute(
        "select type, name, tbl_name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null "
        f"and tbl_name in ({marks})",
        _NEVER_REUSED,
    ).fetchall()
    for kind, name, _, _ in kept:
        if kind == "trigger":
            conn.execute(f"drop trigger [{name}]")
    for table in _NEVER_REUSED:
        (sql,) = conn.execute(
            "select sql from sqlite_master where type = 'table' and name = ?", [table]
        ).fetchone()
        body = sql.split("(", 1)[1]
        if "id integer primary key autoincrement," in body:
            continue
        if "id integer primary key," not in body:
            raise RuntimeError(f"The table {table} does not have the shape this migration expects.")
        new_body = body.replace("id integer primary key,", "id integer primary key autoincrement,", 1)
        conn.execute(f"create table [{table}_rebuilt] ({new_body}")
        conn.execute(f"insert into [{table}_rebuilt] select * from [{table}]")
        conn.execute(f"drop table [{table}]")
        conn.execute(f"alter table [{table}_rebuilt] rename to [{table}]")
        for kind, _, on_table, index_sql in kept:
            if kind == "index" and on_table == table:
                conn.execute(index_sql)
        highest = conn.execute(
            f"select max(coalesce((select max(id) from [{table}]), 0), "
            "coalesce((select max(entity_id) from audit where entity = ?), 0))",
            [table],
        ).fetchone()[0]
        conn.execute("delete from sqlite_sequence where name = ?", [table])
        conn.execute("insert into sqlite_sequence (name, seq) values (?, ?)", [table, highest])
    for kind, _, _, trigger_sql in kept:
        if kind == "trigger":
            conn.execute(trigger_sql)


@MIGRATIONS(name="m003_notes_shown_to_client")
def m003_notes_shown_to_client(db: sqlite_utils.Database) -> None:
    """A reaction's note is the clinician's unless marked for the client: only then does the handout
    or the course summary print it. Notes written before this stay off the client's documents."""
    db.execute("alter table reactions add column note_shown_to_client integer not null default 0")


@MIGRATIONS(name="m004_client_search_index")
def m004_client_search_index(db: sqlite_utils.Database) -> None:
    """Type-ahead from an FTS5 trigram index read in the client list's order (see ``search_index``).

    Also what else read every record of a kind, to keep costs to what is on screen at any size: the
    follow-ups' tallies (``followup_tallies``) and their open reactions by age, and the index unmarking a
    point was missing (it looked up
    the reactions at the mark, and the foreign key check looked again, by reading every reaction in the
    practice: some 75 ms a click at 100,000 clients).
    """
    search_index.require_trigram_search(db.conn)
    for statement in [*search_index.MIGRATION, *followup_tallies.MIGRATION]:
        db.execute(statement)
    db.execute("create index reactions_by_mark on reactions (mark_id) where mark_id is not null")
    # The follow-ups list open reactions the longest open first, a page at a time.
    db.execute("create index reactions_open_by_age on reactions (created_at, id) where resolved_on is null")


_PHOTOS = [
    # Photo consent, apart from consent to treatment: one row per decision about one use, never
    # changed afterwards. The latest decision for a use is the one in force.
    """create table photo_consents (
        id integer primary key autoincrement,
        client_id integer not null references clients(id),
        use text not null check (use in ('clinical', 'teaching', 'marketing')),
        decision text not null check (decision in ('given', 'refused', 'withdrawn')),
        decided_on text not null,
        text_version text not null,
        method text not null,
        note text not null default '',
        recorded_at text not null,
        recorded_by text not null default ''
    )""",
    "create index photo_consents_by_client on photo_consents (client_id, use, decided_on)",
    """create table photos (
        id integer primary key autoincrement,
        session_id integer not null references sessions(id),
        view text not null check (view in
            ('front', 'left_oblique', 'right_oblique', 'left_profile', 'right_profile', 'close_up')),
        label text not null default '',
        sha256 text not null check (length(sha256) = 64),
        extension text not null check (extension in ('jpg', 'png')),
        width integer not null,
        height integer not null,
        byte_size integer not null,
        taken_at text not null,
        taken_at_source text not null check (taken_at_source in ('photo', 'file', 'import')),
        original_name text not null default '',
        alignment text not null default '',
        hidden_at text,
        hidden_reason text,
        created_at text not null
    )""",
    "create index photos_by_session on photos (session_id, view, taken_at)",
    # One record per image: importing the same photo twice is noticed, and the check finds a file fast.
    "create unique index photos_by_hash on photos (sha256)",
    """create table photo_thumbnails (
        id integer primary key autoincrement,
        photo_id integer not null unique references photos(id),
        jpeg blob not null
    )""",
]


@MIGRATIONS(name="m007_photos")
def m007_photos(db: sqlite_utils.Database) -> None:
    """Photos of the client at each session, their thumbnails, and photo consent."""
    for statement in _PHOTOS:
        db.execute(statement)


_CLINICAL_NOTE = [
    # SOAP: the session's existing notes are its Objective part (what was seen and done), kept in place;
    # the other three parts are new.
    "alter table sessions add column subjective text not null default ''",
    "alter table sessions add column assessment text not null default ''",
    "alter table sessions add column plan text not null default ''",
    """create table tcm_findings (
        id integer primary key autoincrement,
        session_id integer not null unique references sessions(id),
        tongue text not null default '{}',
        pulse text not null default '{}',
        principles text not null default '[]',
        patterns text not null default '[]',
        treatment_principle text not null default '',
        created_at text not null
    )""",
    # Needling details per mark.
    "alter table marks add column angle text not null default ''",
    "alter table marks add column depth_mm real",
    "alter table marks add column stimulation text not null default ''",
    "alter table marks add column retention_min integer",
    """create table needle_lots (
        id integer primary key autoincrement,
        brand text not null,
        gauge text not null,
        length text not null,
        lot_number text not null,
        opened_on text not null,
        expires_on text,
        finished_on text,
        created_at text not null
    )""",
    # A recall looks a lot up by its number as typed, whatever its case.
    "create index needle_lots_by_number on needle_lots (lot_number collate nocase)",
    "create index needle_lots_open on needle_lots (opened_on) where finished_on is null",
    """create table session_lots (
        id integer primary key autoincrement,
        session_id integer not null references sessions(id),
        lot_id integer not null references needle_lots(id),
        unique (session_id, lot_id)
    )""",
    "create index session_lots_by_lot on session_lots (lot_id, session_id)",
    """create table adjuncts (
        id integer primary key autoincrement,
        session_id integer not null references sessions(id),
        kind text not null,
        area text not null default '',
        duration_min integer check (duration_min is null or duration_min between 1 and 240),
        details text not null default '',
        created_at text not null
    )""",
    "create index adjuncts_by_session on adjuncts (session_id)",
    "alter table reactions add column adjunct_id integer references adjuncts(id)",
    """create table skin_measures (
        id integer primary key autoincrement,
        client_id integer not null references clients(id),
        session_id integer references sessions(id),
        measured_on text not null,
        fitzpatrick integer check (fitzpatrick is null or fitzpatrick between 1 and 6),
        glogau integer check (glogau is null or glogau between 1 and 4),
        wrinkles text not null default '{}',
        created_at text not null
    )""",
    "create index skin_measures_by_client on skin_measures (client_id, measured_on)",
    """create table note_templates (
        id integer primary key autoincrement,
        name text not null unique,
        concern text not null default '',
        prompts text not null default '',
        scales text not null default '[]',
        created_at text not null
    )""",
]


@MIGRATIONS(name="m008_clinical_note")
def m008_clinical_note(db: sqlite_utils.Database) -> None:
    """The note a licensed acupuncturist keeps: SOAP parts, TCM findings, needling details, needle lots,
    adjunct techniques, skin scales and the practice's note templates. Nothing stored before changes."""
    for statement in _CLINICAL_NOTE:
        db.execute(statement)


@MIGRATIONS(name="m009_client_language")
def m009_client_language(db: sqlite_utils.Database) -> None:
    """The language a client's documents print in (a code such as "es"); empty for every client so far,
    which means "the practice's language", so nothing printed before changes."""
    db.execute("alter table clients add column language text not null default ''")
