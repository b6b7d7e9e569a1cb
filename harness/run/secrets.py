"""Keep secret values (API keys, tokens, passwords) out of every file a run writes and out of cache keys.

A config key is secret when its last word is one of `SECRET_WORDS` (`api_key`, `hf_token`, `password`);
`api_key_env`, which names the environment variable holding the key, is not. Interpolations such as
`${oc.env:OPENAI_API_KEY}` are kept as written: they say where the secret comes from, not what it is.
"""

from __future__ import annotations

import re
from typing import Any

SECRET_WORDS = frozenset({"key", "apikey", "token", "secret", "password", "passwd", "credential", "credentials"})
REDACTED = "***"

_WORD_SPLIT = re.compile(r"[_\-.@/+~]+")
_OVERRIDE = re.compile(r"(?P<key>[+~]{0,2}[A-Za-z_][\w.@/-]*)=(?P<value>[^,\s]*)")


def is_secret_key(name: str) -> bool:
    words = [word for word in _WORD_SPLIT.split(name.lower()) if word]
    return bool(words) and words[-1] in SECRET_WORDS


def _is_reference(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("${") and value.endswith("}")


def redact(value: Any) -> Any:
    """A copy of a plain config tree (dicts, lists, scalars) with secret values replaced by `***`."""
    if isinstance(value, dict):
        return {
            key: REDACTED if is_secret_key(str(key)) and value[key] and not _is_reference(value[key]) else redact(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, str):
        return redact_overrides(value)
    return value


def redact_overrides(text: str) -> str:
    """Hide the value of every `key=value` override with a secret key (`summarizer.api_key=sk-...`)."""

    def hide(match: re.Match[str]) -> str:
        key, value = match.group("key"), match.group("value")
        if is_secret_key(key) and value and not _is_reference(value):
            return f"{key}={REDACTED}"
        return match.group(0)

    return _OVERRIDE.sub(hide, text)


def without_secrets(value: Any) -> Any:
    """A copy of a plain config tree with secret keys removed, for cache keys that survive a key rotation."""
    if isinstance(value, dict):
        return {key: without_secrets(item) for key, item in value.items() if not is_secret_key(str(key))}
    if isinstance(value, list):
        return [without_secrets(item) for item in value]
    return value
