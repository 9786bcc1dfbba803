import dataclasses
import datetime

import pytest

from reflections.privacy import LABELS, Finding, find_identifiers

TODAY = datetime.date(2026, 5, 1)


def found(text, today=TODAY):
    """Return (kind, text) for each finding in one field."""
    return [(f.kind, f.text) for f in find_identifiers({"body": text}, today=today)]


def nhs_check_digit(nine_digits):
    """Return the NHS modulus 11 check digit for nine digits, or None if there is none."""
    total = sum(int(d) * w for d, w in zip(nine_digits, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def valid_nhs_numbers():
    numbers = []
    for prefix in ("401023213", "450557710", "685321054", "720045968", "485777345", "999123456"):
        check = nhs_check_digit(prefix)
        if check is not None:
            numbers.append(prefix + str(check))
    return numbers


def spaced(number):
    return f"{number[:3]} {number[3:6]} {number[6:]}"


# NHS numbers


def test_the_check_digit_helper_agrees_with_a_known_valid_nhs_number():
    assert nhs_check_digit("943476591") == 9


@pytest.mark.parametrize("written", ["943 476 5919", "943-476-5919", "9434765919"])
def test_a_valid_nhs_number_is_found_in_a_reflection(written):
    text = f"I checked his NHS number ({written}) against the referral before the visit."

    assert found(text) == [("nhs_number", written)]


@pytest.mark.parametrize("number", valid_nhs_numbers())
def test_numbers_that_pass_the_modulus_11_check_are_nhs_numbers(number):
    assert found(f"NHS no. {spaced(number)} was on the letter.") == [("nhs_number", spaced(number))]


@pytest.mark.parametrize("number", valid_nhs_numbers())
def test_numbers_with_the_wrong_check_digit_are_not_nhs_numbers(number):
    wrong = number[:9] + str((int(number[9]) + 1) % 10)

    assert found(f"NHS no. {spaced(wrong)} was on the letter.") == []


def test_nine_digits_whose_check_digit_would_be_10_never_make_an_nhs_number():
    prefix = next(
        f"{n:09d}" for n in range(100000000, 100001000) if nhs_check_digit(f"{n:09d}") is None
    )

    assert all(found(f"Number {prefix}{last} on file.") == [] for last in "0123456789")


def test_ten_digits_inside_a_longer_run_are_not_an_nhs_number():
    assert found("Case reference 19434765919 and 9434765919123.") == []


def test_groups_with_mixed_separators_are_not_an_nhs_number():
    assert found("The number 943 476-5919 was written oddly.") == []


def test_an_nhs_valid_number_is_reported_once_as_an_nhs_number_not_a_phone_number():
    assert nhs_check_digit("012345678") == 9

    assert found("She gave 0123456789 as the number.") == [("nhs_number", "0123456789")]


# National Insurance numbers


@pytest.mark.parametrize("written", ["AB 12 34 56 C", "AB123456C", "ab123456c", "JT 123456 A"])
def test_a_national_insurance_number_is_found(written):
    text = f"Her National Insurance number, {written}, was on the benefits letter."

    assert found(text) == [("ni_number", written)]


@pytest.mark.parametrize(
    "written",
    [
        "DA123456C",  # D is never a first letter
        "AO123456C",  # O is never a second letter
        "QQ123456C",  # Q is never used
        "BG123456C",
        "GB123456C",
        "NK123456C",
        "KN123456C",
        "TN123456C",
        "NT123456C",
        "ZZ123456C",
        "AB123456E",  # the suffix is A to D
        "AB12345C",  # too few digits
    ],
)
def test_invalid_national_insurance_numbers_are_not_found(written):
    assert found(f"The form showed {written} in the box.") == []


# Dates of birth


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The young person, DOB 03/03/2011, was placed in foster care.", "03/03/2011"),
        ("Kayleigh's D.O.B. is 03-03-2011 according to the file.", "03-03-2011"),
        ("His date of birth (3 March 2011) was wrong on the referral.", "3 March 2011"),
        ("The baby was born on 3rd March 2026 at home.", "3rd March 2026"),
        ("The child (b. March 3rd 2011) was at the meeting.", "March 3rd 2011"),
        ("I noted 03.03.11 (DOB) on the chronology.", "03.03.11"),
        ("He was born 3 Mar 2011 in Leeds.", "3 Mar 2011"),
    ],
)
def test_a_date_near_a_birth_cue_is_a_date_of_birth(text, date):
    assert found(text) == [("date_of_birth", date)]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The young person, aged 14 (03/03/2012), was anxious.", "03/03/2012"),
        ("A child, 12/01/2015, age: 11, attended with her carer.", "12/01/2015"),
        ("He is a 14-year-old, 03.03.12, and lives with his nan.", "03.03.12"),
    ],
)
def test_a_date_next_to_a_matching_age_is_a_date_of_birth(text, date):
    assert found(text) == [("date_of_birth", date)]


