"""The survivor WebSocket `/ws` (protocol in shared/design.md, "Survivor WebSocket").

One socket is one conversation: closing it, "forget me" or the idle TTL deletes
everything Rasa holds about it. Bad input never breaks the conversation; it gets
a kind message in the conversation's language and the socket stays open.
"""
from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import WSMsgType, web

from bot.app_keys import FALLBACK, REGISTRY, RUNTIME, SETTINGS
from bot.conversations import Conversation
from bot.fallback import bot_message
from waymark.i18n.languages import DEFAULT_LANGUAGE, supported

log = logging.getLogger(__name__)

MAX_FRAME_BYTES = 16 * 1024
MAX_PAYLOAD_CHARS = 300
GREETING_PAYLOAD = "/greet"


async def survivor_socket(request: web.Request) -> web.WebSocketResponse:
    settings, registry = request.app[SETTINGS], request.app[REGISTRY]
    socket = web.WebSocketResponse(heartbeat=30, max_msg_size=MAX_FRAME_BYTES)
    await socket.prepare(request)
    ip = request.remote or "unknown"
    if registry.open_for(ip) >= settings.connections_per_ip:
        log.warning("ws.refused reason=connections_per_ip")
        await socket.send_json(request.app[FALLBACK].render("utter_slow_down", DEFAULT_LANGUAGE))
        await socket.close()
        return socket
    conversation = Conversation(socket=socket, ip=ip)
    registry.add(conversation)
    log.info("conversation.start open=%d", len(registry))
    try:
        async for frame in socket:
            if frame.type == WSMsgType.TEXT:
                if not await _handle_frame(request.app, conversation, frame.data):
                    break
    finally:
        await end_conversation(request.app, conversation)
    return socket


async def end_conversation(app: web.Application, conversation: Conversation) -> None:
    """Forget the conversation everywhere and close its socket (idempotent)."""
    async with conversation.turn_lock:
        await app[RUNTIME].forget(conversation.id)
    app[REGISTRY].remove(conversation)
    if not conversation.socket.closed:
        await conversation.socket.close()
    log.info("conversation.end open=%d", len(app[REGISTRY]))


async def _handle_frame(app: web.Application, conversation: Conversation, raw: str) -> bool:
    """Handle one client frame; False means the conversation is over."""
    settings, fallback = app[SETTINGS], app[FALLBACK]
    language = conversation.language or DEFAULT_LANGUAGE
    try:
        frame: dict[str, Any] = json.loads(raw)
        kind = frame["type"]
    except (ValueError, KeyError, TypeError):
        await conversation.socket.send_json(fallback.render("utter_unreadable_input", language))
        return True
    conversation.touch()
    if kind == "forget":
        await conversation.socket.send_json({"type": "status", "state": "ended"})
        return False
    if kind == "hello":
        conversation.language = supported(frame.get("lang")) or conversation.language
        return await _turn(app, conversation, GREETING_PAYLOAD)
    text = _frame_text(frame, kind)
    if text is None:
        await conversation.socket.send_json(fallback.render("utter_unreadable_input", language))
        return True
    if len(text) > settings.max_message_chars:
        await conversation.socket.send_json(fallback.render("utter_message_too_long", language))
        return True
    if not conversation.allow_message(settings.messages_per_minute):
        await conversation.socket.send_json(fallback.render("utter_slow_down", language))
        return True
    return await _turn(app, conversation, text)


def _frame_text(frame: dict[str, Any], kind: str) -> str | None:
    """The text to give Rasa, or None if the frame is not a usable message/button."""
    if kind == "message" and isinstance(frame.get("text"), str) and frame["text"].strip():
        return frame["text"].strip()
    payload = frame.get("payload")
    if kind == "button" and isinstance(payload, str) and payload.startswith("/") and len(payload) <= MAX_PAYLOAD_CHARS:
        return payload
    return None


async def _turn(app: web.Application, conversation: Conversation, text: str) -> bool:
    """Run one message through Rasa and send the replies (or the fallback)."""
    runtime, fallback = app[RUNTIME], app[FALLBACK]
    async with conversation.turn_lock:
        await conversation.socket.send_json({"type": "typing"})
        language = conversation.language or DEFAULT_LANGUAGE
        frames: list[dict[str, Any]] = []
        failed = not runtime.ready
        if not failed:
            try:
                turn = await runtime.handle(conversation.id, text, conversation.language)
                frames = [bot_message(reply, language) for reply in turn.replies]
                failed = turn.action_failed or not frames
            except Exception:  # noqa: BLE001 - any failure must still reach the survivor as help
                log.exception("turn.failed")
                failed = True
        if frames:
            conversation.language = frames[-1]["lang"]
        if failed:
            frames += fallback.for_text(text if not frames else "", conversation.language or language)
        log.info("turn.done replies=%d fallback=%s", len(frames), failed)
        for frame in frames:
            await conversation.socket.send_json(frame)
    return True
