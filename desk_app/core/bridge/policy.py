"""Who may talk to the bridge: Host, Origin, CORS and Private Network Access, decided
from request headers alone (pure functions: fuzzed in tests).

- Host must name the loopback (127.0.0.1, localhost, [::1]) with our port: a page on
  ``evil.example`` whose DNS later points at 127.0.0.1 sends ``Host: evil.example``
  (DNS rebinding) and is refused before anything else happens.
- An Origin is compared in its serialised form (scheme://host[:port], lower case, the
  default port dropped), the way browsers send it; ``null`` and anything else that is
  not http(s) never matches.
- CORS answers — ``Access-Control-Allow-Origin`` echoing the origin, never ``*`` — and
  the Private Network Access grant (``Access-Control-Allow-Private-Network: true``, in
  answer to ``Access-Control-Request-Private-Network: true`` on a preflight; WICG
  Private Network Access §"CORS preflight") go to allow-listed origins only. A refused
  origin gets a response without them, so the browser itself blocks the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "authorization, content-type"
PREFLIGHT_MAX_AGE = "600"
_DEFAULT_PORTS = {"http": 80, "https": 443}


class BadOrigin(ValueError):
    """Not an origin a browser would send."""


def normalise_origin(text: str) -> str:
    """'HTTPS://Zwfw.Example.gov.cn:443' → 'https://zwfw.example.gov.cn'."""
    if not text or len(text) > 300 or any(c.isspace() for c in text) or not text.isascii():
        raise BadOrigin("origin is empty, too long or has spaces")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise BadOrigin(str(exc)) from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise BadOrigin("not an http(s) origin")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username \
            or parts.password:
        raise BadOrigin("an origin has no path, query or user")
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is None or port == _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def allowed_origins(configured: list[str]) -> frozenset[str]:
    """The machine's allow-list, normalised; a bad entry is a config error (raised)."""
    return frozenset(normalise_origin(o) for o in configured)


def host_is_loopback(host_header: str | None, port: int) -> bool:
    if not host_header:
        return False
    host = host_header.strip().lower()
    return any(host in (name, f"{name}:{port}") for name in LOOPBACK_NAMES)


@dataclass(frozen=True)
class OriginVerdict:
    origin: str  # normalised, or "" when absent / not an origin
    allowed: bool


def judge_origin(origin_header: str | None, allow: frozenset[str]) -> OriginVerdict:
    if origin_header is None:
        return OriginVerdict("", False)
    try:
        origin = normalise_origin(origin_header)
    except BadOrigin:
        return OriginVerdict("", False)
    return OriginVerdict(origin, origin in allow)


def cors_headers(verdict: OriginVerdict) -> dict[str, str]:
    """Headers for an actual (non-preflight) response."""
    if not verdict.allowed:
        return {"Vary": "Origin"}
    return {"Access-Control-Allow-Origin": verdict.origin, "Vary": "Origin",
            "Access-Control-Expose-Headers": "retry-after"}


def preflight_headers(verdict: OriginVerdict, request_headers) -> dict[str, str] | None:
    """The answer to an OPTIONS preflight; None: refuse it (no CORS, no PNA grant)."""
    if not verdict.allowed:
        return None
    headers = {
        "Access-Control-Allow-Origin": verdict.origin,
        "Access-Control-Allow-Methods": ALLOWED_METHODS,
        "Access-Control-Allow-Headers": ALLOWED_HEADERS,
        "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
        "Vary": "Origin, Access-Control-Request-Private-Network",
    }
    if (request_headers.get("access-control-request-private-network") or "").strip().lower() \
            == "true":
        headers["Access-Control-Allow-Private-Network"] = "true"
    return headers
