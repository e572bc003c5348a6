"""The closed vocabularies (roles, named roles, event types, leave kinds) and
the rule of which keys an error may name live once, in the C++ library: the
JSON Schemas and every Python module that lists one agree with its tables."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest
from scenario_support import ROOT

from yrkesresan import _core
from yrkesresan.cli import _report, _tables
from yrkesresan.errors import _member_path

SCHEMAS = ROOT / "data" / "schema"


def schema(name: str) -> Dict[str, Any]:
    document: Dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    return document


def test_the_tables_are_spelled_as_the_contract_says() -> None:
    assert _core.roles() == ["EC", "1:e", "FA", "AD", "SJ", "EJ"]
    assert _core.named_roles() == ["EC", "1:e", "FA", "AD", "introduktor", "mentor"]
    assert _core.event_types() == ["item_done", "module_attended", "homework_submitted", "session_attended",
                                   "certificate_issued"]
    assert _core.leave_kinds() == ["parental", "sick", "study", "other"]


@pytest.mark.parametrize("name", ["program", "overlay", "person", "evaluation"])
def test_each_schema_lists_the_roles_of_the_table(name: str) -> None:
    assert schema(name)["$defs"]["code"]["enum"] == _core.roles()


def test_the_person_schema_lists_the_tables() -> None:
    person = schema("person")
    assert list(person["properties"]["people"]["properties"]) == _core.named_roles()
    assert person["$defs"]["event"]["properties"]["type"]["enum"] == _core.event_types()
    kinds: List[List[str]] = [d["properties"]["kind"]["enum"] for d in person["$defs"].values()
                              if "kind" in d.get("properties", {})]
    assert kinds == [_core.leave_kinds()]


def test_the_command_line_takes_the_tables() -> None:
    assert list(_report.ROLE_ORDER) == _core.roles()
    assert list(_tables._EVENT_FIELD) == _core.event_types()


@pytest.mark.parametrize("key", ["employment_start", "EC", "1:e", "SJ", "$schema", "@id", "12345", "k" * 64])
def test_a_key_shaped_like_a_field_is_named(key: str) -> None:
    assert _core.key_may_be_shown(key)
    assert _member_path("/people", key) == "/people/" + key


@pytest.mark.parametrize("key", ["Astrid Canarysdotter", "191212121212", "19121212-1212", "123456", "Åsa", "x y",
                                 "k" * 65, "", "ec\u0000", "\ud800"])
def test_a_name_or_a_personnummer_is_not(key: str) -> None:
    assert _member_path("/people", key) == "/people"
