"""The patient's copy of a signed document, as a PDF with the signature block.

ReportLab: maintained, pure Python (no system libraries to install on the server, unlike
WeasyPrint), and it builds the document from the stored text directly, so the copy is the
text the patient signed and never a re-rendered page that could come out blank.
"""

import io

from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from .models import ConsentSignature


def _escape(text: str) -> str:
    # ReportLab paragraphs read a small XML markup: the stored text is plain.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _when(moment) -> str:
    # Month names and the format in the active language ("December 7, 2026, 3:05 p.m. EST";
    # "7 de diciembre de 2026, 15:05 EST").
    return dateformat.format(timezone.localtime(moment), _("F j, Y, P T"))


def signature_block(signature: ConsentSignature) -> list[tuple[str, str]]:
    document = signature.document
    rows = [
        (_("Signed by (typed name)"), signature.typed_name),
        (_("Signed at"), _when(signature.signed_at)),
        (
            _("Document"),
            _("%(title)s, version %(version)s")
            % {"title": document.title, "version": document.version},
        ),
        (_("Verification code"), signature.verification_code),
    ]
    if hasattr(signature, "withdrawal"):
        rows.append((_("Withdrawn"), _when(signature.withdrawal.withdrawn_at)))
    return rows


def signed_copy_pdf(signature: ConsentSignature) -> bytes:
    """The copy in the language of the text signed: a Spanish signature's labels and dates
    are Spanish too, whatever the page's language when it is downloaded."""
    with translation.override(signature.document.language):
        return _pdf(signature)


def _pdf(signature: ConsentSignature) -> bytes:
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=signature.document.title,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=inch,
        bottomMargin=inch,
    )
    story = [Paragraph(_escape(signature.document.title), styles["Title"])]
    for paragraph in signature.shown_text.split("\n\n"):
        if paragraph.strip():
            body = _escape(paragraph.strip()).replace("\n", "<br/>")
            story += [Paragraph(body, styles["BodyText"]), Spacer(1, 6)]
    story += [
        Spacer(1, 12),
        HRFlowable(width="100%"),
        Paragraph(_("Signature"), styles["Heading2"]),
        Table(signature_block(signature), colWidths=[2 * inch, 4.5 * inch], hAlign="LEFT"),
        Spacer(1, 12),
        Paragraph(
            _(
                "The verification code is the start of the SHA-256 hash of the text above. "
                "The clinic can check it against its record."
            ),
            styles["Italic"],
        ),
    ]
    document.build(story)
    return buffer.getvalue()
