"""The learned parts of extraction, trained from annotated statements (spec §6).

``examples`` (gold statements aligned to report text) -> ``features`` (per character) ->
``tagger`` (a CRF over characters: mentions), ``relate`` (a classifier over entity pairs:
relations), ``themes`` (a multi-label classifier: statement themes) -> ``model`` (the bundle that
is trained, saved as package data and loaded by ``govkg.extract``) and ``crossval`` (report-grouped
cross-validation). The rules of ``govkg.extract`` are candidate generators and features here.
"""
