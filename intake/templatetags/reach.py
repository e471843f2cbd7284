"""``{% reach_patient intake %}``: the STAT contact block, as one include line so the detail
and print templates stay easy to merge."""

from django import template

from intake.review.contact import reach_patient as reach_patient_context

register = template.Library()


@register.inclusion_tag("review/_contact.html")
def reach_patient(intake, contact_only=False):
    """``contact_only`` leaves out the risk and safety answers, for a page that shows them."""
    return {"reach": reach_patient_context(intake), "contact_only": contact_only}
