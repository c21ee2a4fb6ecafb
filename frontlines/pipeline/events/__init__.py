"""Step 6, events: frames and trigger clauses become events or kept non-events (``events.py``, the event
stage). Its helpers: the eventhood rule table (``eventhood.py``), sub-types (``subtypes.py``), targets and
roles (``targets.py``, ``roles.py``), casualties and fatalities (``casualties.py``, ``fatalities.py``), the
event's place (``event_places.py``) and retellings merged (``retold.py``)."""
