"""Check and download a new version, every byte verified against signed TUF metadata.

tufup's ``Client`` (a ``tuf.ngclient.Updater``) does the verification: root chain,
signatures, expiry, version rollback, and each target's length and hashes. Two things
are ours: ``refresh`` raises instead of tufup's warning-and-return, so an unreachable,
empty or attacked repository is a clear message rather than "no update"; and target
downloads resume from a ``.part`` file with an HTTP ``Range`` request (a hall's line
may drop in the middle of a 100 MB bundle). A resumed file is still checked whole
against the signed hashes before it is used.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import requests
from tuf.api import exceptions as tuf_errors
from tufup.client import AuthRequestsFetcher
from tufup.client import Client as TufupClient

from desk_app.core.updates.publish import APP_NAME
from desk_app.core.updates.trusted_root import load_trusted_root
from desk_app.core.updates.update_error import UpdateError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpdateSettings:
    url: str
    trusted_root: Path | None = None  # root.json shipped with the package

    @property
    def metadata_url(self) -> str:
        return self.url.rstrip("/") + "/metadata/"

    @property
    def targets_url(self) -> str:
        return self.url.rstrip("/") + "/targets/"


class ResumingFetcher(AuthRequestsFetcher):
    """Targets are appended to a ``.part`` file and resumed with ``Range`` next time."""

    def __init__(self, targets_url: str, partial_dir: Path) -> None:
        super().__init__()
        self.targets_url = targets_url
        self.partial_dir = partial_dir
        self.resumed_from: dict[str, int] = {}  # url -> bytes already held (for tests/logs)
        self.last_target_url = ""

    def part_path(self, url: str) -> Path:
        return self.partial_dir / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".part")

    def forget(self, url: str) -> None:
        self.part_path(url).unlink(missing_ok=True)

    def _fetch(self, url: str) -> Iterator[bytes]:
        if not url.startswith(self.targets_url):
            return super()._fetch(url)
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        self.last_target_url = url
        part = self.part_path(url)
        have = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        session = self._get_session(url)
        try:
            response = session.get(url, stream=True, timeout=self.socket_timeout, headers=headers)
        except requests.exceptions.Timeout as exc:
            raise tuf_errors.SlowRetrievalError from exc
        if response.status_code == 416:  # the part is already whole or longer: start over
            response.close()
            part.unlink()
            return self._fetch(url)
        try:
            response.raise_for_status()
        except requests.HTTPError as exc:
            response.close()
            raise tuf_errors.DownloadHTTPError(str(exc), response.status_code) from exc
        resumed = response.status_code == 206 and response.headers.get(
            "content-range", ""
        ).startswith(f"bytes {have}-")
        self.resumed_from[url] = have if resumed else 0
        return self._append(response, part, resumed)

    def _append(self, response: requests.Response, part: Path, resumed: bool) -> Iterator[bytes]:
        if resumed:
            with part.open("rb") as held:
                while chunk := held.read(self.chunk_size):
                    yield chunk
        with part.open("ab" if resumed else "wb") as out:
            for chunk in self._chunks(response):
                out.write(chunk)
                out.flush()
                yield chunk


class _StrictClient(TufupClient):
    """tufup's client, but a failed refresh raises, and refresh runs once per check."""

    _refreshed = False

    def refresh(self) -> None:
        if not self._refreshed:
            super().refresh()
            self._refreshed = True


def _message(exc: Exception, url: str) -> str:
    if isinstance(exc, tuf_errors.DownloadHTTPError) and exc.status_code == 404:
        return (
            f"更新仓库 {url} 为空或地址不对（找不到签名元数据），"
            "请核对 machine.toml 的 [update] url。"
        )
    if isinstance(exc, tuf_errors.DownloadLengthMismatchError):
        return "更新文件比签名元数据声明的大，已拒绝（文件被替换或服务器有误），请联系技术人员。"
    if isinstance(exc, tuf_errors.SlowRetrievalError):
        return f"从 {url} 下载过慢或中断，已下载的部分会保留，请稍后重试。"
    if isinstance(exc, tuf_errors.DownloadError):
        return f"无法连接更新服务器 {url}，请检查网络或 machine.toml 的 [update] url，稍后重试。"
    if isinstance(exc, tuf_errors.ExpiredMetadataError):
        return (
            "更新仓库的签名已过期（可能被冻结在旧版本），已拒绝；"
            "请发布方重新签署（publish-update.sh refresh）。"
        )
    if isinstance(exc, tuf_errors.BadVersionNumberError):
        return "更新仓库的元数据比本机已见过的旧（回滚攻击或仓库被还原），已拒绝，请联系技术人员。"
    if isinstance(exc, tuf_errors.LengthOrHashMismatchError):
        return "下载的更新文件与签名不符（可能被篡改），已丢弃，请联系技术人员。"
    if isinstance(exc, tuf_errors.UnsignedMetadataError):
        return "更新仓库的元数据签名无效（可能被篡改），已拒绝，请联系技术人员。"
    if isinstance(exc, tuf_errors.RepositoryError):
        return f"更新仓库的元数据无效，已拒绝：{type(exc).__name__}，请联系技术人员。"
    return f"检查更新失败：{exc}"


