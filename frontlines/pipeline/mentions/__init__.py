"""Step 3, mentions: dates found and resolved against publication (``dates.py``, the dates stage), actor, place
and quantity mentions (``mentions.py``, the mention stage, with ``place_mentions.py`` and ``numbers.py``), and
the countries a document is about (``focus.py``), which the place stage reads too. ``ner.py`` and
``ner_layouts.py`` are the CoNLL-labelled entity layer that ``frontlines evaluate`` measures. Imports no later
step."""
