"""The update repository's root metadata shipped in every package (``update-root.json``).

It is the client's trust anchor: the first check believes only keys it names, and every
later ``root.json`` must be signed by the keys of the one before. A package built with a
wrong or damaged file could never update, so the build checks it here (``python -m
desk_app.core.updates.trusted_root FILE``), and so does the client before first use. The
checks are the ones python-tuf's client makes of a root: TUF root metadata, signed by a
threshold of its own root keys. An expired shipped root is only a warning: the client
walks the repository's newer roots, and only the newest must be current.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from tuf.api.exceptions import UnsignedMetadataError
from tuf.api.metadata import Metadata, Root

from desk_app.core.updates.update_error import UpdateError

MAX_BYTES = 512 * 1024  # tuf's client refuses a root.json larger than this too


def load_trusted_root(path: Path) -> Metadata[Root]:
    """The verified root metadata in ``path``; UpdateError (Chinese) says what is wrong."""
    what = f"更新根元数据 {path}"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UpdateError(f"{what} 无法读取：{exc.strerror or exc}。请重新安装软件包。") from exc
    if len(data) > MAX_BYTES:
        raise UpdateError(f"{what} 超过 {MAX_BYTES // 1024} KiB，不是根元数据。")
    try:
        root = Metadata[Root].from_bytes(data)
    except Exception as exc:  # tuf/securesystemslib raise many kinds on malformed bytes
        raise UpdateError(
            f"{what} 不是有效的 TUF 根元数据（{type(exc).__name__}），"
            "请使用 publish-update.sh init 生成的 metadata/1.root.json。"
        ) from exc
    if not isinstance(root.signed, Root):
        raise UpdateError(f"{what} 是 {root.signed.type} 元数据，不是 root。")
    try:
        root.signed.verify_delegate(Root.type, root.signed_bytes, root.signatures)
    except UnsignedMetadataError as exc:
        raise UpdateError(f"{what} 的签名不足或无效（文件被改动？），已拒绝。") from exc
    except Exception as exc:  # a key of an unknown scheme, a malformed signature
        raise UpdateError(f"{what} 的签名无法验证（{type(exc).__name__}），已拒绝。") from exc
    return root


def describe(root: Metadata[Root], now: datetime | None = None) -> str:
    """One line for the build log and doctor: version, keys, expiry."""
    signed = root.signed
    now = now or datetime.now(UTC)
    expires = signed.expires
    state = "已过期（客户端将从仓库取得新的根元数据）" if expires <= now else "有效"
    keys = len(signed.roles[Root.type].keyids)
    return (f"root v{signed.version}，{keys} 把根密钥（门限 {signed.roles[Root.type].threshold}），"
            f"{expires:%Y-%m-%d} 到期，{state}")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("用法：python -m desk_app.core.updates.trusted_root update-root.json",
              file=sys.stderr)
        return 2
    try:
        root = load_trusted_root(Path(args[0]))
    except UpdateError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{args[0]}: {describe(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
