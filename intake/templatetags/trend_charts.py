"""``{% trend_charts intake %}``: the patient's scores over time on the detail and print
pages, as one include line so those templates stay easy to merge (one query)."""

from django import template

from intake.trends import staff_charts

register = template.Library()


@register.inclusion_tag("review/_trend_chart.html")
def trend_charts(intake):
    return {
        "charts": staff_charts(intake),
        "section_title": "Scores over time",
        "section_intro": "Every complete total the patient has sent (first, follow-up and "
        "check-in), over the instrument's bands; the current intake is the larger point.",
        "band_heading": "Band",
    }