class UpdateClient:
    """One check-and-fetch against ``settings.url``; state below ``state_dir``."""

    def __init__(self, settings: UpdateSettings, state_dir: Path, current_version: str) -> None:
        if not settings.url:
            raise UpdateError("machine.toml 没有设置 [update] url，无法检查更新。")
        self.settings = settings
        self.state_dir = state_dir
        self.current_version = current_version
        self.fetcher = ResumingFetcher(settings.targets_url, state_dir / "partial")
        self._client: _StrictClient | None = None
        self._archive_path: Path | None = None

    @property
    def metadata_dir(self) -> Path:
        return self.state_dir / "metadata"

    def _trust_anchor(self) -> None:
        """The first check trusts the root.json shipped with the package, nothing online."""
        if (self.metadata_dir / "root.json").exists():
            return
        source = self.settings.trusted_root
        if source is None or not source.is_file():
            raise UpdateError(
                f"缺少更新仓库的根元数据（root.json，{source or '未设置'}），"
                "请在 machine.toml 的 [update] trusted_root 指向随安装包提供的文件。"
            )
        load_trusted_root(source)  # a damaged anchor is told now, not as "bad signature" later
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, self.metadata_dir / "root.json")

    def check(self) -> str | None:
        """The newer version on offer, or None when this one is the newest."""
        self._trust_anchor()
        targets_dir = self.state_dir / "targets"
        targets_dir.mkdir(parents=True, exist_ok=True)
        try:
            self._client = _StrictClient(
                app_name=APP_NAME,
                app_install_dir=self.state_dir,  # unused: we install ourselves
                current_version=self.current_version,
                metadata_dir=self.metadata_dir,
                metadata_base_url=self.settings.metadata_url,
                target_dir=targets_dir,
                target_base_url=self.settings.targets_url,
            )
            self._client._fetcher = self.fetcher  # tufup builds its own; ours resumes
            self._client.refresh()
            meta = self._client.check_for_updates(patch=False)
        except (tuf_errors.RepositoryError, tuf_errors.DownloadError) as exc:
            raise UpdateError(_message(exc, self.settings.url)) from exc
        except (OSError, ValueError) as exc:  # unreadable local metadata, bad URL
            raise UpdateError(f"检查更新失败：{exc}") from exc
        if meta is None:
            if not self._client.trusted_target_metas:
                raise UpdateError(f"更新仓库 {self.settings.url} 里还没有任何版本。")
            return None
        return str(meta.version)

    def download(self) -> Path:
        """Fetch (or resume) the archive found by ``check``; return its verified path."""
        client = self._client
        if client is None or not client.new_targets:
            raise UpdateError("没有可下载的新版本（请先检查更新）。")
        ((target_meta, info),) = client.new_targets.items()
        cached = client.find_cached_target(info)
        if cached:
            return Path(cached)
        try:
            path = Path(client.download_target(info))
        except (
            tuf_errors.LengthOrHashMismatchError,
            tuf_errors.DownloadLengthMismatchError,
        ) as exc:
            self.fetcher.forget(self.fetcher.last_target_url)  # a bad prefix must not be resumed
            raise UpdateError(_message(exc, self.settings.url)) from exc
        except (tuf_errors.RepositoryError, tuf_errors.DownloadError) as exc:
            raise UpdateError(_message(exc, self.settings.url)) from exc
        except OSError as exc:
            raise UpdateError(f"保存更新文件失败：{exc}") from exc
        self.fetcher.forget(self.fetcher.last_target_url)
        logger.info("update %s downloaded (%d bytes)", target_meta.version, info.length)
        return path
