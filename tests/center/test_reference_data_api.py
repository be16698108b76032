"""Catalog (ETag), calendar, licences and pre-applications."""

from __future__ import annotations

from datetime import date

from center.holidays import holiday_rows
from forms.working_days import WorkingCalendar


def test_catalog_is_the_forms_catalog_with_a_strong_etag(center, catalog):
    r = center.get("/catalog")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == catalog.to_dict()
    etag = r.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = center.get("/catalog")
    assert again.headers["etag"] == etag  # stable for the same content


def test_catalog_if_none_match(center):
    etag = center.get("/catalog").headers["etag"]
    r = center.get("/catalog", headers={"If-None-Match": etag})
    assert r.status_code == 304
    assert r.content == b""
    assert r.headers["etag"] == etag
    r = center.get("/catalog", headers={"If-None-Match": '"stale", ' + etag})
    assert r.status_code == 304
    r = center.get("/catalog", headers={"If-None-Match": '"stale"'})
    assert r.status_code == 200


def test_calendar_2025_as_published(center):
    r = center.get("/calendar/2025")
    assert r.status_code == 200
    days = {d["date"]: d for d in r.json()["days"]}
    assert days["2025-01-28"] == {"date": "2025-01-28", "kind": "holiday", "name": "春节"}
    assert days["2025-01-26"]["kind"] == "adjusted_workday"
    assert days["2025-10-11"]["kind"] == "adjusted_workday"
    holidays = [d for d in days.values() if d["kind"] == "holiday"]
    workdays = [d for d in days.values() if d["kind"] == "adjusted_workday"]
    assert (len(holidays), len(workdays)) == (28, 5)


def test_calendar_2026_feeds_the_working_calendar(center):
    doc = center.get("/calendar/2026").json()
    cal = WorkingCalendar.from_api([doc])
    assert not cal.is_working_day(date(2026, 2, 16))  # 除夕
    assert cal.is_working_day(date(2026, 2, 14))  # Saturday worked
    assert cal.is_working_day(date(2026, 9, 20))  # Sunday worked
    # 2026-09-30 + 1 working day: 10-01..10-07 off, so Thursday 10-08.
    assert cal.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)


def test_calendar_2027_has_the_statutory_days(center):
    names = {d["name"] for d in center.get("/calendar/2027").json()["days"]}
    assert names == {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}


def test_calendar_unknown_year_is_404_problem(center):
    for year in ("2031", "1800"):
        r = center.get(f"/calendar/{year}")
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"
        assert "节假日安排" in r.json()["detail"]
    assert center.get("/calendar/abc").status_code == 422


def test_holiday_table_has_no_contradictions():
    rows = holiday_rows()
    assert len({d for d, _, _ in rows}) == len(rows)
    holidays = {d for d, k, _ in rows if k == "holiday"}
    workdays = {d for d, k, _ in rows if k == "adjusted_workday"}
    assert all(d.weekday() >= 5 for d in workdays)  # 调休上班 is always a weekend day
    assert not holidays & workdays


def test_licences_of_a_person_and_of_a_business(center):
    r = center.get("/licences", params={"holder_id": "610104199001011234"})
    assert r.status_code == 200
    kinds = {lic["type"] for lic in r.json()["licences"]}
    assert kinds == {"hukou", "marriage"}
    marriage = next(x for x in r.json()["licences"] if x["type"] == "marriage")
    assert marriage["name"] == "结婚证" and marriage["level"] == "A"
    assert marriage["issued_on"] == "2018-05-20" and marriage["valid_to"] is None
    shop = center.get("/licences", params={"holder_id": "91610100ma6tg1234e"}).json()
    assert [x["name"] for x in shop["licences"]] == ["营业执照"]
    assert center.get("/licences", params={"holder_id": "110101190001011009"}).json() == {
        "licences": []
    }


def test_licences_need_a_holder(center):
    r = center.get("/licences")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "holder_id"


def test_pre_application_by_code(center):
    r = center.get("/pre-applications/ys2026-demo02p")  # typed lower-case, in groups
    assert r.status_code == 200
    body = r.json()
    assert body["code"] == "YS2026DEMO02P"
    assert body["applicant"]["name"] == "赵秀英"
    assert len(body["item_codes"]) == 2
    assert body["submitted_at"] == "2026-01-06T14:05:00+08:00"
    mistyped = center.get("/pre-applications/YS2026DEMO03P")  # check character wrong
    assert mistyped.status_code == 422
    assert "校验位不符" in mistyped.json()["detail"]
    assert center.get("/pre-applications/YS0000").status_code == 422
    missing = center.get("/pre-applications/YS2026DEMO03" + _check("2026DEMO03"))
    assert missing.status_code == 404
    assert "预审编号" in missing.json()["detail"]


def _check(body: str) -> str:
    from stdnum.iso7064 import mod_37_2

    return mod_37_2.calc_check_digit(body)
