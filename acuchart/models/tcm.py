"""The acupuncturist's own note: TCM findings, needling details, needle lots, adjunct techniques, skin scales.

The vocabularies are the classical terms a licensed acupuncturist writes (facts of the trade, in our
own wording where a term needs explaining). A term that is not in a list is kept as typed: the
lists speed up charting, they never refuse a finding.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from acuchart.i18n import N_, Labels, _

# --- tongue ------------------------------------------------------------------------------------
TONGUE_BODY_COLOURS: tuple[str, ...] = (
    N_("pale"),
    N_("pale red"),
    N_("red"),
    N_("deep red"),
    N_("purple"),
    N_("bluish purple"),
)
TONGUE_COATING_COLOURS: tuple[str, ...] = (N_("white"), N_("yellow"), N_("grey"), N_("black"))
TONGUE_COATING_THICKNESS: tuple[str, ...] = (N_("none"), N_("thin"), N_("thick"), N_("peeled"), N_("greasy"))
TONGUE_FEATURES: tuple[str, ...] = (
    N_("swollen"),
    N_("thin"),
    N_("tooth-marked"),
    N_("cracked"),
    N_("red tip"),
    N_("red sides"),
    N_("purple spots"),
    N_("trembling"),
    N_("deviated"),
    N_("stiff"),
    N_("distended sublingual veins"),
)
TONGUE_MOISTURE: tuple[str, ...] = (N_("dry"), N_("normal"), N_("wet"))

# --- pulse -------------------------------------------------------------------------------------
PULSE_SIDES: tuple[str, ...] = (N_("left"), N_("right"))
PULSE_POSITIONS: tuple[str, ...] = ("cun", "guan", "chi")
PULSE_POSITION_LABELS = Labels(
    ("cun", N_("Cun (distal)")), ("guan", N_("Guan (middle)")), ("chi", N_("Chi (proximal)"))
).by_key()
PULSE_RATES: tuple[str, ...] = (N_("slow"), N_("normal"), N_("rapid"))
PULSE_DEPTHS: tuple[str, ...] = (N_("floating"), N_("middle"), N_("deep"))
PULSE_STRENGTHS: tuple[str, ...] = (N_("weak"), N_("normal"), N_("forceful"))
PULSE_QUALITIES: tuple[str, ...] = (
    N_("floating"),
    N_("sinking"),
    N_("slow"),
    N_("rapid"),
    N_("slippery"),
    N_("wiry"),
    N_("thready"),
    N_("choppy"),
    N_("empty"),
    N_("full"),
    N_("weak"),
    N_("tight"),
    N_("soggy"),
    N_("short"),
    N_("long"),
    N_("surging"),
    N_("hollow"),
    N_("leather"),
    N_("hidden"),
    N_("knotted"),
    N_("intermittent"),
    N_("hurried"),
    N_("moderate"),
    N_("big"),
    N_("minute"),
    N_("firm"),
    N_("scattered"),
    N_("moving"),
)

# --- the eight principles, patterns, treatment principles ---------------------------------------
EIGHT_PRINCIPLES: tuple[tuple[str, str], ...] = (
    (N_("interior"), N_("exterior")),
    (N_("cold"), N_("heat")),
    (N_("deficiency"), N_("excess")),
    (N_("yin"), N_("yang")),
)
"""The four pairs; a finding names one of each pair, or neither when it does not apply."""
PRINCIPLE_WORDS: tuple[str, ...] = tuple(word for pair in EIGHT_PRINCIPLES for word in pair)
PATTERNS: tuple[str, ...] = (
    N_("Liver qi stagnation"),
    N_("Liver yang rising"),
    N_("Liver blood deficiency"),
    N_("Liver fire"),
    N_("Heart blood deficiency"),
    N_("Heart yin deficiency"),
    N_("Heart fire"),
    N_("Heart and Spleen deficiency"),
    N_("Spleen qi deficiency"),
    N_("Spleen yang deficiency"),
    N_("Spleen dampness"),
    N_("Stomach heat"),
    N_("Stomach yin deficiency"),
    N_("Lung qi deficiency"),
    N_("Lung yin deficiency"),
    N_("Kidney yin deficiency"),
    N_("Kidney yang deficiency"),
    N_("Kidney essence deficiency"),
    N_("Liver and Kidney yin deficiency"),
    N_("Qi and blood deficiency"),
    N_("Blood stasis"),
    N_("Phlegm-damp"),
    N_("Damp-heat"),
    N_("Wind-heat"),
    N_("Wind-cold"),
)
TREATMENT_PRINCIPLES: tuple[str, ...] = (
    N_("Tonify qi and blood"),
    N_("Soothe the Liver and move qi"),
    N_("Nourish yin and clear heat"),
    N_("Warm yang"),
    N_("Strengthen the Spleen and resolve damp"),
    N_("Move blood and clear stasis"),
    N_("Clear heat and resolve damp"),
    N_("Calm the spirit"),
    N_("Nourish the skin locally"),
)

# --- needling ----------------------------------------------------------------------------------
NEEDLE_ANGLES = Labels(
    ("perpendicular", N_("Perpendicular (90°)")),
    ("oblique", N_("Oblique (about 45°)")),
    ("transverse", N_("Transverse (10–20°)")),
    ("intradermal", N_("Intradermal")),
)
STIMULATIONS = Labels(
    ("even", N_("Even")),
    ("tonifying", N_("Tonifying")),
    ("reducing", N_("Reducing")),
)

# --- adjunct techniques ------------------------------------------------------------------------
ADJUNCT_KINDS = Labels(
    ("cupping", N_("Facial cupping")),
    ("gua_sha", N_("Gua sha")),
    ("roller", N_("Jade or other roller")),
    ("microcurrent", N_("Microcurrent")),
    ("led", N_("LED light")),
    ("moxibustion", N_("Moxibustion")),
    ("ear_seeds", N_("Ear seeds")),
)
ADJUNCT_LABELS = ADJUNCT_KINDS.by_key()
AURICULAR_POINTS: tuple[str, ...] = (
    N_("Shen Men"),
    N_("Point Zero"),
    N_("Sympathetic"),
    N_("Subcortex"),
    N_("Endocrine"),
    N_("Adrenal"),
    N_("Liver"),
    N_("Kidney"),
    N_("Spleen"),
    N_("Stomach"),
    N_("Lung"),
    N_("Heart"),
    N_("Face (cheek)"),
    N_("Eye"),
    N_("Mouth"),
)

# --- skin scales -------------------------------------------------------------------------------
FITZPATRICK_TYPES = Labels(
    (1, N_("I: always burns, never tans")),
    (2, N_("II: usually burns, tans a little")),
    (3, N_("III: sometimes burns, tans gradually")),
    (4, N_("IV: rarely burns, tans easily")),
    (5, N_("V: very rarely burns, tans deeply")),
    (6, N_("VI: never burns, deeply pigmented")),
)
GLOGAU_TYPES = Labels(
    (1, N_("I: no wrinkles")),
    (2, N_("II: lines only when the face moves")),
    (3, N_("III: lines at rest")),
    (4, N_("IV: wrinkled throughout")),
)
WRINKLE_REGIONS = Labels(
    ("forehead", N_("Forehead")),
    ("glabella", N_("Between the brows")),
    ("crows_feet", N_("Crow's feet")),
    ("nasolabial", N_("Nasolabial folds")),
    ("marionette", N_("Marionette lines")),
    ("neck", N_("Neck")),
)
WRINKLE_GRADES = Labels(
    (0, N_("0: none")),
    (1, N_("1: barely visible")),
    (2, N_("2: shallow")),
    (3, N_("3: moderately deep")),
    (4, N_("4: deep, with sharp edges")),
    (5, N_("5: very deep, with a fold")),
)
"""A 0–5 wrinkle grade per region, after the published scale of Lemperle et al. (2001)."""


def _json(value: Any, default: Any) -> Any:
    if not value:
        return default
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return default


class PulsePosition(NamedTuple):
    """What was felt at one position of one wrist."""

    depth: str = ""
    strength: str = ""
    qualities: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing was recorded here."""
        return not (self.depth or self.strength or self.qualities)

    def words(self, translate: Callable[[str], str] = str) -> str:
        """``deep, weak, thready`` (``translate``: how each stored word is said; as stored unless given)."""
        return ", ".join(translate(w) for w in (self.depth, self.strength, *self.qualities) if w)


