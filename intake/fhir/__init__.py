"""The FHIR R4 export: the Questionnaire, an intake's QuestionnaireResponse and its
Bundle (``export``), with the history resources (``history``) and the later sections' groups
(``sections``). Pure functions of an intake; the review views serve them and audit each read."""
