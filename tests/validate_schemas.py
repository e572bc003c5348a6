#!/usr/bin/env python3
"""Checks the JSON Schemas in data/schema/ against the documents the project
reads and writes.

    validate_schemas.py <project_root> <dump_dir>

1. every *.json in <dump_dir> (evaluations dumped by the C++ tests) against
   evaluation.schema.json; an empty or missing dump dir is a failure;
2. data/programs/*.json against program.schema.json and data/overlays/*.json
   against overlay.schema.json;
3. the "person" of every tests/scenarios/*.json against person.schema.json
   (a scenario that expects an input error the schema can express must be
   rejected by the schema, at the same place), and every record of
   examples/cohort.json when the file exists;
4. each schema against the draft 2020-12 meta-schema;
5. that the definitions the readers share are the same in every schema that
   uses them: the overlay reader checks citations, due rules and added items
   with the program reader's code, so overlay.schema.json must define them as
   program.schema.json does (and person.schema.json its ids, dates and codes);
6. a negative self-test: deliberately broken documents must be rejected at
   the place that was broken, and a schema whose shared definition drifts
   must be reported, so that this check is able to fail.

Prints one summary line; exits 1 with file and JSON Pointer of every failing
instance. Needs only the `jsonschema` package.

JSON Schema patterns are ECMA-262 regular expressions: `\\d` is [0-9] and `$`
matches only at the very end. Python's `re` differs on both (`\\d` matches any
Unicode digit, `$` also matches before a trailing newline), so the validator
used here compiles patterns with ECMA semantics.
"""

import copy
import json
import re
import sys
from pathlib import Path

try:
    import jsonschema
    from jsonschema import Draft202012Validator, ValidationError
except ImportError:  # pragma: no cover
    sys.stderr.write("validate_schemas: the python package 'jsonschema' is missing "
                     "(run ./scripts/ensure-deps.sh --python and use .venv/bin/python)\n")
    sys.exit(2)

SCHEMAS = ("program", "overlay", "person", "evaluation")
MAX_ERRORS_PER_DOCUMENT = 10

# Error codes (docs/contract.md, "Errors") a schema cannot detect: they need the
# program, the evaluation date, or a comparison of two values.
SCHEMA_BLIND_CODES = {"future_event", "unknown_reference", "duplicate_id", "reversed_period", "phase_gap",
                      "phase_overlap", "cycle"}


# ----------------------------------------------------------------- helpers

