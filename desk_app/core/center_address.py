"""Which center addresses the client will talk to, checked before the first request.

The clerk's password and every applicant's data go to the center, so plain
``http://`` is accepted only to this machine (loopback: the demo, a local test
center, a tunnel on 127.0.0.1). A site that truly has no TLS must say so with
``allow_insecure_http = true`` in ``[center]``; the client then warns at every start
and doctor reports it. A configured CA bundle that does not exist is a config error
at once, not a network error retried for ever.
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from desk_app.core.machine_config import ConfigError


class InsecureCenter(ConfigError):
    """Plain http:// to another machine, and the config does not allow it."""


def is_loopback_host(host: str) -> bool:
    host = host.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_center_address(
    url: str, ca_bundle: str | None = None, *, allow_insecure_http: bool = False
) -> list[str]:
    """Raise ``ConfigError`` for an address the client must not use; else the warnings."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port  # a non-numeric port raises here
    except ValueError as exc:
        raise ConfigError(f"受理中心地址 [center] url = {url!r} 无效：{exc}") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise ConfigError(
            f"受理中心地址 [center] url = {url!r} 无效：应以 https:// 开头，例如 "
            "https://zwfw.example.gov.cn"
        )
    warnings = []
    if parts.scheme == "http" and not is_loopback_host(host):
        if not allow_insecure_http:
            raise InsecureCenter(
                f"受理中心地址 {url} 使用不加密的 http://，密码和申请人信息会明文传输："
                "请改为 https://；确无 TLS 的内网须在 [center] 中写 allow_insecure_http = true"
            )
        warnings.append(
            f"受理中心地址 {url} 使用不加密的 http://（allow_insecure_http = true）："
            "密码和申请人信息明文传输，请尽快改为 https://"
        )
    if ca_bundle:
        if not os.path.exists(ca_bundle):
            raise ConfigError(
                f"配置的 CA 证书 ca_bundle = {ca_bundle} 不存在：请检查路径，"
                "或删除该项以使用系统证书库"
            )
        if not os.access(ca_bundle, os.R_OK):
            raise ConfigError(f"配置的 CA 证书 ca_bundle = {ca_bundle} 无法读取：请检查文件权限")
        if parts.scheme == "http":
            warnings.append("已配置 CA 证书，但受理中心地址是 http://，证书不会被使用")
    return warnings
