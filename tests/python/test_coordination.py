"""Regional coordination through Python (issue 6): the same report as C++,
frames for groups and pairs, the algorithms over DataFrames, errors with paths."""

from __future__ import annotations

import datetime
import itertools
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import yrkesresan

pd = pytest.importorskip("pandas")

AS_OF = datetime.date(2026, 12, 1)
TERM = (datetime.date(2027, 1, 1), datetime.date(2027, 6, 30))


def person(id: str, municipality: str, employment_start: Any, **more: Any) -> Dict[str, Any]:
    return {"id": id, "municipality": municipality, "employment_start": employment_start, **more}


def region() -> List[Dict[str, Any]]:
    """Supervision candidates from six municipalities (one holding most), mentor
    adepts, newcomers for the course with introduktörer."""
    persons = [
        person("c-open", "ale", "2026-06-01", people={"introduktor": "i-1"}),
        person("c-opens", "kungalv", "2026-09-01", people={"introduktor": "i-2"}),
        person("c-later", "molndal", datetime.date(2026, 11, 15), people={"introduktor": "i-2"}),
    ]
    munis = ["goteborg"] * 9 + ["ale", "ale", "kungalv", "molndal", "partille", "lerum"]
    for i, m in enumerate(munis):
        persons.append(person(f"s-{i:02d}", m, f"2025-{7 + i % 5:02d}-01"))
    persons += [person("a-1", "goteborg", "2024-06-01"), person("a-2", "goteborg", "2024-05-01"),
                person("a-3", "ale", "2024-04-01"), person("a-4", "stenungsund", "2024-02-01")]
    return persons


MENTORS = [
    {"id": "m-goteborg", "municipality": "goteborg", "profession_start": "2012-01-01", "capacity": 2},
    {"id": "m-ale", "municipality": "ale", "profession_start": "2019-08-15"},
]


@pytest.fixture(scope="module")
def gr() -> yrkesresan.Program:
    return yrkesresan.Program.builtin("gr-barn-unga")


