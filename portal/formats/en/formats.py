# The month in full, as the pages always wrote it: "December 7, 2026" (Django's "Dec. 7, 2026").
DATE_FORMAT = "F j, Y"
