"""The app's end of `qa.handoff`: another process's `qa ingest` on the data directory this app holds."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from starlette.routing import BaseRoute

from qa import handoff
from qa.engine import Engine
from qa.lock import held_token


def routes(engine: Engine) -> list[BaseRoute]:
    router = APIRouter()

    @router.post(handoff.PATH)
    async def ingest(request: Request):
        try:
            body = await request.json()
        except ValueError:
            body = None
        status, lines = handoff.serve(engine, held_token(engine.home), request.headers.get(handoff.TOKEN_HEADER, ""), body)
        return StreamingResponse(lines, status_code=status, media_type="application/x-ndjson")

    return list(router.routes)
