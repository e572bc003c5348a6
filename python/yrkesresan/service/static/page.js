// The reference page: how a vendor's user interface consumes the JSON contract.
// Plain JavaScript, no build step. Every word about the person comes from the
// evaluation document; this page only lays it out.
"use strict";

const WORDS = {
  sv: {title: "Introduktionsläget för en person", program: "Program", as_of: "Datum", lang: "Språk", file: "Fil",
       evaluate: "Utvärdera", print: "Skriv ut", experience: "mån erfarenhet", phase: "Fas", leave: "ledighet",
       checklists: "Checklistor", item: "Punkt", responsible: "Ansvarig", state: "Läge", due: "Klart senast",
       done_on: "Klart", components: "Kurs, handledning och stöd", eligibility: "Läge", window: "Fönster",
       modules: "Moduler", sessions: "Tillfällen", certificates: "Intyg", status: "Status", actions: "Att göra per roll",
       warnings: "Observera", none: "inget", error: "Posten avvisades", unassigned: "utan ansvarig",
       states: {done: "klar", waived: "utgår", blocked: "väntar", overdue: "försenad", pending: "kvar"},
       eligibilities: {not_targeted: "utanför målgruppen", not_yet: "ej ännu", eligible: "kan starta",
                       window_passed: "fönstret har passerat", in_progress: "pågår", completed: "genomfört"},
       statuses: {issued: "utfärdat", due: "att utfärda", not_due: "ej uppfyllt"},
       module_states: {completed: "genomförd", available: "tillgänglig", locked: "låst"}},
  en: {title: "Introduction status of one person", program: "Program", as_of: "Date", lang: "Language", file: "File",
       evaluate: "Evaluate", print: "Print", experience: "months of experience", phase: "Phase", leave: "leave",
       checklists: "Checklists", item: "Item", responsible: "Responsible", state: "State", due: "Due",
       done_on: "Done", components: "Course, supervision and support", eligibility: "Where", window: "Window",
       modules: "Modules", sessions: "Sessions", certificates: "Certificates", status: "Status", actions: "To do per role",
       warnings: "Warnings", none: "none", error: "The record was refused", unassigned: "without a responsible",
       states: {done: "done", waived: "waived", blocked: "blocked", overdue: "overdue", pending: "pending"},
       eligibilities: {not_targeted: "not targeted", not_yet: "not yet", eligible: "can start",
                       window_passed: "window passed", in_progress: "in progress", completed: "completed"},
       statuses: {issued: "issued", due: "due", not_due: "not due"},
       module_states: {completed: "completed", available: "available", locked: "locked"}},
};

const EXAMPLE = {
  id: "p-1042", municipality: "kungalv", employment_start: "2026-02-02", hired_on: "2025-12-10",
  leaves: [{from: "2026-06-15", to: "2026-08-09", kind: "parental"}],
  people: {EC: "p-0100", "1:e": "p-0300", FA: "p-2001"},
  plan: {assignments: {nycklar: ["FA"]}},
  events: [{type: "item_done", item: "nycklar", date: "2026-02-02"},
           {type: "module_attended", module: "m1", date: "2026-09-01", round: "2026-2"},
           {type: "homework_submitted", module: "m1", date: "2026-09-08"}],
};

const $ = (id) => document.getElementById(id);
const esc = (v) => String(v ?? "–").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})[c]);
const w = () => WORDS[$("lang").value] || WORDS.sv;

function translate() {
  const words = w();
  document.documentElement.lang = $("lang").value;
  for (const el of document.querySelectorAll("[data-t]")) if (words[el.dataset.t]) el.textContent = words[el.dataset.t];
}

