"""HTTP hardening around the Gradio app, as one ASGI middleware (passed to Gradio's FastAPI app
through `launch(app_kwargs=...)`, so it sees every request from the first).

- Security headers on every response: a content security policy that allows this server only
  (no outside host can be reached from the page, not even a font), no framing, no sniffing,
  no referrer, and `no-store` on everything but static assets.
- Cookie attributes: Gradio's sign-in cookies become `SameSite=Strict`, and `Secure` whenever
  the request came over HTTPS.
- Sign-in throttling per address: wrong passwords from one client address are locked out with a
  doubling window (beside the per-user lock-out in `auth.Gate`), answered with 429 before any
  password is hashed. Other addresses are unaffected.
- Uploads per address: at most `uploads_per_hour` file uploads in any hour.
"""

from __future__ import annotations

import json
import math
import time
from collections import deque

from assistant.settings import Settings
from assistant.web.auth import Backoff

CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
       "media-src 'self' blob:; connect-src 'self' ws: wss:; worker-src 'self' blob:; "
       "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
}
STATIC = ("/assets/", "/static/", "/favicon.ico")  # anywhere in the path: Gradio nests them
HOUR = 3600.0


def _path_is(path: str, *names: str) -> bool:
    return path.rstrip("/").rsplit("/", 1)[-1] in names


class Hardening:
    """The middleware (see the module docstring). `settings` gives the limits."""

    def __init__(self, app, settings: Settings):
        self.app = app
        self.backoff = Backoff(settings.login_attempts_per_address)
        self.uploads_per_hour = settings.uploads_per_hour
        self.uploads: dict[str, deque[float]] = {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path, address = scope.get("path", ""), (scope.get("client") or ("?", 0))[0]
        https = scope.get("scheme") == "https" or _header(scope, b"x-forwarded-proto") == "https"
        login = scope.get("method") == "POST" and _path_is(path, "login")
        upload = scope.get("method") == "POST" and _path_is(path, "upload")
        if login and (wait := self.backoff.locked_for(address)):
            return await _refuse(send, wait, "Too many wrong sign-ins from this address: try again "
                                 f"in {math.ceil(wait)} seconds.")
        if upload and (wait := self._upload_wait(address)):
            return await _refuse(send, wait, f"At most {self.uploads_per_hour} uploads an hour: try "
                                 f"again in {math.ceil(wait)} seconds.")

        async def send_hardened(message):
            if message["type"] == "http.response.start":
                if login:
                    self.backoff.record(address, 200 <= message["status"] < 300)
                message = dict(message, headers=self._headers(message.get("headers", []), path, https))
            await send(message)

        return await self.app(scope, receive, send_hardened)

    def _upload_wait(self, address: str) -> float:
        """0 and the upload counted when allowed, else seconds until the oldest one ages out."""
        now = time.monotonic()
        recent = self.uploads.setdefault(address, deque())
        while recent and now - recent[0] > HOUR:
            recent.popleft()
        if len(recent) >= self.uploads_per_hour:
            return HOUR - (now - recent[0])
        recent.append(now)
        return 0.0

    def _headers(self, headers, path: str, https: bool) -> list[tuple[bytes, bytes]]:
        out, have = [], set()
        for key, value in headers:
            name = key.lower()
            have.add(name)
            if name == b"set-cookie":
                value = _cookie(value.decode("latin-1"), https).encode("latin-1")
            out.append((key, value))
        extra = dict(HEADERS)
        if not any(part in path for part in STATIC):
            extra["cache-control"] = "no-store"
        if https:
            extra["strict-transport-security"] = "max-age=31536000"
        out += [(k.encode(), v.encode()) for k, v in extra.items() if k.encode() not in have]
        return out


def _cookie(value: str, https: bool) -> str:
    """The cookie with SameSite=Strict (whatever it said), and Secure over HTTPS."""
    parts = [p for p in (p.strip() for p in value.split(";")) if p and not p.lower().startswith("samesite")]
    if https and not any(p.lower() == "secure" for p in parts):
        parts.append("Secure")
    return "; ".join(parts + ["SameSite=Strict"])


def _header(scope, name: bytes) -> str:
    return next((v.decode("latin-1").lower() for k, v in scope.get("headers", []) if k.lower() == name), "")


async def _refuse(send, wait: float, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": 429, "headers": [
        (b"content-type", b"application/json"), (b"retry-after", str(math.ceil(wait)).encode()),
        *[(k.encode(), v.encode()) for k, v in HEADERS.items()]]})
    await send({"type": "http.response.body", "body": body})