def pointer(parts):
    """JSON Pointer (RFC 6901) of a path given as a sequence of keys/indices."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def show_pointer(ptr):
    return '"%s"' % ptr if ptr else '"" (document root)'


_ecma_cache = {}


def ecma_regex(pattern):
    """Compiles an ECMA-262 pattern with Python's re: ASCII classes, and `$`
    (outside a character class, unescaped) as end of input."""
    compiled = _ecma_cache.get(pattern)
    if compiled is None:
        out, i, in_class = [], 0, False
        while i < len(pattern):
            c = pattern[i]
            if c == "\\":
                out.append(pattern[i:i + 2])
                i += 2
                continue
            if in_class:
                if c == "]":
                    in_class = False
            elif c == "[":
                in_class = True
            elif c == "$":
                c = r"\Z"
            out.append(c)
            i += 1
        compiled = _ecma_cache[pattern] = re.compile("".join(out), re.ASCII)
    return compiled


def _pattern(validator, patrn, instance, schema):
    if validator.is_type(instance, "string") and not ecma_regex(patrn).search(instance):
        yield ValidationError("%r does not match %r" % (instance, patrn))


EcmaValidator = jsonschema.validators.extend(Draft202012Validator, {"pattern": _pattern})


def load_json(path):
    """Loads a JSON file, rejecting duplicate keys as the library does."""
    def no_duplicates(pairs):
        seen = {}
        for k, v in pairs:
            if k in seen:
                raise ValueError("an object has the key %r twice" % k)
            seen[k] = v
        return seen
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_duplicates)


def related(found, expected):
    """Whether two JSON Pointers are the same place or one contains the other."""
    return (found == expected or found.startswith(expected + "/")
            or (found != "" and expected.startswith(found + "/")))


def all_errors(validator, instance):
    return sorted(validator.iter_errors(instance), key=lambda e: (list(map(str, e.absolute_path)), e.message))


def error_pointers(errors):
    """Pointers of the errors and of their sub-errors (anyOf/oneOf context)."""
    out = []
    for e in errors:
        out.append((pointer(e.absolute_path), e.validator))
        out.extend(error_pointers(e.context or []))
    return out


def describe(error, prefix=()):
    msg = error.message
    if len(msg) > 300:
        msg = msg[:300] + "..."
    detail = ""
    if error.context:
        best = jsonschema.exceptions.best_match(error.context)
        if best is not None:
            detail = "; best match: at %s: %s" % (show_pointer(pointer(list(prefix) + list(best.absolute_path))),
                                                   best.message[:200])
    return "at %s: %s (schema %s)%s" % (show_pointer(pointer(list(prefix) + list(error.absolute_path))), msg,
                                       pointer(error.absolute_schema_path), detail)


class Report:
    def __init__(self, root):
        self.root = root
        self.failures = []
        self.counts = {}

    def rel(self, path):
        try:
            return str(Path(path).resolve().relative_to(self.root))
        except ValueError:
            return str(path)

    def fail(self, where, message):
        self.failures.append("%s: %s" % (where, message))

    def count(self, key, n=1):
        self.counts[key] = self.counts.get(key, 0) + n

    def validate(self, validator, instance, where, prefix=()):
        errors = all_errors(validator, instance)
        for e in errors[:MAX_ERRORS_PER_DOCUMENT]:
            self.fail(where, describe(e, prefix))
        if len(errors) > MAX_ERRORS_PER_DOCUMENT:
            self.fail(where, "... and %d more errors" % (len(errors) - MAX_ERRORS_PER_DOCUMENT))
        return not errors


# ----------------------------------------------------------------- checks

def load_schemas(report, schema_dir):
    validators = {}
    for name in SCHEMAS:
        path = schema_dir / (name + ".schema.json")
        where = report.rel(path)
        try:
            schema = load_json(path)
        except (OSError, ValueError) as e:
            report.fail(where, "cannot read the schema: %s" % e)
            continue
        try:
            EcmaValidator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            report.fail(where, "not a valid draft 2020-12 schema: %s at %s" % (e.message, pointer(e.absolute_path)))
            continue
        for key in ("$id", "title"):
            if key not in schema:
                report.fail(where, "the schema has no %s" % key)
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            report.fail(where, "the schema does not declare draft 2020-12")
        for e in ecma_check(schema):
            report.fail(where, e)
        validators[name] = EcmaValidator(schema)
        report.count("schemas")
    return validators


def ecma_check(schema, path=()):
    """Every pattern must compile; yields problems."""
    if isinstance(schema, dict):
        for k, v in schema.items():
            if k == "pattern" and isinstance(v, str):
                try:
                    ecma_regex(v)
                except re.error as e:
                    yield "pattern at %s does not compile: %s" % (pointer(path + (k,)), e)
            else:
                yield from ecma_check(v, path + (k,))
    elif isinstance(schema, list):
        for i, v in enumerate(schema):
            yield from ecma_check(v, path + (i,))


def check_files(report, validator, files, kind, what):
    if not files:
        report.fail(what, "no %s found: a check that checks nothing is a defect" % kind)
        return
    for path in files:
        where = report.rel(path)
        try:
            doc = load_json(path)
        except (OSError, ValueError) as e:
            report.fail(where, "not readable JSON: %s" % e)
            continue
        report.validate(validator, doc, where)
        report.count(kind)


def check_scenarios(report, validator, scenario_dir):
    files = sorted(scenario_dir.glob("*.json"))
    if not files:
        report.fail(report.rel(scenario_dir), "no scenario files found: a check that checks nothing is a defect")
        return
    for path in files:
        where = report.rel(path)
        try:
            sc = load_json(path)
        except (OSError, ValueError) as e:
            report.fail(where, "not readable JSON: %s" % e)
            continue
        if not isinstance(sc, dict) or "person" not in sc:
            report.fail(where, 'the scenario has no "person"')
            continue
        person = sc["person"]
        expected = sc.get("error")
        errors = all_errors(validator, person)
        report.count("scenario persons")
        if expected is None:
            for e in errors[:MAX_ERRORS_PER_DOCUMENT]:
                report.fail(where, describe(e, ("person",)))
            continue
        code, path_expected = expected.get("code"), expected.get("path", "")
        if errors:
            # The schema must reject the same place the library does.
            if not any(related(p, path_expected) for p, _ in error_pointers(errors)):
                report.fail(where, "the library rejects the person with %s at %s, the schema elsewhere: %s"
                            % (code, show_pointer(path_expected), "; ".join(describe(e, ("person",)) for e in errors[:3])))
            else:
                report.count("scenario persons rejected as expected")
        elif code not in SCHEMA_BLIND_CODES:
            report.fail(where, "the library rejects the person with %s at %s, but person.schema.json accepts it"
                        % (code, show_pointer(path_expected)))


def check_cohort(report, validator, path):
    if not path.exists():
        return
    where = report.rel(path)
    try:
        cohort = load_json(path)
    except (OSError, ValueError) as e:
        report.fail(where, "not readable JSON: %s" % e)
        return
    if not isinstance(cohort, list):
        report.fail(where, "expected an array of person records")
        return
    if not cohort:
        report.fail(where, "the cohort is empty: a check that checks nothing is a defect")
    for i, person in enumerate(cohort):
        report.validate(validator, person, where, (i,))
        report.count("cohort persons")


# ----------------------------------------------------------------- shared definitions

# Definitions that must be the same as program.schema.json's: the overlay reader
# checks citations, due rules and the items it adds with the program reader's
# code (src/program/program_overlay.cpp calls ItemReader), and the person record spells
# ids, dates and codes as the program does.
SHARED_DEFS = {
    "overlay": ("text", "nonempty_text", "id", "date", "code", "codes", "source", "due", "due_without_hired"),
    "person": ("text", "nonempty_text", "id", "date", "code", "codes"),
}


def shared_definition_problems(schemas):
    """Yields (schema name, problem) where a shared definition differs from the program's."""
    program = schemas["program"].get("$defs", {})
    for name, keys in SHARED_DEFS.items():
        defs = schemas[name].get("$defs", {})
        for key in keys:
            if key not in defs:
                yield name, "$defs/%s is missing; the reader uses program.schema.json's" % key
            elif defs[key] != program.get(key):
                yield name, "$defs/%s differs from program.schema.json's; the reader uses the same definition" % key
    # An item an overlay adds is an item of the program (check_new_item and the program reader take the same fields).
    defs = schemas["overlay"].get("$defs", {})
    item = program.get("item", {}).get("properties")
    new_item = defs.get("new_item", {}).get("properties")
    add_item = {k: v for k, v in defs.get("add_item", {}).get("properties", {}).items() if k not in ("checklist", "section")}
    if new_item != item:
        yield "overlay", "$defs/new_item's fields differ from program.schema.json's item"
    if add_item != item:
        yield "overlay", "$defs/add_item's fields (but checklist and section) differ from program.schema.json's item"


def check_shared_definitions(report, validators):
    schemas = {name: v.schema for name, v in validators.items()}
    problems = list(shared_definition_problems(schemas))
    for name, problem in problems:
        report.fail("data/schema/%s.schema.json" % name, problem)
    if not problems:
        report.count("shared definitions checked", sum(len(k) for k in SHARED_DEFS.values()) + 2)


