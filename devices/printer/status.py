"""What a printer answers to DLE EOT n, in words for the clerk.

Real-time status (ESC/POS ``DLE EOT n``) answers one byte per query. Fixed bits
(bit 1 and 4 set, bit 0 and 7 clear) tell a status byte from noise, so a reply that
breaks them is a protocol error, not a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from devices.errors import DeviceProtocolError

QUERY_PRINTER = 1  # online/offline
QUERY_OFFLINE_CAUSE = 2  # cover open, paper-end stop, error
QUERY_ERROR_CAUSE = 3  # cutter, unrecoverable, head temperature
QUERY_PAPER = 4  # roll paper near end / end
QUERIES = (QUERY_PRINTER, QUERY_OFFLINE_CAUSE, QUERY_ERROR_CAUSE, QUERY_PAPER)

OFFLINE = "打印机离线：请检查电源、纸仓盖和纸卷"
_FIXED_MASK = 0x93
_FIXED_VALUE = 0x12


def status_query(n: int) -> bytes:
    return b"\x10\x04" + bytes([n])


@dataclass
class PrinterStatus:
    answered: bool = True  # False: the connection gives no replies (file, spooler)
    online: bool = True
    cover_open: bool = False
    paper_out: bool = False
    paper_near_end: bool = False
    cutter_error: bool = False
    unrecoverable_error: bool = False
    recoverable_error: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return (
            self.answered
            and self.online
            and not (
                self.cover_open
                or self.paper_out
                or self.cutter_error
                or self.unrecoverable_error
                or self.recoverable_error
            )
        )

    def message(self) -> str:
        """One line for the clerk, in Chinese."""
        if not self.answered:
            return "打印机不回传状态（文件/假脱机连接）：请查看打印机指示灯"
        if self.ready and not self.paper_near_end:
            return "打印机就绪"
        if self.ready:
            return "打印机就绪；" + "；".join(self.problems)
        causes = [p for p in self.problems if p != OFFLINE] or self.problems
        return "；".join(causes) or "打印机未就绪：请检查电源与连接"


def parse_status_byte(query: int, reply: bytes) -> int:
    """The status byte of a reply to ``DLE EOT query``; typed error for anything else."""
    if query not in QUERIES:
        raise DeviceProtocolError("打印机状态查询编号无效", detail=f"query={query!r}")
    if not isinstance(reply, bytes | bytearray):
        raise DeviceProtocolError("打印机状态应答无效", detail=f"type={type(reply).__name__}")
    if not reply:
        raise DeviceProtocolError(
            "打印机未应答状态查询：请检查连接，或该型号不支持状态查询", detail="empty reply"
        )
    # Stale bytes of an earlier answer may precede this one; the last byte is ours.
    value = reply[-1]
    if value & _FIXED_MASK != _FIXED_VALUE:
        raise DeviceProtocolError(
            "打印机状态应答无法识别：请确认它是 ESC/POS 打印机", detail=f"byte=0x{value:02x}"
        )
    return value


def apply_status(status: PrinterStatus, query: int, reply: bytes) -> PrinterStatus:
    """Fold one reply into ``status``, adding the clerk's words for each problem."""
    value = parse_status_byte(query, reply)
    if query == QUERY_PRINTER and value & 0x08:
        status.online = False
        _add(status, OFFLINE)
    elif query == QUERY_OFFLINE_CAUSE:
        if value & 0x04:
            status.cover_open = True
            _add(status, "打印机盖未合上：请合上纸仓盖")
        if value & 0x20:
            status.paper_out = True
            _add(status, "打印机缺纸：请装入新纸卷")
        if value & 0x40:
            status.recoverable_error = True
            _add(status, "打印机出错停止：请关盖或重新开机")
    elif query == QUERY_ERROR_CAUSE:
        if value & 0x08:
            status.cutter_error = True
            _add(status, "切刀故障：请打开纸仓取出卡纸")
        if value & 0x20:
            status.unrecoverable_error = True
            _add(status, "打印机发生不可恢复的故障：请联系维修")
        if value & 0x40:
            status.recoverable_error = True
            _add(status, "打印头过热或电压异常：请稍候再打印")
    elif query == QUERY_PAPER:
        if value & 0x60 == 0x60:
            status.paper_out = True
            _add(status, "打印机缺纸：请装入新纸卷")
        elif value & 0x0C == 0x0C:
            status.paper_near_end = True
            _add(status, "纸卷将尽：请准备更换")
    return status


def _add(status: PrinterStatus, problem: str) -> None:
    if problem not in status.problems:
        status.problems.append(problem)
