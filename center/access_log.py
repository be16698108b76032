"""Keep personal data out of the center's access log.

The API puts one piece of personal data in a URL: ``GET /licences?holder_id=<ID number>``.
uvicorn's access log prints the full path with its query, so this filter cuts every query
string down to its parameter names before the record is formatted.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl

ACCESS_LOGGER = "uvicorn.access"


def redact_target(target: str) -> str:
    path, sep, query = target.partition("?")
    if not sep:
        return path
    names = [name for name, _ in parse_qsl(query, keep_blank_values=True)]
    return path + "?" + "&".join(f"{n}=…" for n in names)


class QueryRedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # uvicorn's access record args: (client, method, full_path, http_version, status)
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (args[0], args[1], redact_target(args[2]), args[3], args[4])
        return True


def install() -> None:
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(f, QueryRedactingFilter) for f in logger.filters):
        logger.addFilter(QueryRedactingFilter())
