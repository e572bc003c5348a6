"""``yrkesresan serve``: the JSON contract over HTTP (Starlette on uvicorn)
and the reference page at /.

Starlette rather than FastAPI: FastAPI builds its OpenAPI document from
pydantic models, which would be a second, hand-written model of the
contract; here the document is built from data/schema alone. uvicorn is the
ASGI server Starlette is made with, with a multi-process mode (--workers)."""

from __future__ import annotations

import json
import os
from typing import List, Optional

from ._app import Config, Limits, create_app

__all__ = ["create_app", "Config", "Limits", "run"]


def run(host: str, port: int, workers: int, overlays: List[str], key: Optional[str] = None,
        issuer_id: str = "", issuer_name: str = "", programs: Optional[List[str]] = None) -> int:
    import uvicorn

    # Each worker process makes its own app from these (paths and names only).
    os.environ["YRKESRESAN_SERVICE"] = json.dumps({"overlays": [os.path.abspath(p) for p in overlays],
                                                   "key": os.path.abspath(key) if key else None,
                                                   "issuer_id": issuer_id, "issuer_name": issuer_name,
                                                   "programs": [os.path.abspath(p) for p in programs or []]})
    create_app()  # loads everything once here first: a bad program or overlay stops the start with its error
    uvicorn.run("yrkesresan.service._app:create_app", factory=True, host=host, port=port, workers=workers,
                access_log=False, log_level="warning", server_header=False)
    return 0
