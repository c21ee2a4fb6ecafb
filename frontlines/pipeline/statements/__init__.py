"""Step 2, sentences and statements: sentence splitting (``sentences.py``), each sentence's voice, stance and
speaker (``statements.py``, the statements stage) and a clause's modality (``modality.py``). Imports only the
reading step and the shared machinery."""
