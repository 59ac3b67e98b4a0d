"""Photos on paper: the course summary's before/after page, the chart export's list, the consent form."""

from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image

from acuchart import clock
from acuchart.practice import Practice
from acuchart.reports import documents
from tests.core.reports.pdfcheck import page_texts, rendered_pages, text
from tests.documents_helpers import SESSION_TIMES, Charted, chart_client
from tests.photo_helpers import face_image, tagged_jpeg

PROMISES = ("will improve", "guarantee", "will look", "you will see")


@pytest.fixture
def photographed(practice: Practice) -> Charted:
    """The documents' client, with front and right profile photos at their first and third session."""
    charted = chart_client(practice)
    practice.photo_consent.record(
        charted.client_id, {"clinical": True, "marketing": False}, "2025-01-28", "verbal"
    )
    for number, session_id in ((0, charted.session_ids[0]), (2, charted.session_ids[2])):
        moment = SESSION_TIMES[number] + dt.timedelta(minutes=3)
        with clock.frozen_at(moment):
            for shade, view in ((0, "front"), (30, "right_profile")):
                image = face_image((600, 800), shade=shade + 10 * number)
                practice.photos.import_bytes(session_id, tagged_jpeg(image, taken=None), f"{view}.jpg", view)
    return charted


def test_course_summary_has_a_before_after_page_with_each_shared_view(
    practice: Practice, photographed: Charted
) -> None:
    pdf = documents.course_summary(practice, photographed.client_id).pdf
    pages = page_texts(pdf)
    last = " ".join(pages[-1].split())
    assert "Your photos: first and latest session" in last
    assert "Front" in last and "Right profile" in last
    assert "Session 1 · 28 January 2025" in last and "Session 3 · 25 February 2025" in last
    assert "Results vary" in last
    assert not any(promise in text(pdf).lower() for promise in PROMISES)
    picture = rendered_pages(pdf, scale=0.4)[-1].convert("RGB")
    colours = picture.getcolors(maxcolors=1 << 24) or []
    skin = sum(n for n, (r, g, b) in colours if r > 200 and 150 < g < 200 and b < 180)
    assert skin > 2000  # the faces are drawn on the page, not just named


def test_the_before_after_page_follows_consent_at_once(practice: Practice, photographed: Charted) -> None:
    practice.photo_consent.withdraw(photographed.client_id, "clinical", note="No more photos")
    pdf = documents.course_summary(practice, photographed.client_id).pdf
    assert "Your photos" not in text(pdf)


def test_a_single_session_of_photos_gets_no_before_after_page(practice: Practice) -> None:
    charted = chart_client(practice)
    practice.photo_consent.record(charted.client_id, {"clinical": True}, "2025-01-28", "verbal")
    practice.photos.import_bytes(charted.session_ids[0], tagged_jpeg(), "a.jpg", "front")
    assert "Your photos" not in text(documents.course_summary(practice, charted.client_id).pdf)


def test_chart_export_lists_every_photo_with_view_date_hash_and_thumbnail(
    practice: Practice, photographed: Charted
) -> None:
    photos = practice.photos.for_client(photographed.client_id)
    practice.settings.update(practitioner_name="Amélie Durand")
    hidden = practice.photos.remove(photos[0].photo.id, "Another client in the background").value
    assert hidden is not None and hidden.photo.hidden
    pdf = documents.chart_export(practice, photographed.client_id).pdf
    whole = text(pdf)
    for item in photos:
        assert item.photo.sha256[:32] in whole and item.photo.sha256[32:] in whole
    assert "HIDDEN: Another client in the background" in whole
    assert "Marketing Refused 28 January 2025" in whole
    import io

    from pypdf import PdfReader

    images = [img for page in PdfReader(io.BytesIO(pdf)).pages for img in page.images]
    assert len(images) >= len(photos)


def test_consent_form_asks_about_each_use_of_photos(practice: Practice, photographed: Charted) -> None:
    whole = text(documents.consent_form(practice, photographed.client_id).pdf)
    assert "Photos may be used for" in whole
    for use in ("Clinical record", "Teaching", "Marketing"):
        assert use in whole
    assert "saying no changes nothing about your treatment" in whole
    assert "Teaching Not asked" in whole


def test_printed_photos_are_aligned_as_stored(practice: Practice, photographed: Charted) -> None:
    from acuchart.models import Alignment
    from acuchart.photos.images import rendition

    item = practice.photos.for_client(photographed.client_id)[0]
    data = practice.photos.original(item.photo)
    plain = rendition(data, Alignment(), 400)
    turned = rendition(data, Alignment(angle=10, scale=1.3), 400)
    assert (plain.width, plain.height) == (turned.width, turned.height)
    import io

    with Image.open(io.BytesIO(plain.jpeg)) as a, Image.open(io.BytesIO(turned.jpeg)) as b:
        assert a.getpixel((5, 5)) != b.getpixel((5, 5)) or a.getpixel((150, 200)) != b.getpixel((150, 200))
