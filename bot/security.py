"""Response hardening for every page: no caching, a strict CSP, no error pages.

A survivor's browser must keep nothing (`no-store`), load nothing from anywhere
else (CSP), and never see a stack trace or a bare "500": unexpected errors get a
calm page with the helpline instead.
"""
from __future__ import annotations

import logging
from typing import Awaitable, Callable

from aiohttp import web

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
    )
)
SECURITY_HEADERS = {
    "Cache-Control": "no-store, max-age=0",
    "Pragma": "no-cache",
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
ERROR_PAGE = (
    "Sorry, something went wrong on our side. If you are in danger, call 999. "
    "The National Domestic Abuse Helpline is free and open 24 hours: 0808 2000 247."
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def safe_responses(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Add the security headers and turn any failure into a kind plain-text page."""
    try:
        response = await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        response = web.Response(status=error.status, text=ERROR_PAGE)
    except Exception:  # noqa: BLE001 - a survivor must never get a traceback
        log.exception("http.error")
        response = web.Response(status=503, text=ERROR_PAGE)
    if not response.prepared:
        response.headers.update(SECURITY_HEADERS)
    return response
