"""The closed vocabularies the directory validates against (need tags, area keys)."""
from __future__ import annotations

import re

NEED_TAGS: frozenset[str] = frozenset({
    "lgbt", "deaf_bsl", "disabled", "nrpf", "rural_outreach", "men", "older", "young_people",
    "children", "by_and_for_bme", "refuge", "idva", "isva", "sexual_violence", "stalking",
    "hba_forced_marriage", "fgm", "economic", "legal", "housing", "substance_mental_health",
    "perpetrator", "friends_family",
})
LANG_TAG = re.compile(r"^lang:[a-z]{2,3}$")
REGION_COUNCILS: frozenset[str] = frozenset({
    "Herefordshire", "Worcestershire", "Shropshire", "Telford and Wrekin", "Staffordshire",
    "Stoke-on-Trent",
})
NATIONS: frozenset[str] = frozenset({"england", "wales", "scotland", "northern_ireland"})


def is_need_tag(tag: str) -> bool:
    """True for a design need tag or a ``lang:<code>`` tag."""
    return tag in NEED_TAGS or bool(LANG_TAG.match(tag))
