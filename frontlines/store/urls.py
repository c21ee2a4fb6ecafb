"""Store URLs without their secrets: what may be printed, logged or put in a message.

``redact_url`` masks the password of a ``postgresql://`` URL wherever it sits: in the user info
(also when it holds an unescaped ``@``), in a ``?password=`` query parameter, or in a libpq
``key=value`` string. ``redact_text`` does the same to every store URL inside a longer message.
``libpq_url`` percent-encodes an unescaped ``@`` in a password, so that libpq reads the password
whole instead of taking the part after the first ``@`` for a host name (and quoting it back in
an error). No database driver is imported here.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

__all__ = ["MASK", "libpq_url", "redact_text", "redact_url"]

MASK = "***"
# scheme, user, password (may hold '@', never '/'), host and the rest; the last '@' before the path ends the password
_USERINFO = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^:@/]*):(?P<password>[^/]*)@"
                       r"(?P<rest>[^@/]*(?:[/?#].*)?)$", re.S)
_PASSWORD_PARAM = re.compile(r"(?i)((?:^|[?&;\s])password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)")
_URL_IN_TEXT = re.compile(r"postgres(?:ql)?(?:\+psycopg)?://[^\s\"'<>]*")


def redact_url(url: str) -> str:
    """The URL (or libpq conninfo string) with every password replaced by ``***``."""
    match = _USERINFO.match(url)
    if match:
        url = f"{match['scheme']}{match['user']}:{MASK}@{match['rest']}"
    return _PASSWORD_PARAM.sub(lambda m: m.group(1) + MASK, url)


def redact_text(text: str) -> str:
    """A message with every PostgreSQL URL and every ``password=`` setting in it redacted."""
    text = _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text)
    return _PASSWORD_PARAM.sub(lambda m: m.group(1) + MASK, text)


def libpq_url(url: str) -> str:
    """The URL as libpq should get it: an unescaped ``@`` in the password percent-encoded."""
    match = _USERINFO.match(url)
    if not match or "@" not in match["password"]:
        return url
    password = quote(unquote(match["password"]), safe="")
    return f"{match['scheme']}{match['user']}:{password}@{match['rest']}"
