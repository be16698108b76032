"""What one blob upload may believe and ask of the center: the offset it reports, how many
requests a call may make, and when a center's answer is a lie (tus-like PATCH uploads;
``CenterClient.upload_blob`` drives them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from desk_app.core.center_errors import Rejected, Transient, parse_offset


@dataclass(frozen=True)
class BlobState:
    offset: int
    complete: bool


@dataclass
class UploadReport:
    digest: str
    size: int
    bytes_sent: int = 0
    resumed_from: int = 0
    already_complete: bool = False


ProgressCallback = Callable[[int, int], None]  # (bytes confirmed by the center, total)


def blob_state_from(headers: Mapping[str, str]) -> BlobState:
    """Both headers or neither: an answer cut inside its header block (urllib3 keeps the
    lines it got) may carry a truncated ``Upload-Offset`` and no ``Upload-Complete``."""
    complete = headers.get("Upload-Complete")
    if complete not in ("0", "1"):
        raise Transient("受理中心的应答不完整，稍后自动重试")
    return BlobState(offset=parse_offset(headers.get("Upload-Offset")), complete=complete == "1")


MAX_RESYNCS = 4  # offset disagreements one upload call accepts before giving up
RESYNC_PAUSE = 0.1  # seconds before the second re-sync; doubles each time after


class UploadBudget:
    """How many requests one ``upload_blob`` call may make, and its re-sync backoff.

    Each PATCH must advance by at least the pacer's smallest chunk unless the center
    keeps only part of it; twice the chunks the file needs, plus the allowed re-syncs,
    is more than any honest center asks for.
    """

    def __init__(self, remaining: int, smallest_chunk: int) -> None:
        chunks = -(-max(remaining, 1) // max(smallest_chunk, 1))
        self.left = 2 * chunks + MAX_RESYNCS + 2
        self.resyncs = 0

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise Transient("材料文件上传请求次数超过上限（受理中心应答异常），稍后自动重试")

    def resync(self) -> float:
        """The pause before the next try after an offset disagreement.

        The first one is what an answer lost after the center wrote the chunk looks
        like: resume at once. Later ones in the same call wait longer each time.
        """
        self.resyncs += 1
        if self.resyncs > MAX_RESYNCS:
            raise Transient("受理中心反复报告不一致的上传位置，稍后自动重试")
        return 0.0 if self.resyncs == 1 else RESYNC_PAUSE * 2 ** (self.resyncs - 2)


def lying_offset(claimed: int, limit: int, digest: str) -> Rejected:
    return Rejected(
        f"受理中心报告材料文件已收到 {claimed} 字节，超过实际发送或文件大小（{limit} 字节）："
        "受理中心数据异常，请联系技术人员",
        problem="offset-beyond-file",
        status=409,
        extras={"digest": digest, "offset": claimed, "limit": limit},
    )


def checked_offset(offset: int, total: int, digest: str) -> int:
    if offset > total:
        raise lying_offset(offset, total, digest)
    return offset