@pytest.mark.parametrize(
    "text",
    [
        "On 12/03/2026 I attended training on recording.",
        "I attended the session on 3 March 2026 with my team.",
        "On 14/02/2026 I attended a two-hour workshop on Social Work England standard 5.6",
        "I reflected with my supervisor Jane on 3 March 2026",
    ],
)
def test_an_activity_date_alone_is_not_a_date_of_birth(text):
    assert found(text) == []


def test_an_activity_date_next_to_an_age_is_not_a_date_of_birth():
    text = "On 12/03/2026 I visited a young person aged 14 at home."

    assert found(text) == []


def test_an_age_alone_is_not_a_date():
    assert found("A 14-year-old told me he felt unheard, aged 14 and alone.") == []


def test_a_date_in_the_next_sentence_after_a_birth_cue_is_not_a_date_of_birth():
    assert found("We discussed why we record a date of birth. On 12/03/2026 I did.") == []


def test_an_impossible_date_is_not_a_date_of_birth():
    assert found("The file gave her DOB as 31/02/2011.") == []


def test_dates_of_birth_are_found_without_passing_today():
    findings = find_identifiers({"body": "DOB: 03/03/2011"})

    assert [(f.kind, f.text) for f in findings] == [("date_of_birth", "03/03/2011")]


# Postcodes


@pytest.mark.parametrize(
    "postcode",
    ["SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "GIR 0AA", "sw1a 1aa", "EC1A1BB"],
)
def test_a_full_postcode_is_found(postcode):
    text = f"She has moved to a flat at {postcode}, near her grandmother."

    assert found(text) == [("postcode", postcode)]


@pytest.mark.parametrize(
    "text",
    [
        "The family moved from M1 to SW1A last year.",
        "CPD 2025 and HCPC standard 5.9 apply.",
        "The meeting was in Unit B2 3rd floor.",
    ],
)
def test_outward_codes_and_codes_that_only_look_like_postcodes_are_not_found(text):
    assert found(text) == []


# Phone numbers


@pytest.mark.parametrize(
    "phone",
    [
        "07700 900123",
        "07700900123",
        "07700 900 123",
        "020 7946 0958",
        "0121 496 0000",
        "01632 960001",
        "(01632) 960001",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)20 7946 0958",
        "0300 123 4567",
    ],
)
def test_a_uk_phone_number_is_found(phone):
    text = f"Her mother asked me to call her on {phone} after the review."

    assert found(text) == [("phone", phone)]


def test_a_bracketed_mobile_number_is_found_without_the_bracket():
    assert found("Her mobile (07700 900123) was switched off.") == [("phone", "07700 900123")]


@pytest.mark.parametrize(
    "text",
    [
        "I worked there from 2019-2021 and 2022 to 2024.",
        "The call started at 10:42 and ended at 11:15.",
        "I spent 7.5 hours on the NISCC module",
        "HCPC standard 2.7 covers this.",
        "The number 07700 9001 was too short to be real.",
        "Childline is on 0800 1111.",
    ],
)
def test_years_times_hours_codes_and_short_numbers_are_not_phone_numbers(text):
    assert found(text) == []


# Email addresses


def test_an_email_address_is_found_without_the_full_stop_after_it():
    text = "The carer emailed me from jane.doe+care@example.co.uk. I replied the same day."

    assert found(text) == [("email", "jane.doe+care@example.co.uk")]


