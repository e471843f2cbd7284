"""``{% reach_patient intake %}``: the STAT contact block, as one include line so the detail
and print templates stay easy to merge."""

from django import template

from intake.review.contact import reach_patient as reach_patient_context
from intake.review.contact import safety_and_contact

register = template.Library()


@register.inclusion_tag("review/_contact.html")
def reach_patient(intake, contact_only=False, always=False):
    """``contact_only`` leaves out the risk and safety answers, for a page that shows them;
    ``always`` shows the block (as "Safety and contact") for a calm intake too."""
    reach = safety_and_contact(intake) if always else reach_patient_context(intake)
    return {"reach": reach, "contact_only": contact_only}
