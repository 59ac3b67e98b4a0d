"""The acupuncturist's own note: TCM findings, needling details, needle lots, adjunct techniques, skin scales.

The vocabularies are the classical terms a licensed acupuncturist writes (facts of the trade, in our
own wording where a term needs explaining). A term that is not in a list is kept as typed: the
lists speed up charting, they never refuse a finding.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, NamedTuple

# --- tongue ------------------------------------------------------------------------------------
TONGUE_BODY_COLOURS: tuple[str, ...] = ("pale", "pale red", "red", "deep red", "purple", "bluish purple")
TONGUE_COATING_COLOURS: tuple[str, ...] = ("white", "yellow", "grey", "black")
TONGUE_COATING_THICKNESS: tuple[str, ...] = ("none", "thin", "thick", "peeled", "greasy")
TONGUE_FEATURES: tuple[str, ...] = (
    "swollen",
    "thin",
    "tooth-marked",
    "cracked",
    "red tip",
    "red sides",
    "purple spots",
    "trembling",
    "deviated",
    "stiff",
    "distended sublingual veins",
)
TONGUE_MOISTURE: tuple[str, ...] = ("dry", "normal", "wet")

# --- pulse -------------------------------------------------------------------------------------
PULSE_SIDES: tuple[str, ...] = ("left", "right")
PULSE_POSITIONS: tuple[str, ...] = ("cun", "guan", "chi")
PULSE_POSITION_LABELS = {"cun": "Cun (distal)", "guan": "Guan (middle)", "chi": "Chi (proximal)"}
PULSE_RATES: tuple[str, ...] = ("slow", "normal", "rapid")
PULSE_DEPTHS: tuple[str, ...] = ("floating", "middle", "deep")
PULSE_STRENGTHS: tuple[str, ...] = ("weak", "normal", "forceful")
PULSE_QUALITIES: tuple[str, ...] = (
    "floating",
    "sinking",
    "slow",
    "rapid",
    "slippery",
    "wiry",
    "thready",
    "choppy",
    "empty",
    "full",
    "weak",
    "tight",
    "soggy",
    "short",
    "long",
    "surging",
    "hollow",
    "leather",
    "hidden",
    "knotted",
    "intermittent",
    "hurried",
    "moderate",
    "big",
    "minute",
    "firm",
    "scattered",
    "moving",
)

# --- the eight principles, patterns, treatment principles ---------------------------------------
EIGHT_PRINCIPLES: tuple[tuple[str, str], ...] = (
    ("interior", "exterior"),
    ("cold", "heat"),
    ("deficiency", "excess"),
    ("yin", "yang"),
)
"""The four pairs; a finding names one of each pair, or neither when it does not apply."""
PRINCIPLE_WORDS: tuple[str, ...] = tuple(word for pair in EIGHT_PRINCIPLES for word in pair)
PATTERNS: tuple[str, ...] = (
    "Liver qi stagnation",
    "Liver yang rising",
    "Liver blood deficiency",
    "Liver fire",
    "Heart blood deficiency",
    "Heart yin deficiency",
    "Heart fire",
    "Heart and Spleen deficiency",
    "Spleen qi deficiency",
    "Spleen yang deficiency",
    "Spleen dampness",
    "Stomach heat",
    "Stomach yin deficiency",
    "Lung qi deficiency",
    "Lung yin deficiency",
    "Kidney yin deficiency",
    "Kidney yang deficiency",
    "Kidney essence deficiency",
    "Liver and Kidney yin deficiency",
    "Qi and blood deficiency",
    "Blood stasis",
    "Phlegm-damp",
    "Damp-heat",
    "Wind-heat",
    "Wind-cold",
)
TREATMENT_PRINCIPLES: tuple[str, ...] = (
    "Tonify qi and blood",
    "Soothe the Liver and move qi",
    "Nourish yin and clear heat",
    "Warm yang",
    "Strengthen the Spleen and resolve damp",
    "Move blood and clear stasis",
    "Clear heat and resolve damp",
    "Calm the spirit",
    "Nourish the skin locally",
)

# --- needling ----------------------------------------------------------------------------------
NEEDLE_ANGLES: tuple[tuple[str, str], ...] = (
    ("perpendicular", "Perpendicular (90°)"),
    ("oblique", "Oblique (about 45°)"),
    ("transverse", "Transverse (10–20°)"),
    ("intradermal", "Intradermal"),
)
STIMULATIONS: tuple[tuple[str, str], ...] = (
    ("even", "Even"),
    ("tonifying", "Tonifying"),
    ("reducing", "Reducing"),
)

# --- adjunct techniques ------------------------------------------------------------------------
ADJUNCT_KINDS: tuple[tuple[str, str], ...] = (
    ("cupping", "Facial cupping"),
    ("gua_sha", "Gua sha"),
    ("roller", "Jade or other roller"),
    ("microcurrent", "Microcurrent"),
    ("led", "LED light"),
    ("moxibustion", "Moxibustion"),
    ("ear_seeds", "Ear seeds"),
)
ADJUNCT_LABELS = dict(ADJUNCT_KINDS)
AURICULAR_POINTS: tuple[str, ...] = (
    "Shen Men",
    "Point Zero",
    "Sympathetic",
    "Subcortex",
    "Endocrine",
    "Adrenal",
    "Liver",
    "Kidney",
    "Spleen",
    "Stomach",
    "Lung",
    "Heart",
    "Face (cheek)",
    "Eye",
    "Mouth",
)

# --- skin scales -------------------------------------------------------------------------------
FITZPATRICK_TYPES: tuple[tuple[int, str], ...] = (
    (1, "I: always burns, never tans"),
    (2, "II: usually burns, tans a little"),
    (3, "III: sometimes burns, tans gradually"),
    (4, "IV: rarely burns, tans easily"),
    (5, "V: very rarely burns, tans deeply"),
    (6, "VI: never burns, deeply pigmented"),
)
GLOGAU_TYPES: tuple[tuple[int, str], ...] = (
    (1, "I: no wrinkles"),
    (2, "II: lines only when the face moves"),
    (3, "III: lines at rest"),
    (4, "IV: wrinkled throughout"),
)
WRINKLE_REGIONS: tuple[tuple[str, str], ...] = (
    ("forehead", "Forehead"),
    ("glabella", "Between the brows"),
    ("crows_feet", "Crow's feet"),
    ("nasolabial", "Nasolabial folds"),
    ("marionette", "Marionette lines"),
    ("neck", "Neck"),
)
WRINKLE_GRADES: tuple[tuple[int, str], ...] = (
    (0, "0: none"),
    (1, "1: barely visible"),
    (2, "2: shallow"),
    (3, "3: moderately deep"),
    (4, "4: deep, with sharp edges"),
    (5, "5: very deep, with a fold"),
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

    def words(self) -> str:
        """``deep, weak, thready``."""
        return ", ".join([w for w in (self.depth, self.strength) if w] + list(self.qualities))


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

    def words(self) -> str:
        """``pale red body, thin white coating, tooth-marked, wet``."""
        parts = []
        if self.body:
            parts.append(f"{self.body} body")
        coating = " ".join(w for w in (self.coating_thickness, self.coating_colour) if w)
        if coating:
            parts.append(f"{coating} coating")
        parts += list(self.features)
        if self.moisture:
            parts.append(self.moisture)
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

    def words(self) -> str:
        """``rapid (92/min); left cun: floating, thready; …``."""
        parts = []
        rate = " ".join(w for w in (self.rate, f"({self.bpm}/min)" if self.bpm else "") if w)
        if rate:
            parts.append(rate)
        for side in PULSE_SIDES:
            for position in PULSE_POSITIONS:
                found = self.at(side, position)
                if not found.empty:
                    parts.append(f"{side} {position}: {found.words()}")
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
        return f"{self.brand} {self.gauge} × {self.length}, lot {self.lot_number}"

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
            parts.append(f"{self.duration_min} min")
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
    ("fitzpatrick", "Fitzpatrick skin type"),
    ("glogau", "Glogau photo-ageing type"),
    ("wrinkles", "Wrinkle grade per region"),
)
"""What a note template may ask to record."""


class MeasureSeries(NamedTuple):
    """One skin measure over a course: ``(session number, grade)`` in session order (a chart draws it)."""

    label: str
    points: tuple[tuple[int, int], ...]