# ----------------------------------------------------------------- negative self-test

VALID = {
    "evaluation": {
        "person": "p-0001", "municipality": "kungalv", "program": "gr-barn-unga", "program_version": "2015.1", "layers": ["municipality:kungalv"],
        "as_of": "2026-05-12", "language": "sv", "experience_months": 4,
        "experience": {"months": 4, "anchor": "2026-01-12", "leave_days": 0, "next_month_on": "2026-06-12",
                       "months_at_employment_start": 0},
        "phase": {"id": "introduktion", "label": "Introduktion och inskolning", "from_months": 0, "to_months": 24},
        "checklists": [{
            "id": "introduktion", "label": "Checklista", "due": "2026-05-11", "complete": False,
            "completed_on": None, "handed_to": None,
            "summary": {"done": 1, "waived": 1, "blocked": 0, "overdue": 1, "pending": 0, "unassigned": 0, "total": 3},
            "unassigned": [],
            "items": [
                {"id": "nycklar", "label": "Nycklar", "section": "gemensamma-hallpunkter", "responsible": ["FA"],
                 "state": "overdue", "due": "2026-05-11", "planned": None, "done": None, "blocked_by": ["postfack"]},
                {"id": "postfack", "label": "Postfack", "section": "gemensamma-hallpunkter", "responsible": ["EJ"],
                 "state": "waived", "due": None, "planned": None, "done": None},
                {"id": "rundtur", "label": "Rundtur", "section": "rundtur", "responsible": ["EC", "1:e"],
                 "state": "done", "due": "2026-01-30", "planned": "2026-01-30", "done": "2026-02-01", "comment": "Ex",
                 "added": True},
            ]}],
        "components": [
            {"id": "introduktionsprogram", "label": "Introduktionsprogram", "kind": "course", "eligibility": "in_progress",
             "obligation": "duty", "organiser": {"id": "gr", "label": "Göteborgsregionen (GR)"},
             "window": {"from": "2026-05-12", "to": "2027-01-11"},
             "reasons": [{"code": "started", "message": "Påbörjad",
                          "source": {"seed": "001", "pages": "29", "quote": "Introduktionsprogram",
                                     "interpretation": "i"},
                          "ref": "introduktionsprogram"}],
             "started_on": "2026-05-01", "completed_on": None},
            {"id": "handledning", "label": "Handledning", "kind": "supervision", "eligibility": "not_yet",
             "obligation": "offer", "organiser": {"id": "kommunsamverkan", "label": "Kommunsamverkan"},
             "window": {"from": "2027-01-12", "to": "2028-01-11"},
             "reasons": [{"code": "window_not_open", "message": "...", "source": None, "ref": "handledning"}],
             "started_on": None, "completed_on": None, "sessions_counted": 0, "sessions_required": 8},
            {"id": "mentor", "label": "Mentor", "kind": "mentor", "eligibility": "not_yet", "obligation": "duty",
             "organiser": None,
             "window": {"from": "2028-01-12", "to": "2029-01-11"},
             "reasons": [{"code": "window_not_open", "message": "...", "source": None, "ref": "mentor"}],
             "started_on": None, "completed_on": None, "holder": None},
            {"id": "introduktor", "label": "Introduktör", "kind": "introduktor", "eligibility": "in_progress",
             "obligation": "recommendation", "organiser": {"id": "kommun", "label": "Respektive kommun"},
             "window": {"from": "2026-01-12", "to": "2028-01-11"},
             "reasons": [{"code": "holder_named", "message": "...", "source": None, "ref": "introduktor"}],
             "started_on": None, "completed_on": None, "holder": "p-2001", "hours_per_week": 4.0, "hours_owed": 68.57},
            {"id": "workshop", "label": "Workshop", "kind": "annual", "eligibility": "eligible", "obligation": "offer",
             "organiser": {"id": "fou-socialtjanst", "label": "Länsgemensam aktivitet"}, "window": None,
             "reasons": [{"code": "annual_status", "message": "...", "source": None, "ref": "workshop"}],
             "started_on": None, "completed_on": None,
             "years": [{"year": 2025, "required": 1, "attended": 0, "state": "partial_year"},
                       {"year": 2026, "required": 1, "attended": 0, "state": "open"}]}],
        "modules": [
            {"id": "m1", "label": "Modul 1", "component": "introduktionsprogram", "state": "completed", "missing": [],
             "attended": "2026-05-01", "round": "2026-1", "homework_required": True, "homework_submitted": None},
            {"id": "m2", "label": "Modul 2", "component": "introduktionsprogram", "state": "available", "missing": [],
             "attended": None, "round": None, "homework_required": True, "homework_submitted": None},
            {"id": "m3", "label": "Modul 3", "component": "introduktionsprogram", "state": "locked",
             "missing": [{"code": "homework_not_submitted", "message": "...", "source": None, "ref": "m2"}],
             "attended": None, "round": None, "homework_required": False, "homework_submitted": None}],
        "certificates": [
            {"component": "introduktionsprogram", "status": "not_due",
             "missing": [{"code": "module_not_attended", "message": "...", "source": None, "ref": "m2"}],
             "completed_on": None, "issued_on": None, "certificate_id": None},
            {"component": "handledning", "status": "due", "missing": [], "completed_on": "2027-11-01",
             "issued_on": None, "certificate_id": "urn:yrkesresan:intyg:0123456789abcdef0123456789abcdef"}],
        "recommendations": [
            {"id": "case_share", "label": "Andel", "value": 0.5, "applies": True,
             "window": {"from": "2026-01-12", "to": "2027-01-11"}, "source": None}],
        "actions": [
            {"role": "FA", "kind": "item", "what": "Nycklar", "due": "2026-05-11", "checklist": "introduktion",
             "item": "nycklar", "state": "overdue"},
            {"role": "EC", "kind": "assign_codes", "what": "Fyll i ansvar", "due": None, "checklist": "introduktion"},
            {"role": "EC", "kind": "name_role_holder", "what": "Utse fadder", "due": "2026-05-11"},
            {"role": "EC", "kind": "name_role_holder", "what": "Utse mentor", "due": "2029-01-11", "component": "mentor"},
            {"role": "EC", "kind": "enrol", "what": "Anmäl", "due": "2027-01-11", "component": "introduktionsprogram"},
            {"role": "SJ", "kind": "submit_homework", "what": "Lämna in", "due": None, "component": "introduktionsprogram",
             "item": "m1"},
            {"role": "EC", "kind": "issue_certificate", "what": "Utfärda", "due": "2027-11-01", "component": "handledning"}],
        "warnings": [
            {"code": "fadder_not_named", "message": "Ingen fadder",
             "source": {"seed": "001", "pages": "34", "quote": "Fadder"}, "ref": "FA"},
            {"code": "prerequisite_violation", "message": "...",
             "source": {"seed": "001", "pages": "34", "assumption": "a"},
             "ref": "rundtur", "date": "2026-02-01"}],
    },
    "person": {
        "id": "p-0001", "municipality": "kungalv", "unit": "", "employment_start": "2026-01-12",
        "hired_on": "2025-11-20", "profession_start": "2026-01-12", "prior_experience_months": 0,
        "leaves": [{"from": "2026-06-15", "to": "2026-08-09", "kind": "parental"}, {"from": "2024-02-29", "to": "2024-03-01"}],
        "people": {"EC": "p-0100", "1:e": "p-0300", "FA": "p-2001", "AD": "p-0110", "introduktor": "p-2001",
                   "mentor": "p-9"},
        "plan": {"assignments": {"nycklar": ["EC", "FA"], "postfack": ["EJ"], "bbic": []},
                 "added_items": [{"id": "extra", "checklist": "introduktion", "section": "tjansten", "label": "Extra",
                                  "comment": "", "responsible": ["1:e"], "planned": "2026-03-16"}],
                 "removed_items": ["visitkort"],
                 "planned": {"planera-introduktionen": "2026-01-23", "bbic": "2026-04-30"}},
        "events": [
            {"type": "item_done", "item": "nycklar", "date": "2026-02-02"},
            {"type": "module_attended", "module": "m1", "date": "2026-06-01", "round": "2026-1"},
            {"type": "homework_submitted", "module": "m1", "date": "2026-06-10"},
            {"type": "session_attended", "component": "handledning", "date": "2027-03-01"},
            {"type": "certificate_issued", "component": "introduktionsprogram", "date": "2027-04-01", "certificate": "c-1"}],
        "mentor": {"id": "p-9", "municipality": "molndal", "profession_start": "2015-08-01", "prior_experience_months": 6},
    },
    "program": {
        "$schema": "../schema/program.schema.json", "format": 1, "id": "test", "version": "1", "valid_from": "2015-04-15",
        "title": "Test", "sources": {"001": "Seed"},
        "changes": [{"version": "1", "date": "2026-12-06", "summary": "Ny",
                     "sources": [{"seed": "001", "pages": "34", "quote": "q"}]},
                    {"version": "0", "date": "2015-04-15", "summary": "Först"}],
        "experience": {"note": "", "source": {"seed": "001", "pages": "1", "assumption": "a"}},
        "layers": ["municipality:x"],
        "phases": [{"id": "a", "label": "A", "from_months": 0, "to_months": 12}, {"id": "b", "label": "B", "from_months": 12}],
        "checklists": [{
            "id": "lista", "label": "Lista", "due": {"months_after_start": 4}, "responsible": ["EC"], "handover_to": "EC",
            "requires": [], "source": {"seed": "001", "pages": "34", "quote": "q", "interpretation": "i"},
            "sections": [{"id": "s", "label": "S", "items": [
                {"id": "i1", "label": "I1", "comment": "c", "responsible": ["EJ"], "due": {"days_before_start": 1}},
                {"id": "i2", "label": "I2", "requires": ["i1"],
                 "due": {"days_after_hired": 7, "otherwise": {"days_before_start": 1}}},
                {"id": "i3", "label": "I3", "due": {"days_before_start": 0}}]}]}],
        "components": [
            {"id": "kurs", "kind": "course", "label": "Kurs", "source": {"seed": "001", "pages": "29", "quote": "q"},
             "organiser": {"id": "gr", "label": "GR", "source": {"seed": "001", "pages": "29", "quote": "q"}},
             "obligation": "duty",
             "target": {"max_experience_months_at_employment": 12, "label": "nya"},
             "window": {"clock": "employment", "from_months": 4, "to_months": 12}, "module_hours": 7.5,
             "module_hours_source": {"seed": "001", "pages": "38", "quote": "q", "assumption": "a"},
             "modules": [{"id": "m1", "label": "Modul 1", "content": ["a"], "material": [], "tasks": ["t"], "goals": ["g"]},
                         {"id": "m2", "label": "Modul 2", "requires": {"attended": ["m1"], "homework": ["m1"]}}],
             "certificate": {"requires": "all_modules_and_homework"}},
            {"id": "handledning", "kind": "supervision", "label": "Handledning", "obligation": "offer",
             "obligation_source": {"seed": "001", "pages": "30", "quote": "önskar"},
             "window": {"clock": "experience", "from_months": 12, "to_months": 24}, "sessions": 10, "session_hours": 2,
             "group": {"min": 6, "max": 8, "mix_municipalities": True},
             "certificate": {"min_sessions": 8, "within_months": 12}},
            {"id": "mentor", "kind": "mentor", "label": "Mentor", "other_municipality": True,
             "window": {"clock": "experience", "from_months": 24, "to_months": 36}},
            {"id": "introduktor", "kind": "introduktor", "label": "Introduktör",
             "window": {"clock": "employment", "from_months": 0, "to_months": 24},
             "hours_per_week": [{"from_months": 0, "to_months": 12, "hours": 4}]},
            {"id": "workshop", "kind": "annual", "label": "Workshop", "per_year": 1, "at_least": True,
             "obligation": "offer", "organiser": {"id": "fou-socialtjanst", "label": "Länsgemensam aktivitet"},
             "group": {"mix_municipalities": True}}],
        "recommendations": [{"id": "case_share", "label": "Andel", "value": 0.5,
                             "window": {"clock": "experience", "from_months": 0, "to_months": 12}}],
    },
    "overlay": {
        "format": 1, "overlay": "kungalv", "level": "municipality", "program": "gr-barn-unga", "label": "",
        "source": {"seed": "k1", "pages": "2", "quote": "q", "interpretation": "i"},
        "add_sections": [{"checklist": "introduktion", "id": "ny", "label": "Ny",
                          "source": {"seed": "k1", "pages": "3", "assumption": "a"}, "items": [
            {"id": "ny-1", "label": "Ny 1", "responsible": ["1:e"], "requires": ["nycklar"],
             "due": {"days_after_hired": 3, "otherwise": {"months_after_start": 1}}}]}],
        "add_items": [{"checklist": "introduktion", "section": "ny", "id": "ny-2", "label": "Ny 2",
                       "due": {"days_before_start": 0}, "source": {"seed": "k1", "pages": "4", "quote": "q"}}],
        "remove_items": ["visitkort"],
        "set_responsible": {"valkomstbrev": ["EC"], "ny-2": ["AD", "SJ"]},
    },
}


