"""Notebook views (``_repr_html_``) of programs and evaluations: presentation
only, built from the result objects."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, Dict, List, Optional

if TYPE_CHECKING:
    from ._core import ChecklistResult, Evaluation
    from ._program import Program

_STATE_COLOURS = {"done": "#2e7d32", "waived": "#607d8b", "blocked": "#8d6e63", "overdue": "#c62828",
                  "pending": "#1565c0"}


#: The words of the notebook view, as the reference page (service/static/page.js) has them.
_WORDS: Dict[str, Dict[str, Any]] = {
    "sv": {"phase": "Fas", "months": "mån erfarenhet", "leave": "ledighet", "checklists": "Checklistor",
           "item": "Punkt", "responsible": "Ansvarig", "state": "Läge", "due": "Klart senast", "done": "Klart",
           "components": "Kurs, handledning och stöd", "window": "Fönster", "modules": "Moduler",
           "sessions": "Tillfällen", "certificates": "Intyg", "status": "Status", "actions": "Att göra per roll",
           "warnings": "Observera", "none": "inget", "unassigned": "utan ansvarig", "overdue": "försenade",
           "states": {"done": "klar", "waived": "utgår", "blocked": "väntar", "overdue": "försenad", "pending": "kvar"},
           "eligibility": {"not_targeted": "utanför målgruppen", "not_yet": "ej ännu", "eligible": "kan starta",
                           "window_passed": "fönstret har passerat", "in_progress": "pågår", "completed": "genomfört"},
           "statuses": {"issued": "utfärdat", "due": "att utfärda", "not_due": "ej uppfyllt"},
           "module_states": {"completed": "genomförd", "available": "tillgänglig", "locked": "låst"}},
    "en": {"phase": "Phase", "months": "months of experience", "leave": "leave", "checklists": "Checklists",
           "item": "Item", "responsible": "Responsible", "state": "State", "due": "Due", "done": "Done",
           "components": "Course, supervision and support", "window": "Window", "modules": "Modules",
           "sessions": "Sessions", "certificates": "Certificates", "status": "Status", "actions": "To do per role",
           "warnings": "Warnings", "none": "none", "unassigned": "without a responsible", "overdue": "overdue",
           "states": {"done": "done", "waived": "waived", "blocked": "blocked", "overdue": "overdue", "pending": "pending"},
           "eligibility": {"not_targeted": "not targeted", "not_yet": "not yet", "eligible": "can start",
                           "window_passed": "window passed", "in_progress": "in progress", "completed": "completed"},
           "statuses": {"issued": "issued", "due": "due", "not_due": "not due"},
           "module_states": {"completed": "completed", "available": "available", "locked": "locked"}},
}


def _d(value: Optional[Any]) -> str:
    return "–" if value is None else escape(str(value))


def _state(state: str, words: Optional[Dict[str, Any]] = None) -> str:
    label = (words or {}).get("states", {}).get(state, state)
    return f'<span style="color:{_STATE_COLOURS.get(state, "inherit")};font-weight:bold">{escape(label)}</span>'


def checklist_html(c: "ChecklistResult", language: str = "sv") -> str:
    w = _WORDS.get(language, _WORDS["sv"])
    s = c.summary
    rows: List[str] = []
    for it in c.items:
        rows.append(
            f"<tr><td>{escape(it.label)}</td><td>{escape(' '.join(it.responsible) or w['unassigned'])}</td>"
            f"<td>{_state(it.state, w)}</td><td>{_d(it.due)}</td><td>{_d(it.done)}</td></tr>")
    overdue = f", {_state('overdue', w)} {s.overdue}" if s.overdue else ""
    return (
        f"<details{' open' if s.overdue else ''}><summary><b>{escape(c.label)}</b>: "
        f"{s.done + s.waived}/{s.total}{overdue}{', ' + escape(w['due']) + ' ' + _d(c.due) if c.due else ''}</summary>"
        f"<table><thead><tr><th>{w['item']}</th><th>{w['responsible']}</th><th>{w['state']}</th>"
        f"<th>{w['due']}</th><th>{w['done']}</th></tr></thead><tbody>{''.join(rows)}</tbody></table></details>")


def _table(headers: List[str], rows: List[str]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def evaluation_html(ev: "Evaluation") -> str:
    """The sections of the reference page, in the evaluation's language: phase,
    checklists, course, supervision and support, certificates, each role's
    actions, warnings."""
    w = _WORDS.get(ev.language, _WORDS["sv"])
    e = escape
    leave = f" · {w['leave']} {ev.experience.leave_days} d" if ev.experience.leave_days else ""
    parts = ['<div class="yrkesresan-evaluation">',
             f"<p><b>{e(ev.person)}</b> {e(ev.municipality)}{' / ' + e(ev.unit) if ev.unit else ''} · "
             f"{e(ev.program)} {e(ev.program_version)} · {_d(ev.as_of)}</p>",
             f"<p>{w['phase']}: <b>{e(ev.phase.label)}</b> · {ev.experience.months} {w['months']}{leave}</p>",
             f"<h4>{w['checklists']}</h4>"]
    parts += [checklist_html(c, ev.language) for c in ev.checklists]
    rows = []
    for c in ev.components:
        extra = ""
        if c.kind == "course":
            extra = f"{w['modules']}: " + ", ".join(
                f"{e(m.id)} {e(w['module_states'].get(m.state, m.state))}" for m in ev.modules if m.component == c.id)
        elif c.kind == "supervision":
            extra = f"{w['sessions']} {c.sessions_counted}/{c.sessions_required}"
        elif c.kind == "annual":
            extra = ", ".join(f"{y.year}: {y.attended}/{y.required} ({e(y.state)})" for y in c.years)
        elif c.holder:
            extra = e(c.holder)
        window = f"{c.window[0]} – {c.window[1]}" if c.window else ""
        rows.append(f"<tr><td>{e(c.label)}</td><td>{e(w['eligibility'].get(c.eligibility, c.eligibility))}</td>"
                    f"<td>{window}</td><td>{extra}</td></tr>")
    parts += [f"<h4>{w['components']}</h4>", _table(["", w["state"], w["window"], ""], rows)]
    certificates = [f"<tr><td>{e(c.component)}</td><td>{e(w['statuses'].get(c.status, c.status))}</td>"
                    f"<td>{e(c.certificate_id or '; '.join(m.message for m in c.missing))}</td></tr>"
                    for c in ev.certificates]
    parts += [f"<h4>{w['certificates']}</h4>", _table(["", w["status"], ""], certificates)]
    by_role: Dict[str, List[str]] = {}
    for a in ev.actions:
        by_role.setdefault(a.role, []).append(
            f"<li>{_d(a.due) + ' ' if a.due else ''}{e(a.what)}{' (' + _state(a.state, w) + ')' if a.state == 'overdue' else ''}</li>")
    parts.append(f"<h4>{w['actions']}</h4>")
    parts += [f"<p><b>{e(role)}</b></p><ul>{''.join(items)}</ul>" for role, items in by_role.items()] or [f"<p>{w['none']}</p>"]
    parts.append(f"<h4>{w['warnings']}</h4>")
    parts.append(f"<ul>{''.join(f'<li><code>{e(x.code)}</code> {e(x.message)}</li>' for x in ev.warnings)}</ul>"
                 if ev.warnings else f"<p>{w['none']}</p>")
    parts.append("</div>")
    return "".join(parts)


def program_html(p: "Program") -> str:
    phases = "".join(
        f"<li><code>{escape(ph.id)}</code> {escape(ph.label)}: [{ph.from_months}, "
        f"{'∞' if ph.to_months is None else ph.to_months}) months</li>" for ph in p.phases)
    layers = f"<p>Overlays: {escape(', '.join(p.layers))}</p>" if p.layers else ""
    return (f"<p><b>{escape(p.title)}</b> (<code>{escape(p.id)}</code> {escape(p.version)}, valid from "
            f"{_d(p.valid_from)}); checklists: {escape(', '.join(p.checklist_ids))}</p>{layers}<ul>{phases}</ul>")
