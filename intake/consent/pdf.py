"""The patient's copy of a signed document, as a PDF with the signature block.

ReportLab: maintained, pure Python (no system libraries to install on the server, unlike
WeasyPrint), and it builds the document from the stored text directly, so the copy is the
text the patient signed and never a re-rendered page that could come out blank.
"""

import io

from django.utils import timezone
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from .models import ConsentSignature


def _escape(text: str) -> str:
    # ReportLab paragraphs read a small XML markup: the stored text is plain.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def signature_block(signature: ConsentSignature) -> list[tuple[str, str]]:
    signed_at = timezone.localtime(signature.signed_at)
    rows = [
        ("Signed by (typed name)", signature.typed_name),
        ("Signed at", signed_at.strftime("%B %d, %Y, %I:%M %p %Z")),
        ("Document", f"{signature.document.title}, version {signature.document.version}"),
        ("Verification code", signature.verification_code),
    ]
    if hasattr(signature, "withdrawal"):
        withdrawn = timezone.localtime(signature.withdrawal.withdrawn_at)
        rows.append(("Withdrawn", withdrawn.strftime("%B %d, %Y, %I:%M %p %Z")))
    return rows


def signed_copy_pdf(signature: ConsentSignature) -> bytes:
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
        Paragraph("Signature", styles["Heading2"]),
        Table(signature_block(signature), colWidths=[2 * inch, 4.5 * inch], hAlign="LEFT"),
        Spacer(1, 12),
        Paragraph(
            "The verification code is the start of the SHA-256 hash of the text above. "
            "The clinic can check it against its record.",
            styles["Italic"],
        ),
    ]
    document.build(story)
    return buffer.getvalue()
