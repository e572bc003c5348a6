"""Notebook views (``_repr_html_``) of programs and evaluations: presentation
only, built from the result objects."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any, List, Optional

if TYPE_CHECKING:
    from ._core import ChecklistResult, Evaluation
    from ._program import Program

_STATE_COLOURS = {"done": "#2e7d32", "waived": "#607d8b", "blocked": "#8d6e63", "overdue": "#c62828",
                  "pending": "#1565c0"}


def _d(value: Optional[Any]) -> str:
    return "–" if value is None else escape(str(value))


def _state(state: str) -> str:
    return f'<span style="color:{_STATE_COLOURS.get(state, "inherit")};font-weight:bold">{escape(state)}</span>'


def checklist_html(c: "ChecklistResult") -> str:
    s = c.summary
    rows: List[str] = []
    for it in c.items:
        rows.append(
            f"<tr><td><code>{escape(it.id)}</code></td><td>{escape(it.label)}</td>"
            f"<td>{escape(' '.join(it.responsible))}</td><td>{_state(it.state)}</td>"
            f"<td>{_d(it.due)}</td><td>{_d(it.done)}</td></tr>")
    return (
        f"<details><summary><b>{escape(c.label)}</b> (<code>{escape(c.id)}</code>): "
        f"{s.done + s.waived}/{s.total} done or waived, {_state('overdue') if s.overdue else 'none overdue'}"
        f"{' ' + str(s.overdue) if s.overdue else ''}, due {_d(c.due)}</summary>"
        "<table><thead><tr><th>item</th><th>label</th><th>codes</th><th>state</th><th>due</th><th>done</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table></details>")


def evaluation_html(ev: "Evaluation") -> str:
    actions = "".join(
        f"<li><b>{escape(a.role)}</b>: {escape(a.what)} (due {_d(a.due)})</li>" for a in ev.actions[:10])
    more = f"<li>… and {len(ev.actions) - 10} more</li>" if len(ev.actions) > 10 else ""
    warnings = "".join(f"<li><code>{escape(w.code)}</code> {escape(w.message)}</li>" for w in ev.warnings)
    return (
        '<div class="yrkesresan-evaluation">'
        f"<p><b>{escape(ev.person)}</b> ({escape(ev.municipality)}) on {_d(ev.as_of)}: "
        f"{escape(ev.program)} {escape(ev.program_version)}, {ev.experience.months} months of experience, "
        f"phase <b>{escape(ev.phase.label)}</b> (<code>{escape(ev.phase.id)}</code>)</p>"
        + "".join(checklist_html(c) for c in ev.checklists)
        + (f"<p><b>Next actions</b></p><ul>{actions}{more}</ul>" if actions else "")
        + (f"<p><b>Warnings</b></p><ul>{warnings}</ul>" if warnings else "")
        + "</div>")


def program_html(p: "Program") -> str:
    phases = "".join(
        f"<li><code>{escape(ph.id)}</code> {escape(ph.label)}: [{ph.from_months}, "
        f"{'∞' if ph.to_months is None else ph.to_months}) months</li>" for ph in p.phases)
    layers = f"<p>Overlays: {escape(', '.join(p.layers))}</p>" if p.layers else ""
    return (f"<p><b>{escape(p.title)}</b> (<code>{escape(p.id)}</code> {escape(p.version)}, valid from "
            f"{_d(p.valid_from)}); checklists: {escape(', '.join(p.checklist_ids))}</p>{layers}<ul>{phases}</ul>")