class Tongue(NamedTuple):
    """What the tongue showed."""

    body: str = ""
    coating_colour: str = ""
    coating_thickness: str = ""
    features: tuple[str, ...] = ()
    moisture: str = ""
    note: str = ""

    @property
    def empty(self) -> bool:
        """True when nothing was recorded."""
        return not any(self)

    def words(self, translate: Callable[[str], str] = str) -> str:
        """``pale red body, thin white coating, tooth-marked, wet`` (``translate``: how each stored word is
        said; as stored unless given, for exports and amendments)."""
        parts = []
        if self.body:
            parts.append(_("{body} body").format(body=translate(self.body)))
        coating = " ".join(translate(w) for w in (self.coating_thickness, self.coating_colour) if w)
        if coating:
            parts.append(_("{coating} coating").format(coating=coating))
        parts += [translate(w) for w in self.features if w]
        if self.moisture:
            parts.append(translate(self.moisture))
        if self.note:
            parts.append(self.note)
        return ", ".join(parts)

    def to_json(self) -> str:
        """As stored."""
        return json.dumps(self._asdict() | {"features": list(self.features)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | None) -> Tongue:
        """From what is stored (an unreadable value reads as nothing recorded)."""
        data = _json(text, {})
        if not isinstance(data, dict):
            return cls()
        return cls(
            body=str(data.get("body", "")),
            coating_colour=str(data.get("coating_colour", "")),
            coating_thickness=str(data.get("coating_thickness", "")),
            features=tuple(str(f) for f in data.get("features", []) or ()),
            moisture=str(data.get("moisture", "")),
            note=str(data.get("note", "")),
        )


class Pulse(NamedTuple):
    """The pulse: its rate, and what each position of each wrist showed."""

    rate: str = ""
    bpm: int | None = None
    positions: Mapping[tuple[str, str], PulsePosition] = {}
    note: str = ""

    @property
    def empty(self) -> bool:
        """True when nothing was recorded."""
        return not (self.rate or self.bpm or self.note or any(not p.empty for p in self.positions.values()))

    def at(self, side: str, position: str) -> PulsePosition:
        """What was felt at ``side`` (left/right) ``position`` (cun/guan/chi)."""
        return self.positions.get((side, position), PulsePosition())

    def words(self, translate: Callable[[str], str] = str) -> str:
        """``rapid (92/min); left cun: floating, thready; …`` (``translate``: how each stored word is said;
        as stored unless given, for exports and amendments)."""
        parts = []
        rate = " ".join(
            w
            for w in (translate(self.rate) if self.rate else "", f"({self.bpm}/min)" if self.bpm else "")
            if w
        )
        if rate:
            parts.append(rate)
        for side in PULSE_SIDES:
            for position in PULSE_POSITIONS:
                found = self.at(side, position)
                if not found.empty:
                    where = translate(N_("{side} {position}")).format(side=translate(side), position=position)
                    parts.append(
                        translate(N_("{name}: {text}")).format(name=where, text=found.words(translate))
                    )
        if self.note:
            parts.append(self.note)
        return "; ".join(parts)

    def to_json(self) -> str:
        """As stored."""
        return json.dumps(
            {
                "rate": self.rate,
                "bpm": self.bpm,
                "note": self.note,
                "positions": {
                    f"{side} {position}": {
                        "depth": p.depth,
                        "strength": p.strength,
                        "qualities": list(p.qualities),
                    }
                    for (side, position), p in self.positions.items()
                    if not p.empty
                },
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None) -> Pulse:
        """From what is stored (an unreadable value reads as nothing recorded)."""
        data = _json(text, {})
        if not isinstance(data, dict):
            return cls()
        positions: dict[tuple[str, str], PulsePosition] = {}
        for key, value in (data.get("positions") or {}).items():
            side, _, position = str(key).partition(" ")
            if isinstance(value, dict):
                positions[(side, position)] = PulsePosition(
                    str(value.get("depth", "")),
                    str(value.get("strength", "")),
                    tuple(str(q) for q in value.get("qualities", []) or ()),
                )
        bpm = data.get("bpm")
        return cls(
            rate=str(data.get("rate", "")),
            bpm=int(bpm) if isinstance(bpm, int) else None,
            positions=positions,
            note=str(data.get("note", "")),
        )


class TcmFindings(NamedTuple):
    """The TCM assessment of one session: tongue, pulse, eight principles, pattern, treatment principle."""

    session_id: int
    tongue: Tongue = Tongue()
    pulse: Pulse = Pulse()
    principles: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    treatment_principle: str = ""

    @property
    def empty(self) -> bool:
        """True when nothing was recorded."""
        return (
            self.tongue.empty
            and self.pulse.empty
            and not self.principles
            and not self.patterns
            and not self.treatment_principle
        )

    @classmethod
    def from_row(cls, session_id: int, row: Mapping[str, Any] | None) -> TcmFindings:
        """From a stored row (None: nothing recorded yet)."""
        if row is None:
            return cls(session_id)
        return cls(
            session_id=session_id,
            tongue=Tongue.from_json(row["tongue"]),
            pulse=Pulse.from_json(row["pulse"]),
            principles=tuple(str(p) for p in _json(row["principles"], [])),
            patterns=tuple(str(p) for p in _json(row["patterns"], [])),
            treatment_principle=row["treatment_principle"] or "",
        )


class NeedleLot(NamedTuple):
    """A box of needles: brand, size, lot number; open until it is used up."""

    id: int
    brand: str
    gauge: str
    length: str
    lot_number: str
    opened_on: dt.date
    expires_on: dt.date | None = None
    finished_on: dt.date | None = None

    @property
    def title(self) -> str:
        """``Seirin J-type 0.16 × 15 mm, lot 21A0455``."""
        return _("{brand} {gauge} × {length}, lot {lot_number}").format(
            brand=self.brand, gauge=self.gauge, length=self.length, lot_number=self.lot_number
        )

    @property
    def is_open(self) -> bool:
        """True until the box is marked used up."""
        return self.finished_on is None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> NeedleLot:
        """From a stored row."""
        return cls(
            id=row["id"],
            brand=row["brand"],
            gauge=row["gauge"],
            length=row["length"],
            lot_number=row["lot_number"],
            opened_on=dt.date.fromisoformat(row["opened_on"]),
            expires_on=dt.date.fromisoformat(row["expires_on"]) if row["expires_on"] else None,
            finished_on=dt.date.fromisoformat(row["finished_on"]) if row["finished_on"] else None,
        )


class LotUse(NamedTuple):
    """One session that used a lot: for a recall, who to contact."""

    lot_number: str
    lot_title: str
    session_id: int
    started_at: dt.datetime
    client_id: int
    client_name: str
    phone: str
    email: str


class Adjunct(NamedTuple):
    """An adjunct technique done in a session: facial cupping on the cheeks for 5 minutes, say."""

    id: int
    session_id: int
    kind: str
    area: str = ""
    duration_min: int | None = None
    details: str = ""

    @property
    def label(self) -> str:
        """``Facial cupping, cheeks, 5 min``."""
        parts = [ADJUNCT_LABELS.get(self.kind, self.kind)]
        if self.area:
            parts.append(self.area)
        if self.duration_min:
            parts.append(_("{duration_min} min").format(duration_min=self.duration_min))
        if self.details:
            parts.append(self.details)
        return ", ".join(parts)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Adjunct:
        """From a stored row."""
        return cls(
            id=row["id"],
            session_id=row["session_id"],
            kind=row["kind"],
            area=row["area"],
            duration_min=row["duration_min"],
            details=row["details"],
        )


class SkinMeasure(NamedTuple):
    """Objective skin measures taken on a day: at intake (no session) or at a session."""

    id: int
    client_id: int
    measured_on: dt.date
    session_id: int | None = None
    fitzpatrick: int | None = None
    glogau: int | None = None
    wrinkles: Mapping[str, int] = {}

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> SkinMeasure:
        """From a stored row."""
        grades = _json(row["wrinkles"], {})
        return cls(
            id=row["id"],
            client_id=row["client_id"],
            measured_on=dt.date.fromisoformat(row["measured_on"]),
            session_id=row["session_id"],
            fitzpatrick=row["fitzpatrick"],
            glogau=row["glogau"],
            wrinkles={str(k): int(v) for k, v in grades.items()} if isinstance(grades, dict) else {},
        )


class NoteTemplate(NamedTuple):
    """The practice's own note template for a concern: what to ask, and which scales to record."""

    id: int
    name: str
    concern: str = ""
    prompts: str = ""
    scales: tuple[str, ...] = ()

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> NoteTemplate:
        """From a stored row."""
        return cls(
            id=row["id"],
            name=row["name"],
            concern=row["concern"],
            prompts=row["prompts"],
            scales=tuple(str(s) for s in _json(row["scales"], [])),
        )


SCALES: tuple[tuple[str, str], ...] = (
    ("fitzpatrick", N_("Fitzpatrick skin type")),
    ("glogau", N_("Glogau photo-ageing type")),
    ("wrinkles", N_("Wrinkle grade per region")),
)
"""What a note template may ask to record."""


class MeasureSeries(NamedTuple):
    """One skin measure over a course: ``(session number, grade)`` in session order (a chart draws it)."""

    label: str
    points: tuple[tuple[int, int], ...]