def _set(path, value):
    def f(doc):
        *parent, last = path
        for p in parent:
            doc = doc[p]
        doc[last] = value
    return f


def _del(path):
    def f(doc):
        *parent, last = path
        for p in parent:
            doc = doc[p]
        del doc[last]
    return f


def _all(*changes):
    def f(doc):
        for change in changes:
            change(doc)
    return f


ITEM0 = ["checklists", 0, "items", 0]
PITEM1 = ["checklists", 0, "sections", 0, "items", 1]  # the program item due on the hiring decision
# (schema, what is broken, change, pointer at or under which the schema must complain, keyword or None)
NEGATIVE = [
    ("evaluation", 'an item with state "finished"', _set(ITEM0 + ["state"], "finished"), "/checklists/0/items/0/state", "enum"),
    ("evaluation", "no as_of", _del(["as_of"]), "", "required"),
    ("evaluation", "an unknown top-level key", _set(["grade"], "A"), "", "additionalProperties"),
    ("evaluation", "EJ with another code", _set(ITEM0 + ["responsible"], ["EC", "EJ"]), "/checklists/0/items/0/responsible", None),
    ("evaluation", "a done item without a date", _set(["checklists", 0, "items", 2, "done"], None), "/checklists/0/items/2/done", None),
    ("evaluation", "an open item with a date", _set(ITEM0 + ["done"], "2026-02-01"), "/checklists/0/items/0/done", None),
    ("evaluation", "a blocked item without blocked_by", _set(["checklists", 0, "items", 1, "state"], "blocked"), "/checklists/0/items/1", "required"),
    ("evaluation", "an item without due", _del(ITEM0 + ["due"]), "/checklists/0/items/0", "required"),
    ("evaluation", "a malformed date", _set(ITEM0 + ["due"], "2026-5-11"), "/checklists/0/items/0/due", None),
    ("evaluation", "an unknown action kind", _set(["actions", 0, "kind"], "phone"), "/actions/0/kind", "enum"),
    ("evaluation", "an action for EJ", _set(["actions", 0, "role"], "EJ"), "/actions/0/role", "not"),
    ("evaluation", "an item action without state", _del(["actions", 0, "state"]), "/actions/0", "required"),
    ("evaluation", "an unknown warning code", _set(["warnings", 0, "code"], "oops"), "/warnings/0/code", "enum"),
    ("evaluation", "a negative count", _set(["checklists", 0, "summary", "pending"], -1), "/checklists/0/summary/pending", "minimum"),
    ("evaluation", "to_months as a string", _set(["phase", "to_months"], "24"), "/phase/to_months", "type"),
    ("evaluation", "an unknown language", _set(["language"], "de"), "/language", "enum"),
    ("evaluation", "no components key", _del(["components"]), "", "required"),
    ("evaluation", "an unknown eligibility", _set(["components", 0, "eligibility"], "ready"), "/components/0/eligibility", "enum"),
    ("evaluation", "a course with a holder", _set(["components", 0, "holder"], "p-1"), "/components/0", "enum"),
    ("evaluation", "supervision without sessions_counted", _del(["components", 1, "sessions_counted"]), "/components/1", "required"),
    ("evaluation", "an annual activity with a window", _set(["components", 4, "window"], {"from": "2026-01-01", "to": "2026-12-31"}), "/components/4/window", "type"),
    ("evaluation", "a window without to", _del(["components", 0, "window", "to"]), "/components/0/window", None),
    ("evaluation", "an unknown reason code", _set(["components", 0, "reasons", 0, "code"], "because"), "/components/0/reasons/0/code", "enum"),
    ("evaluation", "a completed course without completed_on", _set(["components", 0, "eligibility"], "completed"), "/components/0/completed_on", "type"),
    ("evaluation", "a module state not in the list", _set(["modules", 0, "state"], "done"), "/modules/0/state", "enum"),
    ("evaluation", "a locked module with nothing missing", _set(["modules", 2, "missing"], []), "/modules/2/missing", "minItems"),
    ("evaluation", "homework without a task", _set(["modules", 2, "homework_submitted"], "2026-05-02"), "/modules/2/homework_submitted", "type"),
    ("evaluation", "a certificate status not in the list", _set(["certificates", 0, "status"], "finished"), "/certificates/0/status", "enum"),
    ("evaluation", "a due certificate without id", _set(["certificates", 1, "certificate_id"], None), "/certificates/1/certificate_id", "type"),
    ("evaluation", "a malformed certificate id", _set(["certificates", 1, "certificate_id"], "intyg-1"), "/certificates/1/certificate_id", "pattern"),
    ("evaluation", "a recommendation without applies", _del(["recommendations", 0, "applies"]), "/recommendations/0", "required"),
    ("evaluation", "homework for someone else than SJ", _set(["actions", 5, "role"], "EC"), "/actions/5/role", "const"),
    ("evaluation", "an enrol action with an item", _set(["actions", 4, "item"], "m1"), "/actions/4", "enum"),
    ("evaluation", "an item without planned", _del(ITEM0 + ["planned"]), "/checklists/0/items/0", "required"),
    ("evaluation", "a planned date that is not a date", _set(ITEM0 + ["planned"], "2026-2-01"), "/checklists/0/items/0/planned", None),
    ("evaluation", "a planned item without due", _set(["checklists", 0, "items", 2, "due"], None), "/checklists/0/items/2/due", "type"),
    ("evaluation", "a citation with neither quote nor assumption", _set(["components", 0, "reasons", 0, "source"], {"seed": "001", "pages": "29"}), "/components/0/reasons/0/source", "anyOf"),
    ("evaluation", "a citation with the old note", _set(["warnings", 0, "source", "note"], "n"), "/warnings/0/source", "additionalProperties"),
    ("evaluation", "an unknown obligation", _set(["components", 0, "obligation"], "must"), "/components/0/obligation", "enum"),
    ("evaluation", "a component without obligation", _del(["components", 1, "obligation"]), "/components/1", "required"),
    ("evaluation", "a component without organiser", _del(["components", 0, "organiser"]), "/components/0", "required"),
    ("evaluation", "an organiser without label", _del(["components", 0, "organiser", "label"]), "/components/0/organiser", "required"),
    ("evaluation", "an organiser with its source", _set(["components", 0, "organiser", "source"], {"seed": "001", "pages": "29", "quote": "q"}), "/components/0/organiser", "additionalProperties"),
    ("evaluation", "a year state outside met, open, not_met and partial_year", _set(["components", 4, "years", 1, "state"], "partial"), "/components/4/years/1/state", "enum"),
    ("evaluation", "a not_targeted mentor with a holder", _all(_set(["components", 2, "eligibility"], "not_targeted"), _set(["components", 2, "holder"], "p-9")), "/components/2/holder", "type"),
    ("person", "an unknown field", _set(["employment_stat"], "2026-01-12"), "", "additionalProperties"),
    ("person", "no employment_start", _del(["employment_start"]), "", "required"),
    ("person", "an empty municipality", _set(["municipality"], ""), "/municipality", "minLength"),
    ("person", "a date that does not exist", _set(["employment_start"], "2026-02-30"), "/employment_start", "pattern"),
    ("person", "a year before 1900", _set(["hired_on"], "1899-12-31"), "/hired_on", "pattern"),
    ("person", "a leave kind not in the list", _set(["leaves", 0, "kind"], "vacation"), "/leaves/0/kind", "enum"),
    ("person", "an unknown role among people", _set(["people", "boss"], "p-1"), "/people", "additionalProperties"),
    ("person", "prior experience above 600 months", _set(["prior_experience_months"], 601), "/prior_experience_months", "maximum"),
    ("person", "prior experience as a string", _set(["prior_experience_months"], "12"), "/prior_experience_months", "type"),
    ("person", "EJ with another code", _set(["plan", "assignments", "nycklar"], ["EJ", "FA"]), "/plan/assignments/nycklar", None),
    ("person", "a lowercase code", _set(["plan", "assignments", "nycklar"], ["ec"]), "/plan/assignments/nycklar/0", "enum"),
    ("person", "an event type not in the list", _set(["events", 0, "type"], "party"), "/events/0/type", "enum"),
    ("person", "an item_done event with a module", _set(["events", 0, "module"], "m1"), "/events/0", "additionalProperties"),
    ("person", "a round on homework", _set(["events", 2, "round"], "2026-1"), "/events/2", "additionalProperties"),
    ("person", "an event without date", _del(["events", 1, "date"]), "/events/1", "required"),
    ("person", "a certificate on an attendance", _set(["events", 1, "certificate"], "c-1"), "/events/1", "additionalProperties"),
    ("person", "a mentor without profession_start", _del(["mentor", "profession_start"]), "/mentor", "required"),
    ("person", "an item id with a trailing newline", _set(["plan", "removed_items", 0], "visitkort\n"), "/plan/removed_items/0", "pattern"),
    ("person", "an item removed twice", _set(["plan", "removed_items"], ["visitkort", "visitkort"]), "/plan/removed_items", "uniqueItems"),
    ("person", "an added item with an unknown field", _set(["plan", "added_items", 0, "due"], {"months_after_start": 1}), "/plan/added_items/0", "additionalProperties"),
    ("person", "a planned date that is not a date", _set(["plan", "planned", "bbic"], "2026-04-31"), "/plan/planned/bbic", "pattern"),
    ("person", "a planned date as a number", _set(["plan", "planned", "bbic"], 20260430), "/plan/planned/bbic", "type"),
    ("person", "a planned date keyed by something not an id", _set(["plan", "planned", "BBIC"], "2026-04-30"), "/plan/planned", None),
    ("person", "an added item planned on a day that does not exist", _set(["plan", "added_items", 0, "planned"], "2026-02-29"), "/plan/added_items/0/planned", "pattern"),
    ("program", "a due rule with both kinds", _set(["checklists", 0, "due"], {"months_after_start": 4, "days_before_start": 1}), "/checklists/0/due", "oneOf"),
    ("program", "an empty due rule", _set(["checklists", 0, "due"], {}), "/checklists/0/due", "oneOf"),
    ("program", "months_after_start above 120", _set(["checklists", 0, "due"], {"months_after_start": 121}), "/checklists/0/due/months_after_start", "maximum"),
    ("program", "a negative from_months", _set(["phases", 0, "from_months"], -1), "/phases/0/from_months", "minimum"),
    ("program", "no phase", _set(["phases"], []), "/phases", "minItems"),
    ("program", "an id with capitals and a space", _set(["id"], "GR Barn"), "/id", "pattern"),
    ("program", "format 2", _set(["format"], 2), "/format", "const"),
    ("program", "an item with an unknown field", _set(["checklists", 0, "sections", 0, "items", 0, "owner"], "EC"), "/checklists/0/sections/0/items/0", "additionalProperties"),
    ("program", "handover to an unknown role", _set(["checklists", 0, "handover_to"], "boss"), "/checklists/0/handover_to", "enum"),
    ("program", "an empty label", _set(["checklists", 0, "sections", 0, "label"], ""), "/checklists/0/sections/0/label", "minLength"),
    ("program", "an unknown component kind", _set(["components", 4, "kind"], "party"), "/components/4/kind", "enum"),
    ("program", "a component field of another kind", _set(["components", 2, "sessions"], 10), "/components/2", "additionalProperties"),
    ("program", "a window on an annual activity", _set(["components", 4, "window"], {"clock": "employment", "from_months": 0, "to_months": 12}), "/components/4", "additionalProperties"),
    ("program", "a course without modules", _set(["components", 0, "modules"], []), "/components/0/modules", "minItems"),
    ("program", "a course without a window", _del(["components", 0, "window"]), "/components/0", "required"),
    ("program", "an unknown clock", _set(["components", 1, "window", "clock"], "calendar"), "/components/1/window/clock", "enum"),
    ("program", "more than 168 hours", _set(["components", 3, "hours_per_week", 0, "hours"], 200), "/components/3/hours_per_week/0/hours", "maximum"),
    ("program", "another course certificate rule", _set(["components", 0, "certificate", "requires"], "half"), "/components/0/certificate/requires", "const"),
    ("program", "a recommendation without value", _del(["recommendations", 0, "value"]), "/recommendations/0", "required"),
    ("program", "a citation with neither quote nor assumption", _set(["checklists", 0, "source"], {"seed": "001", "pages": "34"}), "/checklists/0/source", "anyOf"),
    ("program", "a citation with the old note", _set(["checklists", 0, "source", "note"], "n"), "/checklists/0/source", "additionalProperties"),
    ("program", "an empty quote", _set(["components", 0, "source", "quote"], ""), "/components/0/source/quote", "minLength"),
    ("program", "a citation without pages", _del(["experience", "source", "pages"]), "/experience/source", "required"),
    ("program", "a due rule on the hiring decision and on the start", _set(PITEM1 + ["due", "days_before_start"], 1), "/checklists/0/sections/0/items/1/due", "oneOf"),
    ("program", "days_after_hired without otherwise", _del(PITEM1 + ["due", "otherwise"]), "/checklists/0/sections/0/items/1/due", "dependentRequired"),
    ("program", "an otherwise on the hiring decision", _set(PITEM1 + ["due", "otherwise"], {"days_after_hired": 3, "otherwise": {"days_before_start": 1}}), "/checklists/0/sections/0/items/1/due/otherwise", "not"),
    ("program", "an otherwise with two kinds", _set(PITEM1 + ["due", "otherwise"], {"months_after_start": 1, "days_before_start": 1}), "/checklists/0/sections/0/items/1/due/otherwise", "oneOf"),
    ("program", "an otherwise without days_after_hired", _set(["checklists", 0, "due", "otherwise"], {"days_before_start": 1}), "/checklists/0/due", "dependentRequired"),
    ("program", "days_after_hired above 366", _set(PITEM1 + ["due", "days_after_hired"], 367), "/checklists/0/sections/0/items/1/due/days_after_hired", "maximum"),
    ("program", "an unknown obligation", _set(["components", 1, "obligation"], "must"), "/components/1/obligation", "enum"),
    ("program", "an obligation citation with neither quote nor assumption", _set(["components", 1, "obligation_source"], {"seed": "001", "pages": "30"}), "/components/1/obligation_source", "anyOf"),
    ("program", "an organiser without a label", _del(["components", 0, "organiser", "label"]), "/components/0/organiser", "required"),
    ("program", "an organiser id with capitals", _set(["components", 4, "organiser", "id"], "FoU"), "/components/4/organiser/id", "pattern"),
    ("program", "a supervision group without a size", _set(["components", 1, "group"], {"mix_municipalities": True}), "/components/1/group", "required"),
    ("program", "an annual group with min and no max", _set(["components", 4, "group", "min"], 4), "/components/4/group", "dependentRequired"),
    ("program", "a target on a mentor", _set(["components", 2, "target"], {"max_experience_months_at_employment": 12}), "/components/2", "additionalProperties"),
    ("program", "an empty component label", _set(["components", 3, "label"], ""), "/components/3/label", "minLength"),
    ("program", "a change without a date", _del(["changes", 0, "date"]), "/changes/0", "required"),
    ("program", "a change with an unknown field", _set(["changes", 1, "author"], "x"), "/changes/1", "additionalProperties"),
    ("program", "a change citing neither quote nor assumption", _set(["changes", 0, "sources", 0], {"seed": "001", "pages": "34"}), "/changes/0/sources/0", "anyOf"),
    ("overlay", "an unknown level", _set(["level"], "region"), "/level", "enum"),
    ("overlay", "an unknown field", _set(["add_item"], []), "", "additionalProperties"),
    ("overlay", "an item removed twice", _set(["remove_items"], ["visitkort", "visitkort"]), "/remove_items", "uniqueItems"),
    ("overlay", "an unknown code", _set(["set_responsible", "valkomstbrev"], ["XX"]), "/set_responsible/valkomstbrev/0", "enum"),
    ("overlay", "an added item without checklist", _del(["add_items", 0, "checklist"]), "/add_items/0", "required"),
    ("overlay", "an added section without items", _del(["add_sections", 0, "items"]), "/add_sections/0", "required"),
    ("overlay", "no program", _del(["program"]), "", "required"),
    ("overlay", "a citation with neither quote nor assumption", _set(["add_sections", 0, "source"], {"seed": "k1", "pages": "3"}), "/add_sections/0/source", "anyOf"),
    ("overlay", "a citation with the old note", _set(["source", "note"], "n"), "/source", "additionalProperties"),
    ("overlay", "a due rule with two kinds", _set(["add_items", 0, "due", "months_after_start"], 4), "/add_items/0/due", "oneOf"),
    ("overlay", "days_after_hired without otherwise", _del(["add_sections", 0, "items", 0, "due", "otherwise"]), "/add_sections/0/items/0/due", "dependentRequired"),
    ("overlay", "an otherwise on the hiring decision", _set(["add_sections", 0, "items", 0, "due", "otherwise"], {"days_after_hired": 1, "otherwise": {"days_before_start": 1}}), "/add_sections/0/items/0/due/otherwise", "not"),
]