def test_report_sections_and_frames(gr: yrkesresan.Program, root: Path) -> None:
    report = yrkesresan.coordinate(gr, region(), as_of=AS_OF, term=TERM, mentors=MENTORS)
    assert isinstance(report, yrkesresan.CoordinationReport)
    assert report.summary["persons"] == 22

    starts = report.course_starts
    assert list(starts["person"]) == ["c-open", "c-opens", "c-later"]
    assert starts.loc[0, "closes_in_term"]
    assert starts.loc[2, "window_from"] == datetime.date(2027, 3, 15)

    groups = report.groups
    assert set(groups["group"]) == {1, 2}
    assert len(groups) == 16  # the 15, and c-open whose supervision window opens in June
    per_group = groups.groupby("group")["municipality"].agg(lambda s: s.value_counts().max())
    assert per_group.max() == 5  # goteborg's 9 split 5 + 4
    assert report.unplaced.empty

    pairs = report.pairs
    assert len(pairs) == 3
    assert (pairs["adept_municipality"] != pairs["mentor_municipality"]).all()
    assert (pairs["mentor_experience_months"] > pairs["adept_experience_months"]).all()
    assert list(report.unmatched["reason"]) == ["mentors_at_capacity"]

    hours = report.introduktor_hours
    assert set(hours["introduktor"].dropna()) == {"i-1", "i-2"}
    assert hours[hours["introduktor"] == "i-2"]["hours"].sum() == pytest.approx(2 * 181 * 4 / 7, abs=0.02)
    assert report.certificates_due.empty
    assert not report.windows_passed.empty

    # The document validates against the schema the C ABI and C++ share.
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((root / "data" / "schema" / "coordination.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report.document)


def test_same_report_whatever_the_order(gr: yrkesresan.Program) -> None:
    persons = region()
    first = yrkesresan.coordinate(gr, persons, as_of=AS_OF, term=TERM, mentors=MENTORS).document
    again = yrkesresan.coordinate(gr, list(reversed(persons)), as_of=AS_OF, term=TERM,
                                  mentors=list(reversed(MENTORS))).document
    assert first["supervision"] == again["supervision"]
    assert first["mentoring"][0]["pairs"] == again["mentoring"][0]["pairs"]


def test_mentors_as_a_frame_and_records_as_json_text(gr: yrkesresan.Program) -> None:
    mentors = pd.DataFrame(MENTORS).assign(profession_start=lambda f: pd.to_datetime(f["profession_start"]))
    persons = [json.dumps(p, default=str) for p in region()]
    report = yrkesresan.coordinate(gr, persons, as_of=AS_OF, term=TERM, mentors=mentors, language="en")
    assert len(report.pairs) == 3
    assert report.unmatched.loc[0, "message"].startswith("There is one possible mentor")


def test_errors_point_into_the_request(gr: yrkesresan.Program) -> None:
    persons = region()
    persons[4]["employment_start"] = "2026-02-30"
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.coordinate(gr, persons, as_of=AS_OF, term=TERM)
    assert e.value.path == "/persons/4/employment_start"
    with pytest.raises(TypeError):
        yrkesresan.coordinate(gr, region(), as_of=datetime.datetime(2026, 12, 1), term=TERM)  # type: ignore[arg-type]


def test_groups_over_a_frame_reach_the_lower_bound() -> None:
    # One municipality holding most: N = 5, 6, 9, 13, 15, 17.
    for n in (5, 6, 9, 13, 15, 17):
        frame = pd.DataFrame({"id": [f"p-{i:02d}" for i in range(n)],
                              "municipality": ["goteborg"] * (n - 2) + ["ale", "lerum"]})
        out = yrkesresan.form_supervision_groups(frame, min_size=6, max_size=8)
        objective = out.attrs["objective"]
        assert objective["same_municipality_pairs"] == objective["pairs_lower_bound"]
        placed = out["group"].notna()
        assert int(placed.sum()) == objective["placed"] == (0 if n < 6 else min(n, (n // 6) * 8))
        sizes = out[placed].groupby("group").size()
        assert sizes.between(6, 8).all()
        expected = "too_few_people" if n < 6 else "groups_full"
        assert set(out.loc[~placed, "reason"]) <= {expected}


def test_groups_latest_start_waits() -> None:
    frame = pd.DataFrame({"id": [f"p-{i:02d}" for i in range(17)],
                          "municipality": ["goteborg"] * 13 + ["ale"] * 2 + ["lerum"] * 2,
                          "start_by": pd.date_range("2027-01-31", periods=17, freq="D")})
    out = yrkesresan.form_supervision_groups(frame, min_size=6, max_size=8)
    assert list(out.loc[out["group"].isna(), "id"]) == ["p-12"]  # goteborg's latest


def test_matching_over_frames_is_maximum() -> None:
    adepts = pd.DataFrame({"id": ["a1", "a2"], "municipality": ["k1", "k2"], "experience_months": [30, 30]})
    mentors = pd.DataFrame({"id": ["m1", "m2"], "municipality": ["k2", "k3"], "experience_months": [60, 60],
                            "capacity": [1, 1]})
    out = yrkesresan.match_mentors(adepts, mentors)
    assert list(out["mentor"]) == ["m1", "m2"]
    assert out.attrs["remaining_capacity"] == [0, 0]
    alone = yrkesresan.match_mentors(adepts.iloc[:1], mentors.iloc[:1].assign(municipality="k1"))
    assert alone.loc[0, "reason"] == "no_eligible_mentor"
    assert pd.isna(alone.loc[0, "mentor"])


def test_matching_agrees_with_exhaustive_search() -> None:
    import random
    rng = random.Random(6)
    for _ in range(60):
        am = [rng.choice("xyz") for _ in range(5)]
        ae = [rng.randint(24, 30) for _ in range(5)]
        mm = [rng.choice("xyz") for _ in range(3)]
        me = [rng.randint(24, 34) for _ in range(3)]
        mc = [rng.randint(0, 2) for _ in range(3)]
        adepts = pd.DataFrame({"id": [f"a{i}" for i in range(5)], "municipality": am, "experience_months": ae})
        mentors = pd.DataFrame({"id": [f"m{i}" for i in range(3)], "municipality": mm, "experience_months": me,
                                "capacity": mc})
        out = yrkesresan.match_mentors(adepts, mentors)
        best = 0
        for choice in itertools.product(range(-1, 3), repeat=5):
            used = [0, 0, 0]
            ok = True
            for a, m in enumerate(choice):
                if m >= 0:
                    used[m] += 1
                    ok = ok and am[a] != mm[m] and me[m] > ae[a] and used[m] <= mc[m]
            if ok:
                best = max(best, sum(m >= 0 for m in choice))
        assert int(out["mentor"].notna().sum()) == best


def test_frame_errors() -> None:
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.form_supervision_groups(pd.DataFrame({"id": ["a"], "kommun": ["x"]}), min_size=6, max_size=8)
    assert e.value.path == "/candidates/kommun"
    with pytest.raises(yrkesresan.Error) as e:
        yrkesresan.form_supervision_groups(pd.DataFrame({"id": ["a", "a"], "municipality": ["x", "y"]}),
                                           min_size=1, max_size=2)
    assert e.value.code == "duplicate_id"
    with pytest.raises(yrkesresan.Error):
        yrkesresan.form_supervision_groups(pd.DataFrame({"id": ["a"], "municipality": ["x"]}), min_size=3, max_size=2)
