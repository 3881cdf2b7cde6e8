"""Waymark service directory: a standalone library (and CLI) for "what is near me for someone like me?".

Imports nothing from bot/, actions/ or waymark/.
"""
from directory.api import Directory, Place, PlaceNotFound, SearchResult, ServiceHit, UnknownNeed

__all__ = ["Directory", "Place", "PlaceNotFound", "SearchResult", "ServiceHit", "UnknownNeed"]
