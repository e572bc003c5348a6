"""The unit manager's report over a cohort: the same text the C++ demo
(examples/demo.cpp) prints, and the same sections as a printable HTML page.

It only arranges what the evaluations say; every state, date and message
comes from the library."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from .. import _core
from .._program import Program
from ..errors import Error

#: The order the demo lists roles in: the library's Role enum, from its one table.
ROLE_ORDER = tuple(_core.roles())
_ELIGIBILITY = ("not_targeted", "not_yet", "eligible", "window_passed", "in_progress", "completed")

WORDS: Dict[str, Dict[str, Any]] = {
    "sv": {
        "title": "Introduktionsläget", "people": "personer", "hired": "anställd", "months": "mån erfarenhet",
        "phase": "fas", "leave": "ledighet", "done": "klara", "overdue": "försenade",
        "unassigned": "utan ansvarig", "due": "klar senast", "handed": "överlämnad till",
        "overdue_by_role": "Försenat per ansvarig", "warning": "Obs",
        "todo": "Att göra per roll: öppna punkter per person, närmaste deadline först", "more": "till",
        "late": "försenade",
        "eligibility": ("utanför målgruppen", "ej ännu", "kan starta", "fönstret har passerat", "pågår",
                        "genomfört"),
        "offer_not_taken": "erbjudandet togs inte", "window": "fönster", "modules": "moduler",
        "sessions": "tillfällen", "certificates_due": "Intyg att utfärda", "certificate_issued": "intyg utfärdat",
        "print": "Skriv ut", "role": "Roll", "person": "Person", "first_due": "Första deadline",
        "open": "Öppna", "what": "Vad",
    },
    "en": {
        "title": "Introduction status", "people": "people", "hired": "employed", "months": "months of experience",
        "phase": "phase", "leave": "leave", "done": "done", "overdue": "overdue",
        "unassigned": "without a responsible", "due": "due", "handed": "handed to",
        "overdue_by_role": "Overdue by responsible role", "warning": "Note",
        "todo": "To do per role: open items per person, soonest deadline first", "more": "more",
        "late": "overdue",
        "eligibility": ("not targeted", "not yet", "can start", "window passed", "in progress", "completed"),
        "offer_not_taken": "offer not taken", "window": "window", "modules": "modules", "sessions": "sessions",
        "certificates_due": "Certificates to issue", "certificate_issued": "certificate issued",
        "print": "Print", "role": "Role", "person": "Person", "first_due": "First deadline", "open": "Open",
        "what": "What",
    },
}


@dataclass
class ChecklistLine:
    id: str
    label: str
    done: int
    total: int
    overdue: int
    unassigned: int
    complete: bool
    due: Optional[datetime.date]
    handed_to: Optional[str]
    completed_on: Optional[datetime.date]


@dataclass
class ComponentLine:
    id: str
    label: str
    status: str
    modules: Optional[Tuple[int, int]]
    sessions: Optional[Tuple[int, int]]
    window: Optional[Tuple[datetime.date, datetime.date]]
    issued_on: List[datetime.date]


@dataclass
class PersonBlock:
    person: str
    error: Optional[str] = None
    municipality: str = ""
    unit: str = ""
    employment_start: str = ""
    months: int = 0
    phase: str = ""
    leave_days: int = 0
    checklists: List[ChecklistLine] = field(default_factory=list)
    components: List[ComponentLine] = field(default_factory=list)
    overdue_by_role: List[Tuple[str, List[str]]] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)


@dataclass
class TodoRow:
    due: Optional[datetime.date]
    person: str
    actions: int
    late: int
    what: List[str]


@dataclass
class Report:
    language: str
    as_of: datetime.date
    program_title: str
    program_id: str
    program_version: str
    persons: List[PersonBlock]
    certificates_due: List[Tuple[str, str, datetime.date, str]]
    todo: List[Tuple[str, List[TodoRow], int]]
    errors: List[Error]


def _role_key(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def build(program: Program, records: Iterable[Any], as_of: datetime.date, language: str = "sv",
          todo_limit: int = 12, progress: Optional[Callable[[], None]] = None) -> Report:
    """Evaluates every record; a bad one is kept as its error (code and place, never its values)."""
    w = WORDS[language]
    blocks: List[PersonBlock] = []
    todo: Dict[str, List[Tuple[str, Any]]] = {}
    certificates_due: List[Tuple[str, str, datetime.date, str]] = []
    errors: List[Error] = []
    for record in records:
        if progress:
            progress()
        try:
            ev = program.evaluate(record, as_of, language)
        except Error as e:
            rid = record.get("id") if isinstance(record, dict) else None
            blocks.append(PersonBlock(rid if isinstance(rid, str) else "?", error=str(e)))
            errors.append(e)
            continue
        b = PersonBlock(ev.person, municipality=ev.municipality, unit=ev.unit,
                        employment_start=str(record["employment_start"]), months=ev.experience.months,
                        phase=ev.phase.label, leave_days=ev.experience.leave_days)
        for c in ev.checklists:
            s = c.summary
            b.checklists.append(ChecklistLine(c.id, c.label, s.done + s.waived, s.total, s.overdue, s.unassigned,
                                              c.complete, c.due, c.handed_to, c.completed_on))
        for comp in ev.components:
            if comp.kind == "annual":
                continue
            offer_passed = comp.eligibility == "window_passed" and comp.obligation != "duty"
            status = w["offer_not_taken"] if offer_passed else w["eligibility"][_ELIGIBILITY.index(comp.eligibility)]
            modules = None
            if comp.kind == "course":
                ms = [m for m in ev.modules if m.component == comp.id]
                done = sum(m.state == "completed" for m in ms)
                modules = (done, len(ms)) if done else None
            sessions = ((comp.sessions_counted, comp.sessions_required)
                        if comp.kind == "supervision" and comp.sessions_counted else None)
            window = comp.window if comp.eligibility not in ("completed", "not_targeted") else None
            issued = [cert.issued_on for cert in ev.certificates
                      if cert.component == comp.id and cert.status == "issued" and cert.issued_on]
            b.components.append(ComponentLine(comp.id, comp.label, status, modules, sessions, window, issued))
        for cert in ev.certificates:
            if cert.status == "due" and cert.completed_on:
                certificates_due.append((ev.person, cert.component, cert.completed_on, cert.certificate_id))
        overdue: Dict[str, List[str]] = {}
        for a in ev.actions:
            if a.state == "overdue":
                overdue.setdefault(a.role, []).append(a.what)
            todo.setdefault(a.role, []).append((ev.person, a))
        b.overdue_by_role = sorted(overdue.items(), key=lambda kv: _role_key(kv[0]))
        b.warnings = [x.message for x in ev.warnings]
        blocks.append(b)

    todo_out: List[Tuple[str, List[TodoRow], int]] = []
    for role in sorted(todo, key=_role_key):
        by_person: Dict[str, List[Any]] = {}
        for person, action in todo[role]:
            by_person.setdefault(person, []).append(action)

        def first_due(p: str) -> Optional[datetime.date]:
            dues = [a.due for a in by_person[p] if a.due is not None]
            return min(dues) if dues else None

        # Stable: people with a deadline first, soonest first; the rest in the order met.
        order = sorted(by_person, key=lambda p: (first_due(p) is None, first_due(p) or datetime.date.min))
        rows = [TodoRow(first_due(p), p, len(by_person[p]), sum(a.state == "overdue" for a in by_person[p]),
                        [a.what for a in by_person[p]]) for p in order[:todo_limit]]
        todo_out.append((role, rows, max(0, len(order) - todo_limit)))
    return Report(language, as_of, program.title, program.id, program.version, blocks, certificates_due,
                  todo_out, errors)


def _bar(done: int, total: int, width: int = 20) -> str:
    filled = width if total == 0 else done * width // total
    return "[" + "#" * filled + "." * (width - filled) + "]"


def _pad(s: str, width: int) -> str:
    return s + " " * (width - len(s)) if len(s) < width else s


def _window(w: Dict[str, Any], window: Tuple[datetime.date, datetime.date]) -> str:
    return f"{w['window']} {window[0]} – {window[1]}"


def text(r: Report) -> str:
    """The report as the demo prints it, line for line."""
    w = WORDS[r.language]
    out: List[str] = [f"{w['title']} {r.as_of}",
                      f"{r.program_title} ({r.program_id} {r.program_version}), {len(r.persons)} {w['people']}"]
    for b in r.persons:
        out.append("")
        if b.error is not None:
            out += [b.person, f"  {b.error}"]
            continue
        out.append(f"{b.person}  {b.municipality}" + (f" / {b.unit}" if b.unit else ""))
        line = f"  {w['hired']} {b.employment_start} · {b.months} {w['months']} · {w['phase']}: {b.phase}"
        if b.leave_days > 0:
            line += f" · {w['leave']} {b.leave_days} d"
        out.append(line)
        for c in b.checklists:
            line = f"  {_pad(c.id, 23)}{_bar(c.done, c.total)} {c.done}/{c.total} {w['done']}"
            if c.overdue:
                line += f" · {c.overdue} {w['overdue']}"
            if c.unassigned and not c.complete:
                line += f" · {c.unassigned} {w['unassigned']}"
            if not c.complete and c.due:
                line += f" · {w['due']} {c.due}"
            if c.handed_to:
                line += f" · {w['handed']} {c.handed_to} {c.completed_on or ''}"
            out.append(line)
        for comp in b.components:
            line = f"  {_pad(comp.id, 23)}{comp.status}"
            if comp.modules:
                line += f" · {comp.modules[0]}/{comp.modules[1]} {w['modules']}"
            if comp.sessions:
                line += f" · {comp.sessions[0]}/{comp.sessions[1]} {w['sessions']}"
            if comp.window:
                line += " · " + _window(w, comp.window)
            for issued in comp.issued_on:
                line += f" · {w['certificate_issued']} {issued}"
            out.append(line)
        if b.overdue_by_role:
            out.append(f"  {w['overdue_by_role']}:")
            for role, items in b.overdue_by_role:
                line = f"    {_pad(role, 4)}{len(items)}: " + "; ".join(items[:3])
                if len(items) > 3:
                    line += f"; +{len(items) - 3}"
                out.append(line)
        out += [f"  {w['warning']}: {m}" for m in b.warnings]
    if r.certificates_due:
        out += ["", w["certificates_due"]]
        out += [f"  {who}  {_pad(component, 22)}{completed}  {cid}" for who, component, completed, cid in r.certificates_due]
    out += ["", w["todo"]]
    for role, rows, more in r.todo:
        out.append(f"  {role}")
        for row in rows:
            line = f"    {row.due if row.due else ' ' * 10}  {row.person}  {row.actions}"
            if row.late:
                line += f" ({row.late} {w['late']})"
            line += ": " + "; ".join(row.what[:2])
            if len(row.what) > 2:
                line += f"; +{len(row.what) - 2}"
            out.append(line)
        if more:
            out.append(f"    … +{more} {w['more']}")
    return "\n".join(out) + "\n"


_CSS = """body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem;color:#111}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:1.4rem 0 .3rem;border-top:1px solid #ccc;padding-top:.6rem}
table{border-collapse:collapse;margin:.3rem 0}td,th{padding:.1rem .5rem;text-align:left;vertical-align:top}
.overdue{color:#b71c1c;font-weight:bold}.bar{font-family:monospace;white-space:nowrap}.error{color:#b71c1c}
td:nth-child(3),td:nth-child(4){white-space:nowrap}
.person{break-inside:avoid}@media print{button{display:none}body{margin:0}}"""


def html(r: Report) -> str:
    """The same report as one printable page (no scripts needed but the print button)."""
    w = WORDS[r.language]
    e = escape
    parts = [f'<!doctype html><html lang="{r.language}"><head><meta charset="utf-8">',
             f"<title>{e(w['title'])} {r.as_of}</title><style>{_CSS}</style></head><body>",
             f"<h1>{e(w['title'])} {r.as_of}</h1>",
             f"<p>{e(r.program_title)} ({e(r.program_id)} {e(r.program_version)}), {len(r.persons)} {e(w['people'])}"
             f' <button onclick="window.print()">{e(w["print"])}</button></p>']
    for b in r.persons:
        parts.append(f'<section class="person"><h2>{e(b.person)}')
        if b.error is not None:
            parts.append(f'</h2><p class="error">{e(b.error)}</p></section>')
            continue
        parts.append(f" <small>{e(b.municipality)}{' / ' + e(b.unit) if b.unit else ''}</small></h2>")
        leave = f" · {e(w['leave'])} {b.leave_days} d" if b.leave_days > 0 else ""
        parts.append(f"<p>{e(w['hired'])} {e(b.employment_start)} · {b.months} {e(w['months'])} · "
                     f"{e(w['phase'])}: <b>{e(b.phase)}</b>{leave}</p><table>")
        for c in b.checklists:
            notes = []
            if c.overdue:
                notes.append(f'<span class="overdue">{c.overdue} {e(w["overdue"])}</span>')
            if c.unassigned and not c.complete:
                notes.append(f"{c.unassigned} {e(w['unassigned'])}")
            if not c.complete and c.due:
                notes.append(f"{e(w['due'])} {c.due}")
            if c.handed_to:
                notes.append(f"{e(w['handed'])} {e(c.handed_to)} {c.completed_on or ''}")
            parts.append(f"<tr><td>{e(c.label)}</td><td class=\"bar\">{_bar(c.done, c.total)}</td>"
                         f"<td>{c.done}/{c.total} {e(w['done'])}</td><td>{' · '.join(notes)}</td></tr>")
        for comp in b.components:
            notes = []
            if comp.modules:
                notes.append(f"{comp.modules[0]}/{comp.modules[1]} {e(w['modules'])}")
            if comp.sessions:
                notes.append(f"{comp.sessions[0]}/{comp.sessions[1]} {e(w['sessions'])}")
            if comp.window:
                notes.append(e(_window(w, comp.window)))
            notes += [f"{e(w['certificate_issued'])} {d}" for d in comp.issued_on]
            parts.append(f"<tr><td>{e(comp.label)}</td><td colspan=\"2\">{e(comp.status)}</td>"
                         f"<td>{' · '.join(notes)}</td></tr>")
        parts.append("</table>")
        if b.overdue_by_role:
            parts.append(f"<p><b>{e(w['overdue_by_role'])}</b></p><ul>")
            parts += [f"<li><b>{e(role)}</b> {len(items)}: {e('; '.join(items))}</li>" for role, items in b.overdue_by_role]
            parts.append("</ul>")
        parts += [f"<p>{e(w['warning'])}: {e(m)}</p>" for m in b.warnings]
        parts.append("</section>")
    if r.certificates_due:
        parts.append(f"<h2>{e(w['certificates_due'])}</h2><table>")
        parts += [f"<tr><td>{e(who)}</td><td>{e(comp)}</td><td>{d}</td><td><code>{e(cid)}</code></td></tr>"
                  for who, comp, d, cid in r.certificates_due]
        parts.append("</table>")
    parts.append(f"<h2>{e(w['todo'])}</h2>")
    for role, rows, more in r.todo:
        parts.append(f"<h3>{e(role)}</h3><table><tr><th>{e(w['first_due'])}</th><th>{e(w['person'])}</th>"
                     f"<th>{e(w['open'])}</th><th>{e(w['what'])}</th></tr>")
        for row in rows:
            late = f' <span class="overdue">({row.late} {e(w["late"])})</span>' if row.late else ""
            parts.append(f"<tr><td>{row.due or ''}</td><td>{e(row.person)}</td><td>{row.actions}{late}</td>"
                         f"<td>{e('; '.join(row.what))}</td></tr>")
        parts.append("</table>")
        if more:
            parts.append(f"<p>… +{more} {e(w['more'])}</p>")
    parts.append("</body></html>\n")
    return "".join(parts)
