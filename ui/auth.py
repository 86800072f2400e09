"""Who may use the app: the logins of `QA_AUTH` (user:password, several separated by commas). The
app's login page and the OpenAI-compatible endpoint take the same logins.

Its own module so that the app and the endpoint both read them without importing each other."""

from __future__ import annotations

import base64
import binascii
import secrets

from pydantic import SecretStr

from qa.errors import QAError

Login = tuple[str, str]  # (user, password)


def logins(auth: SecretStr | str) -> list[Login]:
    """The `user:password` logins of settings as (user, password) pairs; empty means no login."""
    raw = auth.get_secret_value() if isinstance(auth, SecretStr) else auth
    if not raw.strip():
        return []
    pairs = []
    for item in raw.split(","):
        user, sep, password = item.strip().partition(":")
        if not sep or not user or not password:
            # never echo the value: it holds passwords
            raise QAError("QA_AUTH must look like user:password, or user1:pw1,user2:pw2 (or be empty for no login)")
        pairs.append((user, password))
    return pairs


def authorized(header: str | None, allowed: list[Login]) -> bool:
    """An HTTP Authorization header with one of the logins: Basic user:password, or Bearer
    user:password (an OpenAI client's API key). Anything goes when there is no login."""
    if not allowed:
        return True
    scheme, _, cred = (header or "").strip().partition(" ")
    if scheme.lower() == "basic":
        try:
            given = base64.b64decode(cred.strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
    elif scheme.lower() == "bearer":
        given = cred.strip().encode()
    else:
        return False
    # every login compared, in constant time each: how long a refusal takes tells nothing
    matches = [secrets.compare_digest(given, f"{user}:{password}".encode()) for user, password in allowed]
    return any(matches)


def exposure_warning(host: str, auth: SecretStr | str) -> str | None:
    """A warning when the app is reachable from other machines without a login."""
    if host in ("127.0.0.1", "localhost", "::1") or logins(auth):
        return None
    return f"warning: serving on {host} without a login: anyone who can reach this address can use the app and change the corpus; set QA_AUTH=user:password"
