"""Step 1, reading: files, feeds and archive records become ``Document`` objects (``ingest.py``), and a page's
text is split into blocks with a kind and a reason (``blog.py``; page furniture in ``furniture.py``; archive
fields in ``fields.py``). Imports no later step."""
