"""Step 5, frames: one event frame per event predicate from spaCy's dependency parse (``frames.py``): agent,
patient, place, time, negation, modality and attribution. Imports no later step."""