# Names next to a role word


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I spoke to the service user, John Smith, about his care plan.", "John Smith"),
        ("I worked with young person Kayleigh on her pathway plan.", "Kayleigh"),
        ("Mrs Patel (client) told me she felt rushed.", "Mrs Patel"),
        ("John, a service user, told me he felt unheard.", "John"),
        ("Last week I visited my client Ahmed at home.", "Ahmed"),
        ("I met the family of Mr Jones at the review.", "Mr Jones"),
        ("Ahmed's mother was present at the meeting.", "Ahmed"),
        ("Yesterday Kayleigh, the young person, was upset.", "Kayleigh"),
        ("I met Kayleigh who is a young person in care.", "Kayleigh"),
        ("The young person I support, Kayleigh, was excluded.", "Kayleigh"),
        ("His Mum Tracey came to the meeting.", "Tracey"),
        ("I visited the patient, Dr. O'Neil, on the ward.", "Dr. O'Neil"),
        ("The child's father, Sean McDonald-Reid, refused.", "Sean McDonald-Reid"),
        ("I called the client named Zoë about her tenancy.", "Zoë"),
        ("I phoned the carer – Mr Okafor – after the visit.", "Mr Okafor"),
    ],
)
def test_a_name_next_to_a_service_user_role_is_found(text, name):
    assert found(text) == [("name_near_role", name)]


@pytest.mark.parametrize(
    "text",
    [
        "My manager Sarah said the client was upset.",
        "I reflected with my supervisor Jane on 3 March 2026",
        "Social Work England's standards put the service user first.",
        "I read Turner (2015). Denise Turner writes about children and loss.",
        "Supporting the family was the hardest part of the week.",
        "Working Together to Safeguard Children (2018) sets out the Child Protection process.",
        "The case went to the Family Court on Monday.",
        "Research on the patient experience (Smith, 2019) informed my practice.",
        "I met the client on Monday. The family were at home.",
        "I spoke to the client. Then I wrote my notes.",
        "We discussed Child-Centred Practice and Person-Centred Planning.",
        "Reading on the children (Munro, 2011) changed how I plan visits.",
    ],
)
def test_names_that_are_not_next_to_a_service_user_role_are_not_found(text):
    assert found(text) == []


def test_the_longer_name_wins_when_a_name_is_found_from_both_sides():
    text = "I met young person Kayleigh Jones, the client, at school."

    assert found(text) == [("name_near_role", "Kayleigh Jones")]


# Realistic CPD text


@pytest.mark.parametrize(
    "text",
    [
        "On 14/02/2026 I attended a two-hour workshop on Social Work England standard 5.6",
        "I spent 7.5 hours on the NISCC module",
        "HCPC standard 2.7",
        "CPD 2025",
        "I reflected with my supervisor Jane on 3 March 2026",
        "I read Turner (2015)",
        "Facebook has 1.5 billion monthly users",
        "The webinar started at 10:42.",
        "I was a student social worker in 2019-2021.",
        "Standard 3.12 asks me to use supervision and feedback to reflect on my practice.",
        "I use Twitter and LinkedIn to follow the Social Work England consultation.",
        "I discussed with my team how we involve the people we support in planning.",
    ],
)
def test_ordinary_cpd_writing_has_no_findings(text):
    assert found(text) == []


# Offsets, excerpts, fields and labels


def test_each_finding_records_where_it_is_in_its_field():
    text = (
        "I visited my client Ahmed (DOB 03/03/2011) at 12 Oak Road, B33 8TH. His NHS number "
        "is 943 476 5919, NI number AB 12 34 56 C, and his mum's mobile is 07700 900123 or "
        "mum@example.com."
    )

    findings = find_identifiers({"body": text}, today=TODAY)

    assert [f.kind for f in findings] == [
        "name_near_role",
        "date_of_birth",
        "postcode",
        "nhs_number",
        "ni_number",
        "phone",
        "email",
    ]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
        assert finding.field == "body"
        assert finding.text in finding.excerpt


def test_an_excerpt_shows_about_thirty_characters_either_side_with_ellipses_at_cut_ends():
    text = (
        "During the long home visit last Tuesday afternoon I spoke with my client Ahmed about "
        "his worries, and then we planned the next steps together."
    )

    (finding,) = find_identifiers({"body": text})

    assert finding.excerpt == "…I spoke with my client Ahmed about his worries, and then…"
    before, after = finding.excerpt.split("Ahmed")
    assert 20 <= len(before) <= 32
    assert 20 <= len(after) <= 32


