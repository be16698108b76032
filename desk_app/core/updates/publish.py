"""The update repository: four signed TUF roles and one archive per version.

Layout (``REPO`` is what a web server, or the center, serves as static files)::

    REPO/metadata/{1.root,root,targets,snapshot,timestamp}.json
    REPO/targets/counter-desk-<version>.tar.gz
    KEYS/{targets,snapshot,timestamp}[.pub]   online keys, on the publishing machine
    ROOT_KEYS/root                            offline: written once, kept off the network

The root key signs only ``root.json`` (which keys may sign what); it is needed again
only to rotate a key or renew ``root.json`` before it expires (365 days). Adding a
version needs only the online keys. tufup keeps a config file in the working
directory, so every call runs inside ``KEYS`` (never inside the served ``REPO``).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import shutil
import sys
from pathlib import Path

from tufup.repo import Repository

APP_NAME = "counter-desk"
# How long a signature stays good. The timestamp bounds a freeze attack: a client that
# keeps being served an old timestamp refuses it after this many days, so the
# publisher re-signs it (``publish-update.sh refresh``) more often than that.
EXPIRATION_DAYS = {"root": 365, "targets": 90, "snapshot": 90, "timestamp": 7}


def _repository(repo_dir: Path, keys_dir: Path, expiration_days: dict | None) -> Repository:
    return Repository(
        app_name=APP_NAME,
        repo_dir=repo_dir,
        keys_dir=keys_dir,
        expiration_days=dict(expiration_days or EXPIRATION_DAYS),
    )


def init_repository(
    repo_dir: Path, keys_dir: Path, root_key_dir: Path, expiration_days: dict | None = None
) -> Path:
    """Create keys and signed ``root.json``; move the root private key to ``root_key_dir``.

    Returns the path of ``root.json``, which every client ships as its trust anchor.
    """
    repo_dir.mkdir(parents=True, exist_ok=True)
    keys_dir.mkdir(parents=True, exist_ok=True)
    root_key_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.chdir(keys_dir):
        repo = _repository(repo_dir, keys_dir, expiration_days)
        repo.initialize()
        repo.publish_changes(private_key_dirs=[keys_dir])
    shutil.move(keys_dir / "root", root_key_dir / "root")
    return repo_dir / "metadata" / "root.json"


def add_version(
    repo_dir: Path,
    keys_dir: Path,
    bundle_dir: Path,
    version: str,
    expiration_days: dict | None = None,
) -> Path:
    """Archive ``bundle_dir`` as ``version``, sign targets, snapshot and timestamp."""
    with contextlib.chdir(keys_dir):
        repo = _repository(repo_dir, keys_dir, expiration_days)
        repo._load_keys_and_roles(create_keys=False)
        latest = repo.roles.get_latest_archive()
        if latest is not None and not latest.version < _parse(version):
            raise ValueError(f"版本 {version} 不大于仓库中最新的 {latest.version}")
        repo.add_bundle(new_bundle_dir=bundle_dir, new_version=version, skip_patch=True)
        repo.publish_changes(private_key_dirs=[keys_dir])
    return repo_dir / "targets" / f"{APP_NAME}-{version}.tar.gz"


def refresh_timestamp(repo_dir: Path, keys_dir: Path, expiration_days: dict | None = None) -> None:
    """Re-sign the timestamp (and snapshot) so clients keep trusting an unchanged repo."""
    with contextlib.chdir(keys_dir):
        repo = _repository(repo_dir, keys_dir, expiration_days)
        repo._load_keys_and_roles(create_keys=False)
        for role in ("snapshot", "timestamp"):
            repo.refresh_expiration_date(role)
        repo.publish_changes(private_key_dirs=[keys_dir])


def _parse(version: str):
    from packaging.version import Version

    return Version(version)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="publish-update", description="综窗受理台 更新仓库")
    parser.add_argument("--repo", type=Path, required=True, help="repository folder (served)")
    parser.add_argument("--keys", type=Path, required=True, help="online keys folder")
    sub = parser.add_subparsers(dest="action", required=True)
    init = sub.add_parser("init", help="new keys and root.json (run on the offline machine)")
    init.add_argument("--root-keys", type=Path, required=True, help="offline root key folder")
    add = sub.add_parser("add", help="publish a bundle folder as a new version")
    add.add_argument("bundle", type=Path)
    add.add_argument("version")
    sub.add_parser("refresh", help="re-sign timestamp and snapshot (run at least weekly)")
    args = parser.parse_args(argv)
    logging.getLogger("tufup").setLevel(logging.ERROR)  # its hints are for its own CLI
    repo, keys = args.repo.resolve(), args.keys.resolve()
    try:
        if args.action == "init":
            root = init_repository(repo, keys, args.root_keys.resolve())
            print(f"已建立更新仓库；客户端信任的根元数据：{root}")
            print(f"根私钥已移到 {args.root_keys}，请离线保存。")
        elif args.action == "add":
            archive = add_version(repo, keys, args.bundle.resolve(), args.version)
            print(f"已发布 {args.version}：{archive}")
        else:
            refresh_timestamp(repo, keys)
            print("已重新签署 timestamp 与 snapshot。")
    except (ValueError, OSError) as exc:
        print(f"发布失败：{exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
