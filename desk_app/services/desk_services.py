"""What the window asks of the rest of the client, in one Qt-free object.

The window calls these methods (through the TaskRunner for anything that blocks);
each is a thin step over core, forms and devices objects built once in DeskContext
and passed in here — no globals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime

from desk_app.core.case_flow import Case
from desk_app.core.case_flow.papers import RECEIPT, papers_for
from desk_app.core.case_model import (
    Agent,
    Applicant,
    CaseDraft,
    Decision,
    EvaluationDraft,
    MaterialRecord,
)
from desk_app.core.hardware import device_ops
from desk_app.core.hardware.device_hub import OWNER_DESK, DeviceHub
from desk_app.core.machine_config import ROLE_CAMERA, ROLE_SCANNER, MachineConfig
from desk_app.services.view_data import DeviceStateView, OutboxSummaryView, ReceiptPreview
from devices.errors import DeviceError

log = logging.getLogger(__name__)

READ_TIMEOUT_S = 8.0
_SLIP_AUDIT = {False: "print_receipt", True: "print_refusal"}


class DeskServices:
    def __init__(self, *, config: MachineConfig, clerk_username: str, clerk_name: str,
                 catalog, searcher, outbox, sync, redactor,
                 hub: DeviceHub, network=None, regions=None, calendar=None,
                 audit=None, clerk_cache=None, online: bool = True,
                 papers,
                 usage: Callable[[str], None] = lambda _code: None,
                 updates=None) -> None:
        self.config = config
        self.clerk_username = clerk_username
        self.clerk_name = clerk_name
        self.window_name = config.window_name
        self.catalog = catalog
        self.regions = regions
        self.calendar = calendar
        self.audit = audit
        self.clerk_cache = clerk_cache
        self.signed_in_online = online
        self.searcher = searcher
        self.outbox = outbox
        self.sync = sync
        self.redactor = redactor
        self.hub = hub
        self.network = network  # NetworkWatch: the center's reachability within seconds
        self.bridge = None  # BridgeServer when [bridge] enabled (DeskContext)
        self.bridge_problem = ""  # why an enabled bridge did not start, for the strip
        self.papers = papers
        self.usage = usage
        self.updates = updates  # UpdateService, or None: no [update] url, no checks

    # items ------------------------------------------------------------------------------
    def search_items(self, text: str) -> list:
        return self.searcher(text)

    def expand_choice(self, code: str) -> list[tuple[str, str]]:
        """A bundle (一件事) brings all its items; an item brings itself."""
        bundle = self.catalog.bundles.get(code)
        codes = list(bundle.item_codes) if bundle else [code]
        return [(c, self.item_name(c)) for c in codes]

    def record_use(self, code: str) -> None:
        self.usage(code)

    def item_name(self, code: str) -> str:
        try:
            return self.catalog.item(code).name
        except KeyError:
            return code

    # identity ---------------------------------------------------------------------------
    def read_identity(self):
        # on the reader's own thread; a second F2 while this one waits joins it
        identity = device_ops.read_identity(self.hub, OWNER_DESK, READ_TIMEOUT_S)
        if self.audit is not None:
            prefill = identity.to_prefill()
            self.audit.card_read(clerk=self.clerk_username,
                                 card_type=str(prefill.get("card.id_type", "")),
                                 id_number=str(prefill.get("card.id_number", "")))
        return identity

    def relogin(self, password: str) -> None:
        """After an expired session (or an offline sign-in): a token for the paused queue."""
        session = self.sync.client.login(self.clerk_username, password, self.config.window_id)
        self.sync.resume_with(session.token)
        self.signed_in_online = True
        if self.clerk_cache is not None:
            self.clerk_cache.remember(username=self.clerk_username, password=password,
                                      name=session.clerk.name, clerk_id=session.clerk.id,
                                      window_id=self.config.window_id)
        self.record("login")

    def check_password(self, password: str) -> bool:
        """For the idle lock: the signed-in clerk's password, checked locally."""
        if self.clerk_cache is None:
            return False
        return self.clerk_cache.verify_offline(self.clerk_username, password) is not None

    def record(self, action: str, target: str = "") -> None:
        if self.audit is not None:
            self.audit.record(action, clerk=self.clerk_username, target=target)

    def remember_personal(self, identity) -> None:
        """Teach the log redactor this applicant's values before anything can log them."""
        prefill = identity.to_prefill()
        self.remember_values(prefill.get(k) for k in ("card.name", "card.id_number",
                                                       "card.address"))

    def remember_values(self, values) -> None:
        """Names and addresses have no pattern: the redactor masks them once it knows them."""
        for value in values:
            if value:
                self.redactor.remember(str(value))

    @staticmethod
    def clerk_message(exc: BaseException) -> str:
        """Words the clerk can act on; our error families all carry Chinese messages."""
        from desk_app.core.catalog_cache import CatalogUnavailable
        from desk_app.core.center_errors import CenterError
        from desk_app.core.crypto import DecryptError
        from desk_app.core.keystore import KeystoreError
        from desk_app.core.machine_config import ConfigError
        from desk_app.core.sending.outbox_entries import OutboxError
        from desk_app.services.sign_in import OfflineSignInRefused

        if isinstance(exc, DeviceError):
            return exc.clerk_message
        if isinstance(exc, CenterError | KeystoreError | OutboxError | ConfigError
                      | CatalogUnavailable | DecryptError | OfflineSignInRefused) and str(exc):
            return str(exc)
        log.error("unexpected failure: %s", type(exc).__name__)
        return f"操作失败（{type(exc).__name__}），请重试；如反复出现请联系技术支持。"

    def camera_factory(self):
        """What the capture screen opens: the hub's document camera, else a clear error."""
        hub = self.hub

        def factory():
            if not hub.bound(ROLE_CAMERA):
                raise DeviceError("未绑定高拍仪：请在 machine.toml 的 [devices] 中配置 camera，"
                                  "或用“导入文件”添加材料")
            return device_ops.HubCamera(hub.slot(ROLE_CAMERA), OWNER_DESK)

        return factory

    def scanner_factory(self):
        """Opens the bound scanner for the capture screen; None when none is bound."""
        if not self.hub.bound(ROLE_SCANNER):
            return None
        hub = self.hub
        return lambda: device_ops.HubScanner(hub.slot(ROLE_SCANNER), OWNER_DESK)

    # the case ---------------------------------------------------------------------------
    def draft_from(self, case: Case) -> CaseDraft:
        """The case as sealed. A 不予受理 or 一次性告知 received nothing (its papers say so),
        so its draft carries no materials, and no captured file is kept or sent."""
        applicant = case.applicant
        received = RECEIPT in papers_for(case.decision_kind)
        materials = [
            MaterialRecord(item_code=m["item_code"], material_code=m["material_code"],
                           name=m["name"], mode=m["mode"],
                           blob_digests=list(m.get("blob_digests", [])),
                           pages=int(m.get("pages", 0)), due_date=m.get("due_date"),
                           licence_number=m.get("licence_number"))
            for m in case.materials
        ] if received else []
        return CaseDraft(
            uuid=case.uuid, window_id=self.config.window_id,
            clerk_username=self.clerk_username, ticket_number=case.ticket_number,
            # kind and id type travel with the applicant: the center checks the number by
            # its type (a 统一社会信用代码 or an 'I' card is no 居民身份证 number)
            applicant=Applicant(name=applicant.get("name", ""),
                                id_number=applicant.get("id_number", ""),
                                kind=applicant.get("kind") or "person",
                                id_type=applicant.get("id_type") or "resident",
                                phone=applicant.get("phone", ""),
                                address=applicant.get("address", ""),
                                legal_representative=applicant.get("legal_representative", "")),
            agent=Agent(name=case.agent["name"], id_number=case.agent["id_number"],
                        id_type=case.agent.get("id_type") or "resident",
                        phone=case.agent.get("phone", ""),
                        relation=case.agent.get("relation", "")) if case.agent else None,
            items=list(case.item_codes), form=dict(case.form),
            materials=materials,
            decision=Decision(kind=case.decision_kind, reason=case.decision_reason),
        )

    def case_rules(self, case: Case) -> list[str]:
        """The center's own checks on this case (``forms.case_rules``), run before sealing."""
        return [problem.message for problem in self.draft_from(case).problems(self.catalog)]

    def seal(self, case: Case):
        draft = self.draft_from(case)
        kept = set(draft.blob_digests())  # a refusal's captures are not kept
        sealed = self.outbox.seal(draft, {d: b for d, b in case.blobs.items() if d in kept})
        self.record("seal", sealed.uuid)
        return sealed

    def print_slip(self, case: Case, sealed) -> ReceiptPreview | None:
        """The decision's thermal slip (``case_flow.papers``): the 收件回执 when materials
        were received, the 不予受理 slip for a refusal, none for 一次性告知."""
        number = case.official_number or sealed.provisional_number
        draft = self.draft_from(case)
        preview = self.papers.print_slip(draft, number, not case.official_number,
                                         sealed.sealed_at.astimezone())
        if preview is not None:
            self.record(_SLIP_AUDIT[draft.decision.kind == "refuse"], case.uuid)
        return preview

    def print_ticket(self, view: dict) -> ReceiptPreview:
        """A walk-in's ticket from F9, as the center issued it (never on a case's paper)."""
        return self.papers.print_ticket(view)

    def notice_pdf(self, case: Case, missing: list[str],
                   signature_png: bytes | None) -> tuple[str, bytes]:
        number = case.official_number or case.provisional_number
        owed = list(dict.fromkeys([*missing, *case.owed()]))  # never one the clerk forgot
        result = self.papers.notice_pdf(self.draft_from(case), number, not case.official_number,
                                        date.today(), owed, signature_png,
                                        dict(case.insufficient))
        self.record("print_notice", case.uuid)
        return result

    def rate(self, case_uuid: str, rating: dict):
        """The applicant's 好差评, sealed and queued after its case."""
        draft = EvaluationDraft(
            uuid=CaseDraft.new_uuid(), case_uuid=case_uuid, overall=int(rating["overall"]),
            efficiency=int(rating.get("efficiency") or rating["overall"]),
            competence=int(rating.get("competence") or rating["overall"]),
            attitude=int(rating.get("attitude") or rating["overall"]),
            reason=str(rating.get("reason", "")))
        return self.outbox.seal_evaluation(draft)

    def pre_application(self, code: str) -> dict:
        """A case pre-filed online (网上预审), picked up at the counter by its code."""
        return self.sync.client.pre_application(code)

    def licences(self, holder_id: str, *, basis: str = "card", purpose: str = "") -> list[dict]:
        """Electronic licences the center holds for this person (电子证照), for exemption;
        ``basis`` "typed" when the number was not read from their card."""
        return self.sync.client.licences(holder_id, basis=basis, purpose=purpose)

    @property
    def center_client(self):
        return self.sync.client

    # sync -------------------------------------------------------------------------------
    def add_sync_listener(self, listener) -> None:
        self.sync.add_listener(listener)

    def wake_sync(self) -> None:
        self.sync.wake()

    def outbox_summary(self) -> OutboxSummaryView:
        status = self.sync.status()
        online = self.network.online if self.network is not None else status.online
        # A rating (好差评) is not a case: the clerk's counters count cases and supplements.
        counts = self.outbox.counts(("case", "supplement", "case_event"))
        last = status.last_contact
        if isinstance(last, datetime):
            last = last.astimezone(UTC).astimezone().strftime("%H:%M:%S")
        return OutboxSummaryView(
            online=bool(online), pending=counts.get("pending", 0),
            sending=counts.get("sending", 0), attention=counts.get("needs_attention", 0),
            done=counts.get("done", 0), last_contact=last or "",
            paused_reason=status.paused_reason or "",
        )

    def device_states(self) -> list[DeviceStateView]:
        """The last real answer of each device (``DeviceHub``), for the status strip."""
        views = []
        for state in self.hub.states():
            if not state.bound:
                views.append(DeviceStateView(state.role, state.label, False,
                                             state.message, kind="unbound"))
                continue
            kind = {True: "ok", False: "bad", None: "unknown"}[state.ok]
            views.append(DeviceStateView(state.role, state.label, bool(state.ok),
                                         state.message, kind=kind))
        return views
