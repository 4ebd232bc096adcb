"""The HTTP hardening middleware on Gradio's real app (its own /login and /upload routes),
driven in-process with clients at different addresses."""

from __future__ import annotations

import gradio as gr
import pytest
from gradio.routes import App
from starlette.testclient import TestClient

from assistant.settings import Settings
from assistant.web import app as web
from assistant.web import auth

PASSWORD = "correct horse"


@pytest.fixture
def app(tmp_path):
    settings = Settings.from_env(env={}, data_dir=tmp_path / "var", auth_file=tmp_path / "users.json",
                                 login_attempts=100, login_attempts_per_address=3, uploads_per_hour=2)
    for name in ("alice", "bob"):
        auth.add_user(settings.auth_file, name, PASSWORD)
    options = web.launch_options(settings)
    with gr.Blocks(analytics_enabled=False) as demo:
        gr.Markdown("hello")
    demo.auth, demo.auth_message = options["auth"], options["auth_message"]
    demo.max_file_size = 1_000_000  # what launch() sets from options["max_file_size"]
    return App.create_app(demo, app_kwargs=options["app_kwargs"])


def client(app, address: str) -> TestClient:
    return TestClient(app, client=(address, 50000), base_url="http://127.0.0.1")


def login(c: TestClient, name: str, password: str):
    return c.post("/login", data={"username": name, "password": password})


def test_security_headers_on_pages_and_api(app):
    c = client(app, "10.0.0.1")
    for path in ("/", "/config", "/login"):
        headers = c.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
    assert "strict-transport-security" not in c.get("/").headers  # plain HTTP: no HSTS


def test_sign_in_cookies_are_strict_and_secure_over_https(app):
    plain = login(client(app, "10.0.0.1"), "alice", PASSWORD)
    assert plain.status_code == 200
    cookies = plain.headers.get_list("set-cookie")
    assert len(cookies) == 2 and all("SameSite=Strict" in c and "HttpOnly" in c for c in cookies)
    assert not any("samesite=none" in c.lower() for c in cookies)
    https = TestClient(app, client=("10.0.0.1", 50000), base_url="https://127.0.0.1")
    secured = login(https, "alice", PASSWORD)
    assert all("Secure" in c for c in secured.headers.get_list("set-cookie"))
    assert "max-age" in secured.headers["strict-transport-security"]


def test_wrong_sign_ins_lock_out_that_address_only(app):
    attacker, colleague = client(app, "10.0.0.66"), client(app, "10.0.0.7")
    names = ["alice", "bob", "carol"]  # guessing across user names: the per-user lock never trips
    assert [login(attacker, n, "guess").status_code for n in names] == [400, 400, 400]
    locked = login(attacker, "alice", PASSWORD)  # the right password waits too, unhashed
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) >= 1
    assert "from this address" in locked.json()["detail"]
    assert login(colleague, "alice", PASSWORD).status_code == 200  # another address signs in


def test_a_right_password_clears_the_address_count(app):
    c = client(app, "10.0.0.9")
    for _ in range(3):
        assert login(c, "bob", "guess").status_code == 400
        assert login(c, "bob", PASSWORD).status_code == 200


def test_uploads_per_address_are_limited(app):
    c = client(app, "10.0.0.5")
    assert login(c, "alice", PASSWORD).status_code == 200
    codes = [c.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code for _ in range(3)]
    assert codes[:2] == [200, 200] and codes[2] == 429
    other = client(app, "10.0.0.6")
    assert login(other, "bob", PASSWORD).status_code == 200
    assert other.post("/gradio_api/upload", files={"files": ("b.txt", b"y")}).status_code == 200
