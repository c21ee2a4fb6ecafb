"""Step 4, resolution: place mentions to gazetteer places in document context (``places.py``, the place stage)
and actor mentions to knowledge-base actors (``actors.py``, the actor stage). Imports no later step."""
