"""CPD rules: every period, count and gap below is worked out by hand."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from reflections import cpd_rules
from reflections.cpd_rules import RULES, CpdActivity, Gap, cpd_gaps, cpd_standing

TODAY = dt.date(2026, 11, 23)


def d(iso):
    return dt.date.fromisoformat(iso)


def act(day, *, end=None, hours=None, kind="", peer=False, complete=True):
    return CpdActivity(
        date=d(day),
        end_date=d(end) if end else None,
        hours=hours,
        activity_type=kind,
        has_peer_reflection=peer,
        complete=complete,
    )


def standing(regulator, activities=(), *, profession="social_worker", renewal=None, today=TODAY):
    return cpd_standing(
        regulator=regulator,
        profession=profession,
        renewal_date=d(renewal) if renewal else None,
        activities=activities,
        today=today,
    )


# The rules as data


def test_there_is_a_rule_for_each_regulator_with_its_sources_and_date_checked():
    assert set(RULES) == {"swe", "niscc", "hcpc", "scw"}
    for rule in RULES.values():
        assert rule.sources
        assert all(url.startswith("http") for url in rule.sources)
        assert rule.checked_on == dt.date(2026, 11, 23)


def test_changing_a_rules_data_changes_the_standing(monkeypatch):
    monkeypatch.setitem(RULES, "swe", dataclasses.replace(RULES["swe"], min_records=3))
    result = standing("swe", [act("2026-01-10", peer=True), act("2026-03-01")])
    assert result.needed == ("Record 1 more piece of CPD.",)


def test_an_unknown_or_missing_regulator_raises_value_error():
    for code in ("", "gmc"):
        with pytest.raises(ValueError):
            standing(code)


# Social Work England


def test_swe_year_runs_from_1_december_to_30_november_with_days_left_to_the_deadline():
    result = standing("swe")
    assert result.period == (d("2025-12-01"), d("2026-11-30"))
    assert result.days_left == 7
    assert result.notes == ()  # no renewal date needed


def test_swe_30_november_is_the_last_day_of_the_year():
    result = standing("swe", today=d("2026-11-30"))
    assert result.period == (d("2025-12-01"), d("2026-11-30"))
    assert result.days_left == 0


def test_swe_a_new_year_starts_on_1_december_and_last_years_records_no_longer_count():
    records = [act("2026-01-10", peer=True), act("2026-11-20")]
    result = standing("swe", records, today=d("2026-12-01"))
    assert result.period == (d("2026-12-01"), d("2027-11-30"))
    assert result.days_left == 364
    assert result.records == 0
    assert result.met is False


def test_swe_year_in_a_leap_year_counts_29_february():
    # 29 Feb 2028 to 30 Nov 2028: 31+30+31+30+31+31+30+31+30 = 275 days.
    result = standing("swe", today=d("2028-02-29"))
    assert result.period == (d("2027-12-01"), d("2028-11-30"))
    assert result.days_left == 275


def test_swe_two_records_with_one_peer_reflection_meet_the_requirement():
    result = standing("swe", [act("2025-12-01", peer=True), act("2026-06-15")])
    assert (result.records, result.peer_reflections) == (2, 1)
    assert result.met is True
    assert result.needed == ()


def test_swe_two_records_without_a_peer_reflection_do_not_meet_the_requirement():
    result = standing("swe", [act("2026-02-01"), act("2026-06-15")])
    assert result.met is False
    assert result.needed == ("Include a peer reflection in 1 more piece of CPD.",)


def test_swe_with_no_records_says_both_what_pieces_and_peer_reflection_are_needed():
    result = standing("swe")
    assert result.needed == (
        "Record 2 more pieces of CPD.",
        "Include a peer reflection in 1 more piece of CPD.",
    )
    assert result.requirement == (
        "Record at least 2 pieces of CPD in each registration year "
        "(1 December to 30 November), at least 1 of them with a peer reflection."
    )


def test_swe_ignores_drafts_last_years_records_and_records_dated_after_today():
    records = [
        act("2026-02-01", peer=True, complete=False),  # draft
        act("2025-11-30", peer=True),  # last registration year
        act("2026-11-24", peer=True),  # tomorrow
        act("2026-03-01"),
    ]
    result = standing("swe", records)
    assert (result.records, result.peer_reflections) == (1, 0)
    assert result.met is False


# Northern Ireland Social Care Council

NISCC_RECORDS = [
    act("2023-03-01", hours=Decimal("40")),
    act("2025-01-15", hours=Decimal("30.5")),
    act("2026-10-01", hours=Decimal("20.25")),
]


def test_niscc_social_worker_needs_90_hours_in_the_3_years_ending_on_renewal():
    result = standing("niscc", NISCC_RECORDS, renewal="2027-06-30")
    assert result.period == (d("2024-07-01"), d("2027-06-30"))
    assert result.hours == Decimal("50.75")  # 30.5 + 20.25; the 2023 record is too old
    assert result.hours_needed == Decimal("39.25")
    assert result.needed == ("Record 39.25 more hours of learning.",)
    assert result.met is False
    # 24-30 Nov (7) + Dec 31 + Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30.
    assert result.days_left == 219
    assert "3-year registration period" in result.requirement


def test_niscc_social_care_worker_has_5_years_for_the_same_90_hours():
    result = standing("niscc", NISCC_RECORDS, profession="social_care_worker", renewal="2027-06-30")
    assert result.period == (d("2022-07-01"), d("2027-06-30"))
    assert result.hours == Decimal("90.75")
    assert result.hours_needed == Decimal("0")
    assert result.needed == ()
    assert result.met is True
    assert "5-year registration period" in result.requirement


def test_niscc_other_registrants_have_3_years():
    result = standing("niscc", profession="other", renewal="2027-06-30")
    assert result.period == (d("2024-07-01"), d("2027-06-30"))


def test_niscc_hours_are_summed_exactly_as_decimals():
    records = [act("2026-01-01", hours=Decimal("29.9")) for _ in range(3)]
    records.append(act("2026-02-01"))  # no hours recorded: counts as 0
    result = standing("niscc", records, renewal="2027-06-30")
    assert result.hours == Decimal("89.7")
    assert result.hours_needed == Decimal("0.3")
    assert result.needed == ("Record 0.3 more hours of learning.",)


def test_niscc_period_ending_29_february_starts_on_1_march_three_years_before():
    records = [act("2025-02-28", hours=Decimal(10)), act("2025-03-01", hours=Decimal(5))]
    result = standing("niscc", records, renewal="2028-02-29")
    assert result.period == (d("2025-03-01"), d("2028-02-29"))
    assert result.hours == Decimal(5)


def test_niscc_without_a_renewal_date_shows_the_years_up_to_today_and_says_so():
    result = standing("niscc", NISCC_RECORDS)
    assert result.period == (d("2023-11-24"), TODAY)
    assert result.hours == Decimal("50.75")
    assert result.days_left is None
    assert "renewal date" in result.notes[0]


def test_niscc_renewal_date_in_the_past_rolls_on_to_the_current_period_and_says_so():
    result = standing("niscc", NISCC_RECORDS, renewal="2026-06-30")
    assert result.period == (d("2026-07-01"), d("2029-06-30"))
    assert result.hours == Decimal("20.25")
    assert "30 June 2026" in result.notes[0]


# Health and Care Professions Council (renewal 31 May 2027: window 1 Jun 2025 - 31 May 2027)


def test_hcpc_one_type_of_activity_is_not_enough():
    records = [act("2025-07-01", kind="reading"), act("2025-09-01", kind="reading")]
    result = standing("hcpc", records, profession="other", renewal="2027-05-31")
    assert result.activity_types == ("self_directed",)
    assert result.needed == ("Add 1 more type of learning activity.",)
    assert result.met is False


def test_hcpc_two_kinds_of_formal_learning_are_one_type():
    records = [act("2025-07-01", kind="e_learning"), act("2025-09-01", kind="course")]
    result = standing("hcpc", records, profession="other", renewal="2027-05-31")
    assert result.activity_types == ("formal",)
    assert result.met is False


def test_hcpc_two_types_meet_the_requirement_and_days_left_run_to_renewal():
    records = [act("2025-05-31", kind="course"), act("2026-10-01", kind="reading")]
    result = standing("hcpc", records, profession="other", renewal="2027-05-31")
    assert result.period == (d("2025-06-01"), d("2027-05-31"))
    assert result.records == 1  # 31 May 2025 is outside the window
    records.append(act("2026-11-01", kind="supervision"))
    result = standing("hcpc", records, profession="other", renewal="2027-05-31")
    assert result.activity_types == ("self_directed", "work_based")
    assert result.met is True
    assert result.needed == ()
    # 24-30 Nov (7) + Dec 31 + Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31.
    assert result.days_left == 189


def test_hcpc_finds_leading_middle_and_trailing_gaps_of_three_months_or_more():
    records = [
        act("2025-09-15", kind="reading"),
        act("2025-10-01", end="2025-10-03", kind="course"),
        act("2026-08-01", kind="supervision"),
    ]
    result = standing("hcpc", records, profession="other", renewal="2027-05-31")
    assert result.gaps == (
        # Jun 30 + Jul 31 + Aug 31 + 1-14 Sep = 106.
        Gap(d("2025-06-01"), d("2025-09-14"), 106),
        # 16-30 Sep is only 15 days, so not flagged. From the day after the course ends:
        # 4-31 Oct (28) + Nov 30 + Dec 31 + Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31
        # + Jun 30 + Jul 31 = 301.
        Gap(d("2025-10-04"), d("2026-07-31"), 301),
        # To today: 2-31 Aug (30) + Sep 30 + Oct 31 + 1-23 Nov = 114.
        Gap(d("2026-08-02"), d("2026-11-23"), 114),
    )
    assert result.met is True  # gaps are to be explained, not a failure
    assert "Explain in your CPD profile" in result.notes[-1]


def test_hcpc_a_continuous_record_has_no_gaps():
    days = ["2025-06-01", "2025-08-01", "2025-10-01", "2025-12-01", "2026-02-01"]
    days += ["2026-04-01", "2026-06-01", "2026-08-01", "2026-10-01", "2026-11-20"]
    records = [act(day, kind="reading") for day in days] + [act("2026-05-05", kind="course")]
    result = standing("hcpc", records, profession="other", renewal="2027-05-31")
    assert result.gaps == ()
    assert result.notes == ()


def test_hcpc_without_a_renewal_date_looks_at_the_two_years_up_to_today_and_says_so():
    result = standing("hcpc", [act("2024-11-24", kind="reading")], profession="other")
    assert result.period == (d("2024-11-24"), TODAY)
    assert result.days_left is None
    assert result.records == 1
    assert "renewal date" in result.notes[0]


def test_a_gap_of_three_calendar_months_is_flagged_and_one_day_less_is_not():
    # 11 Jan to 9 Apr is a day short of three months; 11 Jan to 10 Apr is three months:
    # 21 + 28 + 31 + 10 = 90 days.
    short = [act("2026-01-10"), act("2026-04-10")]
    assert cpd_gaps(short, start=d("2026-01-10"), end=d("2026-04-10"), months=3) == ()
    full = [act("2026-01-10"), act("2026-04-11")]
    assert cpd_gaps(full, start=d("2026-01-10"), end=d("2026-04-11"), months=3) == (
        Gap(d("2026-01-11"), d("2026-04-10"), 90),
    )


def test_a_multi_day_activity_covers_every_day_from_start_to_end():
    start, end = d("2025-10-01"), d("2026-01-04")
    course = act("2025-10-01", end="2025-10-05")
    assert cpd_gaps([course, act("2026-01-04")], start=start, end=end, months=3) == ()
    # Without its end date the course covers 1 October only:
    # 2-31 Oct (30) + Nov 30 + Dec 31 + 1-3 Jan = 94 days.
    one_day = act("2025-10-01")
    assert cpd_gaps([one_day, act("2026-01-04")], start=start, end=end, months=3) == (
        Gap(d("2025-10-02"), d("2026-01-03"), 94),
    )


def test_a_gap_ending_in_a_leap_february_is_measured_to_29_february():
    # 30 Nov 2027 + 3 months is 29 Feb 2028 (the month's last day).
    assert cpd_rules.shift_date(d("2027-11-30"), months=3) == d("2028-02-29")
    assert cpd_rules.shift_date(d("2028-02-29"), years=-3) == d("2025-02-28")
    gaps = cpd_gaps([act("2027-11-29")], start=d("2027-11-29"), end=d("2028-02-28"), months=3)
    assert gaps == (Gap(d("2027-11-30"), d("2028-02-28"), 91),)


# Social Care Wales


def test_scw_has_no_target_shows_the_count_and_reminds_to_discuss_with_the_manager():
    records = [act("2025-01-10"), act("2026-06-01"), act("2026-07-01", complete=False)]
    result = standing("scw", records, renewal="2027-03-31")
    assert result.period == (d("2024-04-01"), d("2027-03-31"))
    assert result.records == 2
    assert result.met is None
    assert result.needed == ()
    assert result.hours_needed is None
    assert result.notes == ("Discuss your CPD record with your manager.",)
    # 24-30 Nov (7) + Dec 31 + Jan 31 + Feb 28 + Mar 31.
    assert result.days_left == 128
    assert "no hours target" in result.requirement
