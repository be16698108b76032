"""The A4 printer, for PDFs handed to it whole (notices, forms a platform prints).

    cups:QUEUE                  a queue of the OS print system, through ``lp`` (CUPS)
    pdf-tcp://HOST:9100         a network printer that prints PDF sent raw to port 9100
    pdf-file:/path/folder       each job written there as a file (demo, tests)

The desk's own notices go through Qt's print dialog; this driver is for callers without
a dialog (the device bridge). Every call takes a timeout and raises ``DeviceError``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import parse_qsl

from devices.errors import DeviceError, DeviceNotConnected, DeviceTimeout

A4_SCHEMES = ("cups", "pdf-tcp", "pdf-file")
MAX_PDF_BYTES = 32 * 1024 * 1024


class A4Printer:
    def __init__(self, uri: str) -> None:
        scheme, sep, rest = uri.partition(":")
        if not sep or scheme not in A4_SCHEMES:
            raise DeviceError(f"无法识别的 A4 打印机地址“{uri}”："
                              "应以 cups:、pdf-tcp:// 或 pdf-file: 开头")
        rest, _, query = rest.partition("?")
        self.uri, self.scheme = uri, scheme
        self.options = dict(parse_qsl(query))
        if scheme == "pdf-tcp":
            host, _, port = rest.removeprefix("//").rpartition(":")
            if not host or not port.isdigit():
                raise DeviceError(f"A4 打印机地址“{uri}”应写成 pdf-tcp://地址:端口")
            self.host, self.port = host, int(port)
        elif not rest:
            raise DeviceError(f"A4 打印机地址“{uri}”缺少打印队列名或文件夹")
        self.target = rest

    def describe(self) -> str:
        return {"cups": f"A4 打印队列 {self.target}",
                "pdf-tcp": f"网络 A4 打印机 {self.host}:{self.port}",
                "pdf-file": f"A4 打印输出文件夹 {self.target}"}[self.scheme]

    def check(self, timeout: float = 3.0) -> str:
        """Reach the printer without printing; a short description when it answers."""
        if self.scheme == "pdf-tcp":
            try:
                socket.create_connection((self.host, self.port), timeout=timeout).close()
            except OSError as exc:
                raise DeviceNotConnected(
                    f"A4 打印机 {self.host}:{self.port} 无法连接：请检查网线和打印机电源",
                    detail=type(exc).__name__) from None
        elif self.scheme == "pdf-file":
            if not Path(self.target).is_dir():
                raise DeviceNotConnected(f"A4 打印输出文件夹 {self.target} 不存在")
        else:
            self._lp(["lpstat", "-p", self.target], b"", timeout)
        return self.describe()

    def print_pdf(self, pdf: bytes, timeout: float = 30.0) -> str:
        """Send one PDF; a job description. Anything but a PDF is refused before sending."""
        if not pdf.startswith(b"%PDF-"):
            raise DeviceError("不是 PDF 文件：只能打印 PDF", detail="not a pdf")
        if len(pdf) > MAX_PDF_BYTES:
            raise DeviceError(f"PDF 过大（超过 {MAX_PDF_BYTES // 1048576} MB）：请拆分后打印")
        if self.scheme == "pdf-tcp":
            try:
                with socket.create_connection((self.host, self.port), timeout=timeout) as sock:
                    sock.sendall(pdf)
            except TimeoutError:
                raise DeviceTimeout("A4 打印机长时间没有接收数据：请检查打印机") from None
            except OSError as exc:
                raise DeviceNotConnected(f"A4 打印机 {self.host}:{self.port} 无法连接",
                                         detail=type(exc).__name__) from None
            return f"{len(pdf)} 字节已发送到 {self.host}:{self.port}"
        if self.scheme == "pdf-file":
            folder = Path(self.target)
            if not folder.is_dir():
                raise DeviceNotConnected(f"A4 打印输出文件夹 {self.target} 不存在")
            path = folder / f"job-{time.time_ns()}.pdf"
            path.write_bytes(pdf)
            return path.name
        return self._lp(["lp", "-d", self.target, "-o", "media=A4", "-"], pdf, timeout)

    def _lp(self, argv: list[str], data: bytes, timeout: float) -> str:
        if shutil.which(argv[0]) is None:
            raise DeviceNotConnected("本机未安装打印系统（CUPS 的 lp/lpstat）：请安装 cups-client")
        try:
            done = subprocess.run(argv, input=data, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise DeviceTimeout("打印系统长时间没有响应：请检查 CUPS 服务") from None
        if done.returncode != 0:
            raise DeviceNotConnected(f"打印队列 {self.target} 不可用：请在系统打印机设置中检查",
                                     detail=done.stderr[:200].decode("utf-8", "replace"))
        return done.stdout.decode("utf-8", "replace").strip()

    def close(self) -> None:
        """Nothing held open: each job is its own connection or process."""
