"""Archival PDF: what the chart export and the consent form are filed as (PDF/A-2b, ISO 19005-2 level B).

reportlab writes most of it already: every font embedded (each document embeds its subsets, and no
document names a font it does not embed), the document's language in the catalogue, no encryption,
no JavaScript. What it does not write, pikepdf adds here from the finished PDF:

- XMP metadata in the catalogue, uncompressed, with the PDF/A identification (part 2, conformance B)
  and the title, author, subject, creator, producer and dates of the document information
  dictionary, which it must agree with;
- an output intent (GTS_PDFA1) with an sRGB ICC profile, so the documents' RGB colours are defined.

The file is then written out by qpdf with a classic cross-reference table and an identifier derived
from the content, so the same record exports to the same bytes.
"""

from __future__ import annotations

import io
from functools import cache

import pikepdf
from PIL import ImageCms

SRGB = "sRGB IEC61966-2.1"
"""The output condition every archival document names (sRGB, as the documents' colours are)."""


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (LittleCMS's built-in one, through Pillow), made once per process."""
    profile: bytes = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile


def archival(pdf: bytes) -> bytes:
    """``pdf`` (as reportlab wrote it) made PDF/A-2b: XMP metadata and an sRGB output intent added."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        profile = document.make_stream(srgb_profile(), N=3, Alternate=pikepdf.Name.DeviceRGB)
        document.Root.OutputIntents = pikepdf.Array(
            [
                pikepdf.Dictionary(
                    Type=pikepdf.Name.OutputIntent,
                    S=pikepdf.Name.GTS_PDFA1,
                    OutputConditionIdentifier=pikepdf.String(SRGB),
                    Info=pikepdf.String(SRGB),
                    RegistryName=pikepdf.String("http://www.color.org"),
                    DestOutputProfile=profile,
                )
            ]
        )
        info = document.docinfo
        for key in list(info.keys()):
            # An empty entry (reportlab writes /Keywords ()) and /Trapped have no XMP twin to agree with.
            if key == "/Trapped" or not str(info[key]):
                del info[key]
        with document.open_metadata(set_pikepdf_as_editor=False) as metadata:
            metadata.load_from_docinfo(info)
            metadata["pdfaid:part"] = "2"
            metadata["pdfaid:conformance"] = "B"
        out = io.BytesIO()
        document.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.disable)
        return out.getvalue()