def self_test(report, validators):
    for name, doc in VALID.items():
        if name not in validators:
            continue
        if report.validate(validators[name], doc, "self-test: valid %s document" % name):
            report.count("self-test documents accepted")
    for name, what, change, expected_ptr, keyword in NEGATIVE:
        if name not in validators:
            continue
        doc = copy.deepcopy(VALID[name])
        change(doc)
        errors = all_errors(validators[name], doc)
        where = "self-test: %s with %s" % (name, what)
        if not errors:
            report.fail(where, "accepted, but the library rejects it: %s.schema.json is too lax" % name)
            continue
        found = error_pointers(errors)
        hit = any((p == expected_ptr or p.startswith(expected_ptr + "/")) and (keyword is None or k == keyword)
                  for p, k in found)
        if not hit:
            report.fail(where, "rejected, but not at %s%s: %s" % (
                show_pointer(expected_ptr), " by %s" % keyword if keyword else "",
                "; ".join(describe(e) for e in errors[:3])))
            continue
        report.count("broken documents rejected")
    # A drifted copy of a shared definition must be reported.
    schemas = {name: v.schema for name, v in validators.items()}
    for name, key, change in (
            ("overlay", "source", lambda d: d["properties"].pop("assumption")),
            ("overlay", "due", lambda d: d["properties"].pop("days_after_hired")),
            ("overlay", "new_item", lambda d: d["properties"].pop("due")),
            ("person", "date", lambda d: d.update(pattern="^.*$"))):
        drifted = copy.deepcopy(schemas)
        change(drifted[name]["$defs"][key])
        where = "self-test: %s.schema.json with a drifted $defs/%s" % (name, key)
        if not any(n == name and ("/%s" % key) in p for n, p in shared_definition_problems(drifted)):
            report.fail(where, "not reported: the shared definition check cannot fail")
        else:
            report.count("drifted definitions reported")


