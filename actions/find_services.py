"""The service search: ask for a place and any needs, then list the best services.

Only the place's key — an outward code such as "HR4" or a town name — is kept in
the `location` slot, never the full postcode someone typed.
"""
from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.phrases import conversation_language, phrase
from directory import Directory, PlaceNotFound, ServiceHit
from directory.tags import is_need_tag
from waymark.safety.danger import DANGER_INTENT

log = logging.getLogger(__name__)

_directory: Directory | None = None


def directory() -> Directory:
    """One directory connection per action-server process, opened on first use."""
    global _directory
    if _directory is None:
        _directory = Directory.open()
    return _directory


class ValidateServiceSearchForm(FormValidationAction):
    """Accepts a place typed in any words ("near hereford pls", "hr4 9ab")."""

    def name(self) -> str:
        return "validate_service_search_form"

    async def extract_location(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """Read a place from free text when we asked for it and no entity was found."""
        if not _answers_question(tracker, "location"):
            return {}
        place = directory().resolve_place(tracker.latest_message.get("text") or "")
        return {"location": place.key} if place else {}

    async def extract_needs(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """Any answer to the needs question that names no need means "none in particular".

        The question is asked once and never repeated: "skip", "no", "just search"
        or anything else in any language lets the search go ahead, and the refine
        buttons under the results are there if a need comes up later.
        """
        if not _answers_question(tracker, "needs"):
            return {}
        return {"needs": []}

    async def validate_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        place = directory().resolve_place(str(value)) if value else None
        if place is None:
            dispatcher.utter_message(response="utter_location_not_found")
            return {"location": None}
        return {"location": place.key}


class ActionFindServices(Action):
    """Searches the directory and replies with local services, then national ones."""

    def name(self) -> str:
        return "action_find_services"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        language = conversation_language(tracker)
        # The model may name a need the directory has no tag for; search on the rest.
        needs = [need for need in (tracker.get_slot("needs") or []) if need and is_need_tag(need)]
        try:
            result = directory().search(tracker.get_slot("location") or "", needs=needs, lang=language)
        except PlaceNotFound:
            dispatcher.utter_message(response="utter_location_not_found")
            return [SlotSet("location", None)]
        log.info("directory.search local=%d national=%d needs=%d", len(result.local), len(result.national), len(needs))
        if result.outside_region and result.local:
            distance = round(result.local[0].distance_km or 0)
            dispatcher.utter_message(response="utter_outside_region", place=result.place.label, distance=distance)
        elif result.local:
            dispatcher.utter_message(response="utter_services_intro", place=result.place.label)
        for hit in result.local:
            dispatcher.utter_message(response="utter_service_item", **_item_values(hit, domain, language))
        if result.unmet_needs:
            dispatcher.utter_message(response="utter_unmet_needs")
        dispatcher.utter_message(response="utter_national_intro")
        for hit in result.national:
            dispatcher.utter_message(response="utter_service_item", **_item_values(hit, domain, language))
        dispatcher.utter_message(response="utter_refine_services")
        return []


def _answers_question(tracker: Tracker, slot: str) -> bool:
    """True when the latest message replies to the form's question for ``slot``.

    A danger message is never read as an answer: the danger reply comes first and
    the form asks its question again afterwards.
    """
    if tracker.get_slot("requested_slot") != slot or tracker.get_slot(slot) is not None:
        return False
    return (tracker.latest_message.get("intent") or {}).get("name") != DANGER_INTENT


def _item_values(hit: ServiceHit, domain: dict[str, Any], language: str) -> dict[str, str]:
    """Name, how to get in touch, and whether it is open, each in the user's language."""
    if hit.phone:
        contact = phrase(domain, "utter_service_phone", language, phone=hit.phone)
    else:
        contact = phrase(domain, "utter_service_website", language, website=hit.website or "")
    if hit.open_24_7:
        status = phrase(domain, "utter_service_open_24_7", language)
    elif hit.open_now is True:
        status = phrase(domain, "utter_service_open_now", language)
    elif hit.open_now is False:
        status = phrase(domain, "utter_service_closed_now", language)
    else:
        status = ""
    return {"name": hit.name, "contact": contact, "open_status": status}
