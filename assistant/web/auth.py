"""Who may use the web chat: users with salted scrypt password hashes and a role.

Users come from the JSON file `settings.auth_file`
(`{"users": {"name": {"password_hash": "...", "role": "admin"|"officer"}}}`) and from
`ASSISTANT_USERS="name:hash[:role],..."` (for containers without a writable file). Only hashes
are stored; passwords are never logged or written anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.settings import Settings

ROLES = ("admin", "officer")
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # ~16 MB and ~50 ms per check: slows guessing


def hash_password(password: str) -> str:
    """'scrypt$n$r$p$salt$hash' with a fresh random salt."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return "$".join(["scrypt", *(str(_SCRYPT[k]) for k in "nrp"), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches a stored scrypt or pbkdf2_sha256 hash (constant time)."""
    try:
        kind, *parts = stored.split("$")
        if kind == "scrypt":
            n, r, p, salt, digest = parts
            got = hashlib.scrypt(password.encode(), salt=_unb64(salt), n=int(n), r=int(r),
                                 p=int(p), dklen=len(_unb64(digest)))
        elif kind == "pbkdf2_sha256":
            rounds, salt, digest = parts
            got = hashlib.pbkdf2_hmac("sha256", password.encode(), _unb64(salt), int(rounds),
                                      dklen=len(_unb64(digest)))
        else:
            return False
        return hmac.compare_digest(got, _unb64(digest))
    except (ValueError, TypeError):
        return False


_DUMMY = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"


@dataclass(frozen=True)
class Users:
    """Known users: name -> (password hash, role)."""

    entries: dict[str, tuple[str, str]]

    def check_password(self, name: str, password: str) -> str | None:
        """The user's role when the password is right, else None."""
        stored, role = self.entries.get(name, (_DUMMY, ""))
        ok = verify_password(password, stored)  # hash even for unknown names: no timing hint
        return role if ok and name in self.entries else None

    def check(self, name: str, password: str) -> bool:
        """Gradio's `auth=` callable."""
        return self.check_password(name, password) is not None

    def role(self, name: str | None) -> str | None:
        return self.entries.get(name, ("", None))[1] if name else None


def load_users(settings: Settings, env: dict[str, str] | None = None) -> Users:
    """Users from settings.auth_file, then ASSISTANT_USERS (which wins on a clash)."""
    entries: dict[str, tuple[str, str]] = {}
    path = Path(settings.auth_file)
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
        for name, user in data.get("users", {}).items():
            entries[name] = (user["password_hash"], _role(user.get("role", "officer")))
    env = os.environ if env is None else env
    for item in filter(None, (s.strip() for s in env.get("ASSISTANT_USERS", "").split(","))):
        name, _, rest = item.partition(":")
        stored, _, role = rest.partition(":")
        if name and stored:
            entries[name] = (stored, _role(role or "officer"))
    return Users(entries)


LOCKOUT_SECONDS = 30.0  # first lock-out; doubles with each further run of wrong passwords
LOCKOUT_MAX = 3600.0


@dataclass
class Backoff:
    """Failed attempts counted per key (a user name, an address): after `allowed` failures in a
    row the key is locked for LOCKOUT_SECONDS, doubling with each further failure, up to
    LOCKOUT_MAX. A success clears the key. Other keys are never affected."""

    allowed: int
    _failures: dict[str, tuple[int, float]] = field(default_factory=dict)  # key -> (count, locked until)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def locked_for(self, key: str) -> float:
        """Seconds until `key` may try again (0: now)."""
        _, until = self._failures.get(key, (0, 0.0))
        return max(0.0, until - time.monotonic())

    def record(self, key: str, ok: bool) -> None:
        with self._lock:
            if ok:
                self._failures.pop(key, None)
                return
            count = self._failures.get(key, (0, 0.0))[0] + 1
            over = count - self.allowed
            until = time.monotonic() + min(LOCKOUT_MAX, LOCKOUT_SECONDS * 2 ** over) if over >= 0 else 0.0
            self._failures[key] = (count, until)

    def expire(self, key: str) -> None:
        """End `key`'s lock-out now but keep its count (the next failure locks it again)."""
        with self._lock:
            if key in self._failures:
                self._failures[key] = (self._failures[key][0], 0.0)


@dataclass
class Gate:
    """Sign-in for a running server: the users file re-read when it changes (a new user can
    sign in, a removed or demoted one loses access at once), wrong passwords locked out per
    user with a doubling window, and hashing in a worker thread so a flood of guesses never
    stalls other users' requests. (Lock-out per address is in `hardening.py`.)"""

    settings: Settings
    _users: Users = field(default_factory=lambda: Users({}))
    _seen: tuple = ()
    backoff: Backoff | None = None

    def __post_init__(self):
        self.backoff = self.backoff or Backoff(self.settings.login_attempts)

    @property
    def users(self) -> Users:
        path = Path(self.settings.auth_file)
        try:
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            stamp = None
        seen = (stamp, os.environ.get("ASSISTANT_USERS", ""))
        if seen != self._seen:
            self._users, self._seen = load_users(self.settings), seen
        return self._users

    def locked_for(self, name: str) -> float:
        """Seconds until `name` may try again (0: now)."""
        return self.backoff.locked_for(name)

    def attempt(self, name: str, password: str) -> bool:
        """Check a password, counting failures (blocking: run it off the event loop)."""
        if self.locked_for(name):
            return False  # no hashing either: a locked name costs nothing to refuse
        ok = self.users.check(name, password)
        self.backoff.record(name, ok)
        return ok

    async def check(self, name: str, password: str) -> bool:
        """Gradio's `auth=` callable (async: Gradio awaits it, the hash runs in a thread)."""
        import anyio

        return await anyio.to_thread.run_sync(self.attempt, name, password)


class ExpiringTokens(dict):
    """Gradio's token -> user table, where a sign-in lapses after `ttl` seconds."""

    def __init__(self, ttl: float):
        super().__init__()
        self.ttl, self.issued = ttl, {}

    def __setitem__(self, token, user) -> None:
        self.issued[token] = time.monotonic()
        super().__setitem__(token, user)

    def __delitem__(self, token) -> None:  # sign-out
        self.issued.pop(token, None)
        super().__delitem__(token)

    def _fresh(self, token) -> bool:
        if time.monotonic() - self.issued.get(token, float("-inf")) <= self.ttl:
            return True
        dict.pop(self, token, None)
        self.issued.pop(token, None)
        return False

    def get(self, token, default=None):
        return super().get(token, default) if self._fresh(token) else default

    def __contains__(self, token) -> bool:
        return self._fresh(token) and super().__contains__(token)

    def __getitem__(self, token):
        if not self._fresh(token):
            raise KeyError(token)
        return super().__getitem__(token)


def check_password(name: str, password: str, settings: Settings | None = None) -> str | None:
    """Role of `name` if `password` is right, else None (settings from the environment)."""
    return load_users(settings or Settings.from_env()).check_password(name, password)


def add_user(path: Path, name: str, password: str, role: str = "officer") -> None:
    """Add or replace a user in the JSON users file (created with owner-only permissions)."""
    if not name or ":" in name or "," in name:
        raise ValueError("user names must be non-empty and contain no ':' or ','")
    if len(password) < 8:
        raise ValueError("use a password of at least 8 characters")
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data.setdefault("users", {})[name] = {"password_hash": hash_password(password),
                                          "role": _role(role)}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    tmp.chmod(0o600)
    tmp.replace(path)


def _role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose one of: {', '.join(ROLES)}")
    return role


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))