function table(headers, rows) {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function render(ev) {
  const t = w();
  const exp = ev.experience;
  let html = `<h2 id="person">${esc(ev.person)} <small class="muted">${esc(ev.municipality)}${ev.unit ? " / " + esc(ev.unit) : ""} · ${esc(ev.program)} ${esc(ev.program_version)} · ${esc(ev.as_of)}</small></h2>`;
  html += `<p id="phase">${esc(t.phase)}: <b>${esc(ev.phase.label)}</b> · ${exp.months} ${esc(t.experience)}${exp.leave_days ? ` · ${esc(t.leave)} ${exp.leave_days} d` : ""}</p>`;
  html += `<h2>${esc(t.checklists)}</h2>`;
  for (const c of ev.checklists) {
    const s = c.summary;
    const rows = c.items.map((i) => `<tr class="item ${esc(i.state)}" data-item="${esc(i.id)}"><td>${esc(i.label)}</td><td>${esc(i.responsible.join(" ") || t.unassigned)}</td><td class="${esc(i.state)}">${esc(t.states[i.state] || i.state)}</td><td>${esc(i.due)}</td><td>${esc(i.done)}</td></tr>`);
    html += `<details ${s.overdue ? "open" : ""} class="checklist" data-checklist="${esc(c.id)}"><summary><b>${esc(c.label)}</b>: ${s.done + s.waived}/${s.total} · <span class="${s.overdue ? "overdue" : ""}">${s.overdue} ${esc(t.states.overdue)}</span>${c.due ? ` · ${esc(t.due)} ${esc(c.due)}` : ""}</summary>${table([t.item, t.responsible, t.state, t.due, t.done_on], rows)}</details>`;
  }
  html += `<h2>${esc(t.components)}</h2>`;
  html += table(["", t.eligibility, t.window, ""], ev.components.map((c) => {
    let extra = "";
    if (c.kind === "course") {
      const ms = ev.modules.filter((m) => m.component === c.id);
      extra = `${esc(t.modules)}: ${ms.map((m) => `${esc(m.id)} ${esc(t.module_states[m.state] || m.state)}`).join(", ")}`;
    } else if (c.kind === "supervision") extra = `${esc(t.sessions)} ${c.sessions_counted}/${c.sessions_required}`;
    else if (c.kind === "annual") extra = c.years.map((y) => `${y.year}: ${y.attended}/${y.required} (${esc(y.state)})`).join(", ");
    else if (c.holder) extra = esc(c.holder);
    const win = c.window ? `${esc(c.window.from)} – ${esc(c.window.to)}` : "";
    return `<tr data-component="${esc(c.id)}"><td>${esc(c.label)}</td><td>${esc(t.eligibilities[c.eligibility] || c.eligibility)}</td><td>${win}</td><td>${extra}</td></tr>`;
  }));
  html += `<h2>${esc(t.certificates)}</h2>`;
  html += table(["", t.status, ""], ev.certificates.map((c) => `<tr><td>${esc(c.component)}</td><td>${esc(t.statuses[c.status] || c.status)}</td><td>${esc(c.certificate_id || c.missing.map((m) => m.message).join("; "))}</td></tr>`));
  html += `<h2>${esc(t.actions)}</h2>`;
  const byRole = new Map();
  for (const a of ev.actions) (byRole.get(a.role) || byRole.set(a.role, []).get(a.role)).push(a);
  html += byRole.size ? [...byRole].map(([role, acts]) => `<h3 data-role="${esc(role)}">${esc(role)}</h3><ul>${acts.map((a) => `<li class="${esc(a.state || "")}">${a.due ? esc(a.due) + " " : ""}${esc(a.what)}</li>`).join("")}</ul>`).join("") : `<p>${esc(t.none)}</p>`;
  html += `<h2>${esc(t.warnings)}</h2>`;
  html += ev.warnings.length ? `<ul id="warnings">${ev.warnings.map((x) => `<li><code>${esc(x.code)}</code> ${esc(x.message)}</li>`).join("")}</ul>` : `<p>${esc(t.none)}</p>`;
  $("result").innerHTML = html;
}

function renderError(error) {
  const problems = (error.problems || [error]).map((p) => `<li><code>${esc(p.code)}</code> <code>${esc(p.path || "/")}</code> ${esc(p.message)}</li>`);
  $("result").innerHTML = `<div class="error" id="error"><b>${esc(w().error)}</b><ul>${problems.join("")}</ul></div>`;
}

async function evaluate(event) {
  if (event) event.preventDefault();
  const url = `programs/${encodeURIComponent($("program").value)}/evaluate?as_of=${encodeURIComponent($("as_of").value)}&lang=${$("lang").value}`;
  const response = await fetch(url, {method: "POST", headers: {"content-type": "application/json"}, body: $("record").value});
  const body = await response.json();
  if (response.ok) render(body); else renderError(body);
}

async function start() {
  const programs = await (await fetch("programs")).json();
  $("program").innerHTML = programs.map((p) => `<option value="${esc(p.id)}">${esc(p.id)} – ${esc(p.title)}</option>`).join("");
  $("as_of").value = new Date().toISOString().slice(0, 10);
  $("record").value = JSON.stringify(EXAMPLE, null, 2);
  $("lang").addEventListener("change", translate);
  $("file").addEventListener("change", async () => { const f = $("file").files[0]; if (f) $("record").value = await f.text(); });
  $("input").addEventListener("submit", evaluate);
  $("print").addEventListener("click", () => window.print());
  translate();
}

start();
