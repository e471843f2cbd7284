"""Date formats where the portal differs from Django's defaults (FORMAT_MODULE_PATH); every
other language uses Django's own (Spanish: "7 de diciembre de 2026")."""
