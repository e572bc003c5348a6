"""R8: a certificate's status from its requirements and any recorded issuance.

``due`` when every requirement is met and none is issued; ``issued`` once an
issuance is recorded (one recorded before the requirements were met is kept
and reported, docs/interpretations.md R8); ``not_due`` otherwise. The
completion date is the day the last requirement was met.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from .dates import Day, iso
from .person import Person


def certificate(component_id: str, missing: List[Dict[str, Any]], completed_on: Optional[Day], person: Person,
                warnings: List[Dict[str, Any]], actions: List[Dict[str, Any]]) -> Dict[str, Any]:
    issued = person.issued.get(component_id, [])
    issued_on = issued[0] if issued else None
    if issued_on is not None and (completed_on is None or issued_on < completed_on):
        warnings.append({"code": "certificate_issued_early", "ref": component_id, "date": iso(issued_on)})
    met = not missing
    if issued_on is not None:
        status = "issued"
    elif met:
        status = "due"
        actions.append({"role": "EC", "kind": "issue_certificate", "due": iso(completed_on),
                        "component": component_id})
    else:
        status = "not_due"
    return {"component": component_id, "status": status, "missing": missing,
            "completed_on": iso(completed_on) if met else None, "issued_on": iso(issued_on),
            "certificate_id": met}
