"""The floor of the center's load benchmark: the most trivial FastAPI endpoint, served by
uvicorn with the same number of workers on the same machine in the same run."""

from __future__ import annotations

from fastapi import FastAPI

app = FastAPI()


@app.get("/ping")
def ping() -> dict:
    return {"ok": True}