def test_an_excerpt_of_a_short_text_is_the_whole_text_without_ellipses():
    (finding,) = find_identifiers({"body": "My client Ahmed."})

    assert finding.excerpt == "My client Ahmed."


def test_an_excerpt_puts_line_breaks_on_one_line():
    (finding,) = find_identifiers({"body": "Notes:\nmy client Ahmed\nwas there."})

    assert finding.excerpt == "Notes: my client Ahmed was there."


def test_findings_come_in_field_order_then_position_order():
    fields = {
        "what_happened": "My client Ahmed called from 07700 900123.",
        "what_i_learned": "Nothing identifying here.",
        "what_next": "Post the letter to B33 8TH; email ahmed@example.com.",
    }

    findings = find_identifiers(fields)

    assert [(f.field, f.kind) for f in findings] == [
        ("what_happened", "name_near_role"),
        ("what_happened", "phone"),
        ("what_next", "postcode"),
        ("what_next", "email"),
    ]
    assert findings[2].start == fields["what_next"].index("B33 8TH")


@pytest.mark.parametrize("fields", [{}, {"body": ""}, {"body": "   \n "}, {"a": "", "b": ""}])
def test_empty_input_has_no_findings(fields):
    assert find_identifiers(fields) == []


def test_a_finding_carries_a_plain_english_label_for_its_kind():
    (finding,) = find_identifiers({"body": "NHS number 943 476 5919."})

    assert str(finding.label) == "an NHS number"
    assert set(LABELS) == {
        "nhs_number",
        "ni_number",
        "date_of_birth",
        "postcode",
        "phone",
        "email",
        "name_near_role",
    }


def test_a_finding_cannot_be_changed():
    (finding,) = find_identifiers({"body": "NHS number 943 476 5919."})

    assert isinstance(finding, Finding)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.text = "redacted"


# Text the site wrote is never flagged; the learner's own words still are.

SITE_SCENARIO = (
    "Your Instagram account is private, so people have to ask to follow you. Dee, a mother "
    "you're working with now, sends you a follow request."
)
SITE_ANSWER = "You rated “Decline, then tell Dee at your next visit” as inappropriate."


def test_the_sites_own_scenario_text_is_flagged_without_site_texts():
    # The guard itself would flag the scenario: this is what site_texts must silence.
    assert ("name_near_role", "Dee") in found(SITE_SCENARIO)


def test_text_the_site_wrote_raises_no_findings():
    fields = {"description": f"{SITE_SCENARIO}\n{SITE_ANSWER}"}
    assert find_identifiers(fields, site_texts=[SITE_SCENARIO, SITE_ANSWER], today=TODAY) == []


def test_the_learners_own_nhs_number_next_to_site_text_is_still_flagged():
    text = f"{SITE_SCENARIO}\nI once wrote down 943 476 5919 on a sticky note."
    findings = find_identifiers({"description": text}, site_texts=[SITE_SCENARIO], today=TODAY)
    assert [(f.kind, f.text) for f in findings] == [("nhs_number", "943 476 5919")]


def test_the_learners_own_name_near_a_role_is_still_flagged_beside_site_text():
    text = f"{SITE_SCENARIO} It reminded me of my client Ahmed Khan."
    findings = find_identifiers({"description": text}, site_texts=[SITE_SCENARIO], today=TODAY)
    assert [(f.kind, f.text) for f in findings] == [("name_near_role", "Ahmed Khan")]


def test_site_text_is_recognised_after_the_browser_rewraps_its_lines():
    # A textarea sends newlines as CRLF; a learner may rewrap a long line.
    site = "Dee, a mother\nyou're working with now"
    text = "Dee, a mother\r\n  you're working with now"
    assert find_identifiers({"description": text}, site_texts=[site], today=TODAY) == []


def test_site_text_in_another_field_is_still_the_sites():
    findings = find_identifiers(
        {"title": "x", "learning": SITE_SCENARIO}, site_texts=[SITE_SCENARIO], today=TODAY
    )
    assert findings == []
