"""yrkesresan: the rules of Swedish introduction and competence programs for
social workers (GR's "De första åren", SKR's Yrkesresan, Uppsala county).

>>> import datetime, yrkesresan
>>> gr = yrkesresan.Program.builtin("gr-barn-unga")
>>> ev = gr.evaluate({"id": "p-1", "municipality": "kungalv",
...                   "employment_start": "2026-01-12"}, as_of=datetime.date(2026, 6, 1))
>>> ev.phase.id
'introduktion'
"""

from __future__ import annotations

from ._core import (
    Action,
    AnnualCount,
    Certificate,
    CertificatePart,
    CertificateResult,
    ChecklistResult,
    ChecklistSummary,
    Evaluation,
    ExperienceResult,
    ComponentResult,
    Finding,
    ItemResult,
    ModuleResult,
    Phase,
    PhaseResult,
    RecommendationResult,
    SourceRef,
)
from ._core import __version__ as __version__
from ._coordination import CoordinationReport, coordinate, form_supervision_groups, match_mentors
from ._credential import (
    IssuerProfile,
    SigningKey,
    TrustedIssuer,
    TrustedKey,
    VerificationResult,
    canonicalize_json,
    certificate_html,
    create_status_list,
    did_document,
    did_web_document_url,
    did_web_from_url,
    open_badge_credential,
    revoke_in_status_list,
    sign_certificate,
    status_list_revoked,
    trusted_issuer_from_did_document,
    trusted_issuers_from_json,
    verify_credential,
)
from ._check import CheckFinding, ProgramSource, check_program
from ._population import Population
from ._program import Overlay, PersonRecord, Program
from .errors import (
    ConflictError,
    Error,
    IdError,
    InputError,
    LimitError,
    NotFoundError,
    ParseError,
    Problem,
    ProgramError,
    RequirementsNotMetError,
)

__all__ = [
    "Program",
    "check_program",
    "CheckFinding",
    "ProgramSource",
    "Population",
    "coordinate",
    "CoordinationReport",
    "form_supervision_groups",
    "match_mentors",
    "Evaluation",
    "ChecklistResult",
    "ChecklistSummary",
    "ItemResult",
    "ComponentResult",
    "ModuleResult",
    "CertificateResult",
    "RecommendationResult",
    "AnnualCount",
    "Certificate",
    "CertificatePart",
    "Action",
    "Finding",
    "ExperienceResult",
    "PhaseResult",
    "Phase",
    "SourceRef",
    "Overlay",
    "PersonRecord",
    "Error",
    "ParseError",
    "InputError",
    "LimitError",
    "ConflictError",
    "IdError",
    "ProgramError",
    "NotFoundError",
    "RequirementsNotMetError",
    "Problem",
    "SigningKey",
    "IssuerProfile",
    "TrustedKey",
    "TrustedIssuer",
    "VerificationResult",
    "open_badge_credential",
    "sign_certificate",
    "verify_credential",
    "trusted_issuers_from_json",
    "trusted_issuer_from_did_document",
    "did_web_from_url",
    "did_web_document_url",
    "did_document",
    "create_status_list",
    "revoke_in_status_list",
    "status_list_revoked",
    "certificate_html",
    "canonicalize_json",
    "__version__",
]