# ----------------------------------------------------------------- main

def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: validate_schemas.py <project_root> <dump_dir>\n")
        return 2
    root = Path(argv[1]).resolve()
    dump_dir = Path(argv[2]).resolve()
    report = Report(root)

    validators = load_schemas(report, root / "data" / "schema")
    if len(validators) == len(SCHEMAS):
        evaluations = sorted(dump_dir.glob("*.json")) if dump_dir.is_dir() else []
        if not dump_dir.is_dir():
            report.fail(str(dump_dir), "the dump dir does not exist (run the C++ tests first: they dump evaluations there)")
        else:
            check_files(report, validators["evaluation"], evaluations, "evaluations", report.rel(dump_dir))
        check_files(report, validators["program"], sorted((root / "data" / "programs").glob("*.json")), "programs",
                    "data/programs")
        check_files(report, validators["overlay"], sorted((root / "data" / "overlays").glob("*.json")), "overlays",
                    "data/overlays")
        # The templates an author copies (docs/authoring.md) hold to the schemas too.
        check_files(report, validators["program"], [root / "data" / "templates" / "program.json"], "templates",
                    "data/templates")
        check_files(report, validators["overlay"], [root / "data" / "templates" / "overlay.json"], "templates",
                    "data/templates")
        # So does the invented example written from the guide (data/examples/README.md).
        examples = [(p, load_json(p)) for p in sorted((root / "data" / "examples").glob("*.json"))]
        check_files(report, validators["program"], [p for p, d in examples if "overlay" not in d], "examples",
                    "data/examples")
        check_files(report, validators["overlay"], [p for p, d in examples if "overlay" in d], "examples",
                    "data/examples")
        check_scenarios(report, validators["person"], root / "tests" / "scenarios")
        check_cohort(report, validators["person"], root / "examples" / "cohort.json")
        check_shared_definitions(report, validators)
        self_test(report, validators)

    summary = ", ".join("%d %s" % (n, k) for k, n in report.counts.items())
    if report.failures:
        for f in report.failures:
            sys.stderr.write("FAIL %s\n" % f)
        print("validate_schemas: FAILED, %d problem(s); checked %s" % (len(report.failures), summary or "nothing"))
        return 1
    print("validate_schemas: OK: %s" % summary)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
