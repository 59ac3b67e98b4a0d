"""The kinds of record an export writes: one entry each, with the meaning of every column.

Adding a kind of record to the export (photos, assessments…) is one :class:`RecordKind` appended to
:data:`KINDS`: the CSV file, the JSON file, the counts in the manifest and the README's description
of the columns all follow from it. A test compares this list with the practice file's schema, so a
table or column added by a migration without a word here is caught.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Form = Literal["integer", "number", "text", "date", "datetime", "boolean", "list", "json"]
"""What a column holds. ``date`` is YYYY-MM-DD, ``datetime`` YYYY-MM-DDTHH:MM:SS (local time),
``boolean`` 1 or 0 in CSV (true or false in JSON), ``list`` words separated by "; " in CSV (an array in
JSON), ``json`` JSON text in CSV (the value itself in JSON)."""


class Column(NamedTuple):
    """One column of an exported record: its name, what it holds, and what it means."""

    name: str
    form: Form
    meaning: str


class RecordKind(NamedTuple):
    """A kind of record: the table it comes from, its file name, and its columns."""

    name: str
    table: str
    title: str
    description: str
    columns: tuple[Column, ...]
    order_by: str = "id"

    @property
    def file_stem(self) -> str:
        """The name of its files: ``clients`` for ``csv/clients.csv`` and ``json/clients.json``."""
        return self.name


def _id(what: str) -> Column:
    return Column(
        "id", "integer", f"The {what}'s number. Stable: never changed, never given to another record."
    )


def _created() -> Column:
    return Column("created_at", "datetime", "When the record was entered.")


KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        "clients",
        "clients",
        "Clients",
        "The people the practice treats: identity, contact, intake and cautions.",
        (
            _id("client"),
            Column("first_name", "text", "First name."),
            Column("last_name", "text", "Last name."),
            Column("preferred_name", "text", "The name the client likes to be called, if any."),
            Column("date_of_birth", "date", "Date of birth; empty when not known."),
            Column("phone", "text", "Phone number as typed."),
            Column("email", "text", "Email address."),
            Column("address", "text", "Postal address (lines separated by line breaks)."),
            Column("concerns", "list", "Intake concerns, as keys (see Concerns below)."),
            Column("skin_notes", "text", "Skin notes from the intake."),
            Column("goals", "text", "The client's goals, in their words."),
            Column("caution_flags", "list", "Cautions screened at intake, as keys (see Cautions below)."),
            Column("caution_notes", "text", "Cautions in free text (medicines, dates, areas)."),
            Column("cautions_reviewed_on", "date", "When the cautions were last reviewed with the client."),
            Column(
                "language",
                "text",
                "The language the client's documents print in (ISO 639-1: en, es, fr); empty: the practice's.",
            ),
            Column(
                "archived", "boolean", "1 when the client is archived (hidden from the list, never deleted)."
            ),
            _created(),
            Column("updated_at", "datetime", "When the client's details were last changed."),
        ),
    ),
    RecordKind(
        "consents",
        "consents",
        "Consents",
        "Informed consent on file for treatment.",
        (
            _id("consent"),
            Column("client_id", "integer", "The client (clients.id)."),
            Column("given_on", "date", "When consent was given."),
            Column("text_version", "text", "The version of the practice's consent text that was agreed to."),
            Column("method", "text", "How it was obtained: signed_form, electronic or verbal."),
            Column("note", "text", "A note about how consent was obtained."),
            Column("recorded_at", "datetime", "When it was entered."),
            Column("recorded_by", "text", "Who entered it."),
        ),
    ),
    RecordKind(
        "courses",
        "courses",
        "Courses",
        "Courses of treatment: what they treat, how many sessions, how far apart.",
        (
            _id("course"),
            Column("client_id", "integer", "The client (clients.id)."),
            Column("concerns", "list", "The concerns the course treats, as keys (see Concerns below)."),
            Column("planned_sessions", "integer", "How many sessions were planned."),
            Column("interval_days", "integer", "Days planned between sessions."),
            Column("start_date", "date", "When the course began."),
            Column("status", "text", "active, completed, maintenance or stopped."),
            Column("maintenance_months", "integer", "Months between maintenance visits."),
            Column("notes", "text", "Notes on the course."),
            Column("ended_on", "date", "When the course ended (completed or stopped); empty while it runs."),
            Column("next_due_on", "date", "When the next session or maintenance visit is due (derived)."),
            _created(),
        ),
    ),
    RecordKind(
        "sessions",
        "sessions",
        "Sessions",
        "Treatment sessions, as signed (changes after signing are in amendments).",
        (
            _id("session"),
            Column("client_id", "integer", "The client (clients.id)."),
            Column("course_id", "integer", "The course it belongs to (courses.id); empty outside a course."),
            Column("started_at", "datetime", "When the session began."),
            Column("duration_min", "integer", "How long it took, in minutes."),
            Column(
                "notes",
                "text",
                "The session notes: the Objective part of the SOAP note (what was seen and done).",
            ),
            Column("subjective", "text", "The Subjective part of the SOAP note: what the client reports."),
            Column("assessment", "text", "The Assessment part of the SOAP note: the practitioner's reading."),
            Column("plan", "text", "The Plan part of the SOAP note: what comes next."),
            Column("needles_removed", "integer", "Needles counted out at removal; empty before the count."),
            Column("count_note", "text", "Why the needles counted out differ from those put in, if they do."),
            Column(
                "consent_override", "text", "Why the session went ahead with no consent on file, if it did."
            ),
            Column(
                "late_entry", "boolean", "1 when the session was charted more than a day after it happened."
            ),
            Column("signed_at", "datetime", "When the practitioner signed it; empty while unsigned."),
            Column("signed_by", "text", "Who signed it."),
            _created(),
        ),
    ),
    RecordKind(
        "marks",
        "marks",
        "Marks",
        "Needled sites of a session: a catalogue point on one side, or a free marker.",
        (
            _id("mark"),
            Column("session_id", "integer", "The session (sessions.id)."),
            Column("code", "text", "The point's WHO code (ST2, EX-HN3); empty for a free marker."),
            Column("side", "text", "The client's side: left, right or midline; empty for a free marker."),
            Column("view", "text", "The diagram it was charted on (face, body_front, body_back…)."),
            Column("x", "number", "A free marker's position across the diagram, 0 (left edge) to 1."),
            Column("y", "number", "A free marker's position down the diagram, 0 (top) to 1."),
            Column("label", "text", "A free marker's label."),
            Column("needles", "integer", "Needles inserted at this site."),
            Column("technique", "text", "Technique, if noted."),
            Column("caution_warning", "text", "The caution shown when the point was marked, if any."),
            Column(
                "angle",
                "text",
                "Needling angle: perpendicular, oblique, transverse or intradermal; empty if not noted.",
            ),
            Column("depth_mm", "number", "Needling depth in millimetres; empty if not noted."),
            Column("stimulation", "text", "even, tonifying or reducing; empty if not noted."),
            Column(
                "retention_min", "integer", "How long the needles stayed in, in minutes; empty if not noted."
            ),
            _created(),
        ),
    ),
    RecordKind(
        "reactions",
        "reactions",
        "Reactions",
        "Side effects: at a mark (bruising at left ST2) or for the whole session (dizziness).",
        (
            _id("reaction"),
            Column("session_id", "integer", "The session (sessions.id)."),
            Column("mark_id", "integer", "The mark it happened at (marks.id); empty for the whole session."),
            Column(
                "adjunct_id",
                "integer",
                "The adjunct technique it followed (adjuncts.id), e.g. cupping marks; empty otherwise.",
            ),
            Column(
                "kind",
                "text",
                "bruising, redness, soreness, swelling, bleeding, itching, dizziness, "
                "headache, fatigue or other.",
            ),
            Column("severity", "text", "mild, moderate or severe."),
            Column("onset", "text", "during (the session), after (it) or later (reported later)."),
            Column("note", "text", "A note about it."),
            Column(
                "note_shown_to_client",
                "boolean",
                "1 when the note may be printed on the client's handout (a note is the clinician's otherwise).",
            ),
            Column("resolved_on", "date", "When it resolved; empty while it is open."),
            Column("late_entry", "boolean", "1 when it was recorded after the session was signed."),
            _created(),
        ),
    ),
    RecordKind(
        "ratings",
        "ratings",
        "Ratings",
        "The client's rating of each concern at a session, 0 (no concern) to 10 (a great concern), as signed.",
        (
            _id("rating"),
            Column("session_id", "integer", "The session (sessions.id)."),
            Column("concern", "text", "The concern, as a key (see Concerns below)."),
            Column("score", "integer", "0 = no concern, 10 = a great concern."),
        ),
    ),
    RecordKind(
        "amendments",
        "amendments",
        "Amendments",
        "Changes to signed sessions: the record as signed stays as it was, and each change is here.",
        (
            _id("amendment"),
            Column("session_id", "integer", "The session amended (sessions.id)."),
            Column(
                "entity",
                "text",
                "What kind of record changed: sessions, marks, reactions, ratings, tcm_findings or adjuncts.",
            ),
            Column("entity_id", "integer", "Which record changed (its id in that kind's file)."),
            Column("field", "text", "Which column changed (for a rating: the concern)."),
            Column("old_value", "text", "The value before."),
            Column("new_value", "text", "The value after."),
            Column("reason", "text", "Why it was changed."),
            Column("author", "text", "Who changed it."),
            Column("at", "datetime", "When."),
        ),
    ),
    RecordKind(
        "tcm_findings",
        "tcm_findings",
        "TCM findings",
        "The TCM assessment of a session, as signed (changes after signing are in amendments).",
        (
            _id("finding"),
            Column("session_id", "integer", "The session (sessions.id); one set of findings per session."),
            Column(
                "tongue",
                "json",
                'The tongue: {"body", "coating_colour", "coating_thickness", "features": [...], "moisture", '
                '"note"}.',
            ),
            Column(
                "pulse",
                "json",
                'The pulse: {"rate", "bpm", "note", "positions": {"left cun": {"depth", "strength", '
                '"qualities": [...]}, ...}} (left and right wrists; cun, guan, chi).',
            ),
            Column(
                "principles", "list", "The eight principles that apply (interior, cold, deficiency, yin…)."
            ),
            Column("patterns", "list", "Pattern differentiation, in the practitioner's words."),
            Column("treatment_principle", "text", "The treatment principle."),
            _created(),
        ),
    ),
    RecordKind(
        "needle_lots",
        "needle_lots",
        "Needle lots",
        "Boxes of needles the practice used: for a manufacturer's recall.",
        (
            _id("lot"),
            Column("brand", "text", "The needles' brand and type."),
            Column("gauge", "text", "The gauge (diameter), as printed."),
            Column("length", "text", "The length, as printed."),
            Column("lot_number", "text", "The lot number, exactly as typed from the box."),
            Column("opened_on", "date", "When the box was first used."),
            Column("expires_on", "date", "Its expiry date, if noted."),
            Column("finished_on", "date", "When it was used up; empty while in use."),
            _created(),
        ),
    ),
    RecordKind(
        "session_lots",
        "session_lots",
        "Needles used per session",
        "Which boxes of needles each session's needles came from.",
        (
            _id("link"),
            Column("session_id", "integer", "The session (sessions.id)."),
            Column("lot_id", "integer", "The box (needle_lots.id)."),
        ),
    ),
    RecordKind(
        "adjuncts",
        "adjuncts",
        "Adjunct techniques",
        "Techniques beside the needles: facial cupping, gua sha, rollers, microcurrent, LED, moxibustion, ear seeds.",
        (
            _id("technique"),
            Column("session_id", "integer", "The session (sessions.id)."),
            Column("kind", "text", "cupping, gua_sha, roller, microcurrent, led, moxibustion or ear_seeds."),
            Column("area", "text", "Where (cheeks, jawline, left ear…)."),
            Column("duration_min", "integer", "How long, in minutes; empty if not noted."),
            Column("details", "text", "Details (ear seed points, LED colour…)."),
            _created(),
        ),
    ),
    RecordKind(
        "skin_measures",
        "skin_measures",
        "Skin measures",
        "The practitioner's skin grading at intake and at chosen sessions.",
        (
            _id("measure"),
            Column("client_id", "integer", "The client (clients.id)."),
            Column("session_id", "integer", "The session it was taken at (sessions.id); empty at intake."),
            Column("measured_on", "date", "When."),
            Column("fitzpatrick", "integer", "Fitzpatrick skin type, 1 to 6 (I–VI); empty if not graded."),
            Column("glogau", "integer", "Glogau photo-ageing type, 1 to 4 (I–IV); empty if not graded."),
            Column(
                "wrinkles",
                "json",
                "Wrinkle grade per region, 0 (none) to 5 (very deep, with a fold), after Lemperle et al. (2001): "
                '{"forehead", "glabella", "crows_feet", "nasolabial", "marionette", "neck"}.',
            ),
            _created(),
        ),
    ),
    RecordKind(
        "note_templates",
        "note_templates",
        "Note templates",
        "The practice's note templates: what to ask for a concern, which scales to record.",
        (
            _id("template"),
            Column("name", "text", "The template's name."),
            Column("concern", "text", "The concern it is for, as a key; empty for any concern."),
            Column("prompts", "text", "What to ask, one question a line."),
            Column("scales", "list", "Scales to record: fitzpatrick, glogau, wrinkles."),
            _created(),
        ),
    ),
    RecordKind(
        "photo_consents",
        "photo_consents",
        "Photo consents",
        "The client's decisions about photos, one row per decision about one use; the latest for a use is in force.",
        (
            _id("decision"),
            Column("client_id", "integer", "The client (clients.id)."),
            Column("use", "text", "clinical (the record), teaching or marketing."),
            Column("decision", "text", "given, refused or withdrawn."),
            Column("decided_on", "date", "When the client decided."),
            Column("text_version", "text", "The version of the photo consent text."),
            Column("method", "text", "How it was obtained: signed_form, electronic or verbal."),
            Column("note", "text", "A note about it."),
            Column("recorded_at", "datetime", "When it was entered."),
            Column("recorded_by", "text", "Who entered it."),
        ),
    ),
    RecordKind(
        "photos",
        "photos",
        "Photos",
        "Photos of the client at a session. Each original is in photos/<sha256>.<extension> beside these files, "
        "stripped of location, device and personal metadata; hidden photos are listed too.",
        (
            _id("photo"),
            Column("session_id", "integer", "The session (sessions.id)."),
            Column(
                "view",
                "text",
                "front, left_oblique, right_oblique, left_profile, right_profile or close_up (the client's sides).",
            ),
            Column("label", "text", "A close-up's label."),
            Column(
                "sha256", "text", "The SHA-256 of the original: its file name, and proof it is unchanged."
            ),
            Column("extension", "text", "jpg or png."),
            Column("width", "integer", "Width in pixels."),
            Column("height", "integer", "Height in pixels."),
            Column("byte_size", "integer", "The original's size in bytes."),
            Column("taken_at", "datetime", "When it was taken."),
            Column("taken_at_source", "text", "Where that time came from: photo (its own), file, or import."),
            Column("original_name", "text", "The file name it was imported from."),
            Column(
                "alignment",
                "text",
                "How it is lined up with the first session's, as JSON text (the original is not changed); "
                "empty when it was not lined up.",
            ),
            Column(
                "hidden_at",
                "datetime",
                "When it was hidden (by amendment, in a signed session); empty if shown.",
            ),
            Column("hidden_reason", "text", "Why it was hidden."),
            _created(),
        ),
    ),
    RecordKind(
        "protocols",
        "protocols",
        "Protocols",
        "The practitioner's own protocols: named sets of points with sides.",
        (
            _id("protocol"),
            Column("name", "text", "The protocol's name."),
            Column("note", "text", "A note for the practitioner."),
            Column("points", "json", 'The points, as a list of {"code": ..., "side": ...}.'),
            _created(),
        ),
    ),
    RecordKind(
        "settings",
        "settings",
        "Practice settings",
        "Who the practice is (as printed on every page) and its choices, one setting a row.",
        (
            Column("key", "text", "The setting's name (practice_name, licence_number…)."),
            Column("value", "json", "Its value, as JSON."),
        ),
        order_by="key",
    ),
    RecordKind(
        "audit",
        "audit",
        "Audit trail",
        "Every change ever made, in order. Each entry holds the hash of the one before it, so the chain "
        "can be checked: hash = SHA-256 of the JSON array [prev_hash, id, at, actor, action, entity, "
        "entity_id, data] (UTF-8, no spaces, data as the text stored).",
        (
            Column("id", "integer", "The entry's number, counting from 1 without gaps."),
            Column("at", "datetime", "When the change was made."),
            Column("actor", "text", "Who made it."),
            Column("action", "text", "insert, update, delete, setting, sign, amend…"),
            Column("entity", "text", "The kind of record (the file name above)."),
            Column("entity_id", "integer", "Which record."),
            Column("data", "json", "What changed (for an update, old and new values)."),
            Column("prev_hash", "text", "The hash of the entry before (64 zeros for the first)."),
            Column("hash", "text", "This entry's hash."),
        ),
    ),
)
"""Every kind of record the export writes, in the order the README describes them."""

NOT_EXPORTED: dict[str, str] = {
    "clients.search_text": "derived from the names, phone, email and date of birth for the type-ahead search",
    "clients.name_order": "derived: the client's place in the list's order, which the search index reads",
}
"""Columns of exported tables left out on purpose, and why."""

INTERNAL_TABLE_PREFIXES: tuple[str, ...] = (
    "sqlite_",
    "_sqlite_",
    "clients_fts",
    "search_",
    "client_search",
    "open_reactions_tally",
    "courses_due_by_day",
    "photo_thumbnails",
)
"""Tables that hold no record of their own: SQLite's bookkeeping, the migrations, the search index and the
follow-ups' tallies (kept by triggers from the records), the photos' thumbnails (made again from the
originals, which are exported whole)."""
