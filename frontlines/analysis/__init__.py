"""Cross-document analysis kept in the store: the claims and predictions ledger, territorial control over time and
relations between actors. Each is derived from one processed document at a time (``derive``), so the store is
updated in time linear in the documents added; what a later event decides (a prediction confirmed, a place
changing hands) is read when asked.

    ledger.py     sentences -> LedgerEntry; verdicts against later events; track records per speaker and source
    control.py    capture / transfer events and statements of control -> ControlChange; timelines per place
    relations.py  events and sentences -> Relation edges between actors, dated, with modality
    update.py     derive records for stored documents not yet analysed (``refresh``)
"""

from __future__ import annotations
