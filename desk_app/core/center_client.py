"""The only way the client talks to an acceptance center (docs/api-v1.md).

``requests`` with one pooled session; TLS verified against the configured CA bundle
(or the system store). Every call returns parsed data or raises a ``CenterError``
subclass (see ``center_errors``): network trouble and 5xx are ``Transient``,
validation is ``Rejected``, an expired token is ``SessionExpired``. Another
province's platform can be fitted by writing an adapter with the same methods.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlencode

import requests

from desk_app.core.bounded_response import (
    CATALOG_MAX_BODY,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_BODY,
    read_body,
)
from desk_app.core.center_address import check_center_address
from desk_app.core.center_errors import (
    CenterError,
    NotFound,
    OffsetMismatch,
    Rejected,
    TlsError,
    Transient,
    error_for,
    parse_json_object,
    require_str,
)
from desk_app.core.sending.chunk_pacing import ChunkPacer, FixedChunks
from desk_app.core.upload_rules import (
    BlobState,
    ProgressCallback,
    UploadBudget,
    UploadReport,
    blob_state_from,
    checked_offset,
    lying_offset,
)

API_PREFIX = "/api/v1"


@dataclass(frozen=True)
class Clerk:
    id: str
    username: str
    name: str


@dataclass(frozen=True)
class LoginResult:
    token: str
    expires_at: str
    clerk: Clerk


@dataclass(frozen=True)
class CaseResult:
    uuid: str
    number: str
    status: str
    promised_date: str | None
    received_at: str
    timeline: list[dict[str, Any]] = field(default_factory=list)
    replayed: bool = False

    @classmethod
    def from_json(cls, data: dict[str, Any], replayed: bool = False) -> CaseResult:
        timeline = data.get("timeline")
        promised = data.get("promised_date")
        return cls(
            uuid=require_str(data, "uuid"),
            number=require_str(data, "number"),
            status=require_str(data, "status"),
            promised_date=promised if isinstance(promised, str) else None,
            received_at=str(data.get("received_at", "")),
            timeline=[t for t in timeline if isinstance(t, dict)]
            if isinstance(timeline, list)
            else [],
            replayed=replayed,
        )


class CenterClient:
    def __init__(
        self,
        base_url: str,
        ca_bundle: str | None = None,
        timeout: float | tuple[float, float] = (5.0, 30.0),
        token: str | None = None,
        chunk_size: int | None = None,
        deadline: float = DEFAULT_DEADLINE,
        sleep: Callable[[float], None] = time.sleep,
        allow_insecure_http: bool = False,
    ) -> None:
        # Refused before any byte is sent: plain http:// off this machine, a missing CA
        # bundle (ConfigError). No address at all is the offline-only desk: every call
        # is then Transient and the outbox keeps the cases.
        self.address_warnings = (
            check_center_address(base_url, ca_bundle, allow_insecure_http=allow_insecure_http)
            if base_url
            else []
        )
        self.allow_insecure_http = allow_insecure_http
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.deadline = deadline  # seconds for one whole request, however the center trickles
        self._sleep = sleep
        self.token = token
        self.chunk_size = chunk_size  # None: sized to the link (chunk_pacing)
        self.pacer = FixedChunks(chunk_size) if chunk_size else ChunkPacer()
        self._session = requests.Session()
        # No automatic retries: the sync thread owns retry policy (backoff, jitter).
        # ``verify`` goes on every request: requests lets REQUESTS_CA_BUNDLE override a
        # session-level setting, and the machine config must win.
        self._verify: str | bool = ca_bundle or True

    def close(self) -> None:
        self._session.close()

    def clone(self) -> CenterClient:
        """A second client (own connection pool) with the same settings and session token."""
        return CenterClient(
            self.base_url,
            ca_bundle=self._verify if isinstance(self._verify, str) else None,
            timeout=self.timeout,
            token=self.token,
            chunk_size=self.chunk_size,
            deadline=self.deadline,
            sleep=self._sleep,
            allow_insecure_http=self.allow_insecure_http,
        )

    # ---- plumbing ------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        auth: bool = True,
        max_body: int = DEFAULT_MAX_BODY,
    ) -> requests.Response:
        all_headers = {"Accept": "application/json"}
        if auth and self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        all_headers.update(headers or {})
        deadline = time.monotonic() + self.deadline
        try:
            response = self._session.request(
                method,
                self.base_url + API_PREFIX + path,
                json=json_body,
                data=data,
                headers=all_headers,
                timeout=self.timeout,
                verify=self._verify,
                stream=True,
            )
            # the whole body now, bounded in size and time: a cut body is Transient here
            read_body(response, max_bytes=max_body, deadline=deadline)
        except requests.exceptions.SSLError as exc:
            raise TlsError(
                "无法验证受理中心的证书：请检查配置的 CA 证书（ca_bundle）是否正确"
            ) from exc
        except Transient:
            raise
        except (requests.exceptions.RequestException, ssl.SSLError, OSError) as exc:
            raise Transient(f"无法连接受理中心（{type(exc).__name__}），稍后自动重试") from exc
        if response.status_code >= 400:
            raise error_for(response.status_code, response.content)
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return parse_json_object(self._request(method, path, **kwargs).content)

    # ---- sessions ------------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        return self._json("GET", "/health", auth=False)

    def health_and_clock(self) -> tuple[dict[str, Any], datetime | None]:
        """``/health`` and the center's clock from its ``Date`` header (None: absent)."""
        response = self._request("GET", "/health", auth=False)
        try:
            stamp = parsedate_to_datetime(response.headers.get("Date", ""))
        except (TypeError, ValueError, IndexError):
            stamp = None
        if stamp is not None and stamp.tzinfo is None:
            stamp = None  # RFC 9110 dates are GMT; one without a zone says nothing
        return parse_json_object(response.content), stamp

    def login(self, username: str, password: str, window_id: str) -> LoginResult:
        data = self._json(
            "POST",
            "/sessions",
            json_body={"username": username, "password": password, "window_id": window_id},
            auth=False,
        )
        clerk = data.get("clerk")
        clerk = clerk if isinstance(clerk, dict) else {}
        result = LoginResult(
            token=require_str(data, "token"),
            expires_at=str(data.get("expires_at", "")),
            clerk=Clerk(
                id=str(clerk.get("id", "")),
                username=str(clerk.get("username", username)),
                name=str(clerk.get("name", "")),
            ),
        )
        self.token = result.token
        return result

    def logout(self) -> None:
        self._request("DELETE", "/sessions/current")
        self.token = None

    # ---- reference data ------------------------------------------------------------
    def fetch_catalog(self, etag: str | None = None) -> tuple[int, str | None, bytes]:
        """(200, new etag, body) or (304, the same etag, b"")."""
        headers = {"If-None-Match": etag} if etag else {}
        response = self._request("GET", "/catalog", headers=headers, max_body=CATALOG_MAX_BODY)
        if response.status_code == 304:
            return 304, etag, b""
        parse_json_object(response.content)  # a cut catalog must not replace the cache
        return response.status_code, response.headers.get("ETag"), response.content

    def calendar(self, year: int) -> dict[str, Any]:
        return self._json("GET", f"/calendar/{int(year)}")

    def licences(self, holder_id: str, *, basis: str = "card",
                 purpose: str = "") -> list[dict[str, Any]]:
        """``basis``: "card" (the holder's card was read) or "typed" (a number not read from
        a card; ``purpose`` says why). The center records both with the lookup."""
        query = {"holder_id": holder_id, "basis": basis}
        if purpose:
            query["purpose"] = purpose
        data = self._json("GET", "/licences?" + urlencode(query))
        items = data.get("licences")
        return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []

    def pre_application(self, code: str) -> dict[str, Any]:
        return self._json("GET", f"/pre-applications/{requests.utils.quote(code, safe='')}")

    # ---- blobs ---------------------------------------------------------------------
    def blob_state(self, digest: str) -> BlobState | None:
        try:
            response = self._request("HEAD", f"/blobs/{digest}")
        except NotFound:
            return None
        return blob_state_from(response.headers)

    def patch_blob(self, digest: str, offset: int, total: int, chunk: bytes) -> BlobState:
        response = self._request(
            "PATCH",
            f"/blobs/{digest}",
            data=chunk,
            headers={
                "Upload-Offset": str(offset),
                "Upload-Length": str(total),
                "Content-Type": "application/offset+octet-stream",
            },
        )
        return blob_state_from(response.headers)

    def upload_blob(
        self, digest: str, data: bytes, progress: ProgressCallback | None = None
    ) -> UploadReport:
        """Send what the center lacks, chunk by chunk, from the offset it reports.

        A failure mid-way raises ``Transient``; calling again resumes from the center's
        offset (``HEAD``), so at most the chunk in flight is sent twice. The center's
        word is checked, not trusted: an offset beyond the file or beyond what was sent
        is ``Rejected`` (a technician must look); repeated offset disagreements back off
        and then give up as ``Transient``; one call makes a bounded number of requests.
        """
        total = len(data)
        report = UploadReport(digest=digest, size=total)
        state = self.blob_state(digest)
        if state is not None and state.complete:
            report.already_complete = True
            if progress:
                progress(total, total)
            return report
        offset = checked_offset(state.offset if state is not None else 0, total, digest)
        report.resumed_from = offset
        budget = UploadBudget(total - offset, self.pacer.minimum)
        while True:
            budget.spend()
            if progress:
                progress(offset, total)
            chunk = data[offset : offset + self.pacer.next_size()]
            started = time.monotonic()
            try:
                state = self.patch_blob(digest, offset, total, chunk)
            except OffsetMismatch as exc:
                offset = checked_offset(exc.offset, total, digest)
                self._sleep(budget.resync())
                continue
            except Rejected as exc:
                if exc.problem == "digest-mismatch":  # the center discarded it; start over
                    raise Transient("材料文件上传校验失败，稍后自动重新上传") from exc
                raise
            except Transient:
                self.pacer.failed()
                raise
            self.pacer.sent(len(chunk), time.monotonic() - started)
            report.bytes_sent += len(chunk)
            if state.offset > offset + len(chunk):
                raise lying_offset(state.offset, offset + len(chunk), digest)
            if state.complete:
                if progress:
                    progress(total, total)
                return report
            if state.offset <= offset and chunk:
                raise Transient("受理中心未接收上传的数据，稍后自动重试")
            offset = state.offset
            if offset >= total:
                # All bytes arrived but the center did not confirm: ask it afresh.
                final = self.blob_state(digest)
                if final is not None and final.complete:
                    return report
                raise Transient("材料文件上传未完成确认，稍后自动重试")

    # ---- cases ---------------------------------------------------------------------
    def submit_case(self, payload: dict[str, Any], idempotency_key: str) -> CaseResult:
        response = self._request(
            "POST", "/cases", json_body=payload, headers={"Idempotency-Key": idempotency_key}
        )
        replayed = response.headers.get("Idempotent-Replayed", "").lower() == "true"
        return CaseResult.from_json(parse_json_object(response.content), replayed)

    def get_case(self, number: str) -> CaseResult:
        return CaseResult.from_json(
            self._json("GET", f"/cases/{requests.utils.quote(number, safe='')}")
        )

    def get_case_by_uuid(self, uuid: str) -> CaseResult:
        return CaseResult.from_json(
            self._json("GET", f"/cases/by-uuid/{requests.utils.quote(uuid, safe='')}")
        )

    def submit_supplement(
        self, case_number: str, payload: dict[str, Any], idempotency_key: str
    ) -> dict[str, Any]:
        return self._json(
            "POST",
            f"/cases/{requests.utils.quote(case_number, safe='')}/supplements",
            json_body=payload,
            headers={"Idempotency-Key": idempotency_key},
        )

    def list_cases(
        self,
        *,
        window: str | None = None,
        status: str | None = None,
        since: str | None = None,
        cursor: str | None = None,
        limit: int = 100,
    ) -> dict[str, Any]:
        """One page of the window's cases, newest first (``next_cursor`` for the next)."""
        wanted = {"window": window, "status": status, "since": since, "cursor": cursor}
        params = {k: v for k, v in wanted.items() if v} | {"limit": str(limit)}
        return self._json("GET", "/cases?" + urlencode(params))

    def post_case_event(
        self, number: str, body: dict[str, Any], idempotency_key: str
    ) -> dict[str, Any]:
        """A case's life event (handed_over, mailed, …); the answer is the case's new view."""
        return self._json(
            "POST",
            f"/cases/{requests.utils.quote(number, safe='')}/events",
            json_body=body,
            headers={"Idempotency-Key": idempotency_key},
        )

    def case_paper(self, number: str) -> dict[str, Any]:
        """What the center kept for a case's receipt (masked): a reprint (补打) from it."""
        return self._json("GET", f"/cases/{requests.utils.quote(number, safe='')}/paper")

    def cases_of_holder(self, id_number: str) -> dict[str, Any]:
        """A card holder's open cases in the hall (the number in the body, not the URL)."""
        return self._json("POST", "/cases/of-holder", json_body={"id_number": id_number})

    def window_stats(self, day: str | None = None) -> dict[str, Any]:
        return self._json("GET", "/stats/windows" + (f"?date={day}" if day else ""))

    def submit_evaluation(self, payload: dict[str, Any], idempotency_key: str) -> dict[str, Any]:
        return self._json(
            "POST", "/evaluations", json_body=payload, headers={"Idempotency-Key": idempotency_key}
        )

    # ---- queue tickets -------------------------------------------------------------
    def issue_ticket(self, service: str = "综合受理") -> dict[str, Any]:
        return self._json("POST", "/queue/tickets", json_body={"service": service})

    def call_next(self, window_id: str) -> dict[str, Any] | None:
        response = self._request("POST", "/queue/call-next", json_body={"window_id": window_id})
        if response.status_code == 204:
            return None
        return parse_json_object(response.content)

    def ticket_action(self, ticket: str, action: str, to_window: str | None = None) -> dict:
        if action not in ("recall", "skip", "transfer"):
            raise ValueError(f"unknown queue action {action!r}")
        body = {"to_window": to_window} if action == "transfer" else {}
        return self._json(
            "POST",
            f"/queue/tickets/{requests.utils.quote(ticket, safe='')}/{action}",
            json_body=body,
        )


__all__ = [
    "BlobState",
    "CaseResult",
    "CenterClient",
    "CenterError",
    "Clerk",
    "LoginResult",
    "UploadReport",
]
