"""Children from a spreadsheet export: every problem reported by row, nothing guessed."""

import datetime as dt

from lasting_home_desktop.domain.child import ChildRecord, DecisionRoute, HomeType
from lasting_home_desktop.domain.csv_import import (
    drop_already_known,
    parse_children_csv,
    tidy_heading,
)
from lasting_home_desktop.domain.journey import Decision

HEADINGS = (
    "first_name,preferred_name,last_name,date_of_birth,home_type,route,carers,"
    "social_worker,team_manager"
)


def csv_text(*rows: str, headings: str = HEADINGS) -> str:
    return "\r\n".join((headings, *rows)) + "\r\n"


def test_excel_csv_utf8_with_bom_and_odd_headings_is_read(today):
    """Excel's 'CSV UTF-8' (with BOM) and headings like 'First Name ' and 'DOB' are understood."""
    text = "\ufeff" + csv_text(
        "Aleksandra,Ola,Wiśniewska,22/11/2015,Foster,Commitment visit,Jo and Sam,Imran,Helen",
        headings="First Name ,Known As,Surname,DOB,Home Type,Route,Carers,Social Worker,"
        "TeamManager",
    )
    result = parse_children_csv(text, today)
    assert result.ok, result.problems
    child = result.children[0].child
    assert (child.first_name, child.preferred_name, child.last_name) == (
        "Aleksandra",
        "Ola",
        "Wiśniewska",
    )
    assert child.date_of_birth == dt.date(2015, 11, 22)
    assert child.people.carers == ("Jo", "Sam")
    assert child.people.team_manager == "Helen"


def test_home_types_and_routes_in_everyday_words(today):
    """'kinship', 'Short breaks', 'Residential home', 'panel' and blanks all read correctly."""
    result = parse_children_csv(
        csv_text(
            "A,,One,2015-01-01,kinship,panel,Nana,,",
            "B,,Two,2015-01-01,Short breaks,Lasting Home Panel,Mum; Dad,,",
            "C,,Three,2015-01-01,Residential home,commitment_visit,,,",
            "D,,Four,2015-01-01,,,,,",
        ),
        today,
    )
    assert result.ok, result.problems
    got = [(row.child.home_type, row.child.route) for row in result.children]
    assert got == [
        (HomeType.KINSHIP, DecisionRoute.PANEL),
        (HomeType.SHORT_BREAKS, DecisionRoute.PANEL),
        (HomeType.RESIDENTIAL, DecisionRoute.COMMITMENT_VISIT),
        (HomeType.FOSTER, DecisionRoute.COMMITMENT_VISIT),
    ]
    assert result.children[1].child.people.carers == ("Mum", "Dad")


def test_bad_rows_are_reported_with_spreadsheet_row_numbers(today):
    """Each problem names the row as the spreadsheet numbers it, and the child, in plain words."""
    result = parse_children_csv(
        csv_text(
            "Good,,Child,01/02/2015,foster,,,,",
            "Ola,,Nowak,31/02/2015,foster,,,,",
            ",,Nameless,01/02/2015,foster,,,,",
            "Zoe,,Smith,01/02/2015,castle,by post,,,",
        ),
        today,
    )
    assert not result.ok
    assert [row.row for row in result.children] == [2]
    assert [str(p) for p in result.problems] == [
        "Row 3: (Ola Nowak) Date of birth: '31/02/2015' is not a real date (check the day and "
        "month). Please use DD/MM/YYYY, for example 22/11/2026.",
        "Row 4: (Nameless) Please enter the child's first name.",
        "Row 5: (Zoe Smith) The home type 'castle' is not one we know. Please use foster, "
        "kinship, residential or short breaks.",
        "Row 5: (Zoe Smith) The route 'by post' is not one we know. Please use commitment "
        "visit or panel.",
    ]
    assert result.bad_rows == 3


def test_emoji_markup_polish_and_urdu_are_kept_literally(today):
    """Names with emoji, `<b>&amp;`, Polish and Urdu letters arrive exactly as written."""
    result = parse_children_csv(
        csv_text('"<b>&amp;",🦄 Star,Łęcka-Żuk,2016-02-29,foster,,"عائشہ and Zoë",,'),
        today,
    )
    assert result.ok, result.problems
    child = result.children[0].child
    assert child.first_name == "<b>&amp;"
    assert child.preferred_name == "🦄 Star"
    assert child.last_name == "Łęcka-Żuk"
    assert child.people.carers == ("عائشہ", "Zoë")


def test_a_ten_thousand_character_name_is_refused_kindly_without_echoing_it(today):
    """A 10,000-character name is refused with its length; the message stays short."""
    result = parse_children_csv(csv_text(f"{'A' * 10_000},,Smith,2015-01-01,,,,,"), today)
    assert not result.children
    (problem,) = result.problems
    assert "10,000 characters long. Please shorten it to 100 characters" in problem.message
    assert len(str(problem)) < 200


def test_journey_dates_and_extra_people_columns_are_welcome(today):
    """Optional columns (journey dates, decision, IRO, Head of Service...) are imported."""
    result = parse_children_csv(
        csv_text(
            "Ola,,Nowak,2015-01-01,foster,visit,,Imran,Helen,Children Looked After,Sue,Carol,"
            "01/10/2026,08/10/2026,Agreed (ratified),20/10/2026,,",
            headings=HEADINGS + ",service,iro,head_of_service,matching_meeting,"
            "recommendation_sent,decision,decision_date,commitment_visit,celebration",
        ),
        today,
    )
    assert result.ok, result.problems
    child = result.children[0].child
    assert child.service == "Children Looked After"
    assert (child.people.iro, child.people.decision_maker) == ("Sue", "Carol")
    assert child.journey.decision is Decision.AGREED
    assert child.journey.decision_date == dt.date(2026, 10, 20)
    assert child.journey.visit is None


def test_journey_dates_out_of_order_are_a_row_problem(today):
    """A decision before the recommendation was sent is refused for that row."""
    result = parse_children_csv(
        csv_text(
            "Ola,,Nowak,2015-01-01,,,,,,01/10/2026,agreed,01/09/2026",
            headings=HEADINGS + ",recommendation_sent,decision,decision_date",
        ),
        today,
    )
    assert [p.row for p in result.problems] == [2]
    assert "before the date the recommendation was sent" in result.problems[0].message


def test_missing_name_columns_stop_the_whole_file(today):
    """A file without first and last name columns is refused as a whole, saying which."""
    result = parse_children_csv("name,dob\r\nOla,2015-01-01\r\n", today)
    assert "'first_name' and 'last_name' could not be found" in result.file_problem
    assert not result.children


def test_empty_files_rows_and_unknown_columns(today):
    """An empty file is refused; blank rows are skipped; unknown columns are listed."""
    assert parse_children_csv("\ufeff  \r\n", today).file_problem == "The file is empty."
    result = parse_children_csv(
        csv_text(",,,,,,,,", "Ola,,Nowak,,,,,,,blue", headings=HEADINGS + ",Favourite colour"),
        today,
    )
    assert result.ok and len(result.children) == 1
    assert result.ignored_columns == ["Favourite colour"]


def test_semicolon_separated_export_is_read(today):
    """Some Excel set-ups save with semicolons; those files import too."""
    result = parse_children_csv("first_name;last_name;carers\nOla;Nowak;Jo, Sam\n", today)
    assert result.ok
    assert result.children[0].child.people.carers == ("Jo", "Sam")


def test_a_cell_with_a_line_break_stays_in_its_row(today):
    """A quoted cell with a new line in it does not split the row."""
    result = parse_children_csv('first_name,last_name,carers\nOla,Nowak,"Jo\nSam"\n', today)
    assert result.ok
    assert result.children[0].child.people.carers == ("Jo\nSam",)


def test_children_already_known_or_twice_in_the_file_are_flagged(today):
    """Importing the same child twice is a row problem, so nobody is doubled."""
    known = ChildRecord(first_name="Ola", last_name="Nowak", date_of_birth=dt.date(2015, 1, 1))
    result = parse_children_csv(
        csv_text(
            "ola,,NOWAK,01/01/2015,,,,,",
            "Zoe,,Smith,01/01/2015,,,,,",
            "Zoe,,Smith,01/01/2015,,,,,",
        ),
        today,
    )
    checked = drop_already_known(result, [known])
    assert [row.row for row in checked.children] == [3]
    assert [p.row for p in checked.problems] == [2, 4]
    assert "already in the caseload" in checked.problems[0].message


def test_headings_are_tidied():
    """'Date of Birth', 'date-of-birth' and 'DateOfBirth' are the same heading."""
    for text in ("Date of Birth", " date-of-birth ", "DateOfBirth", "\ufeffdate_of_birth"):
        assert tidy_heading(text) == "date_of_birth"


def test_case_system_fields_are_read_under_the_trackers_headings(today):
    """Person ID, Legal status and Placement start (as the tracker's CSV heads them) fill the
    case-system fields; an unreadable placement date is named by its row."""
    text = csv_text(
        '"Ola","Nowak","LCS-104233","Full care order (section 31)","04/03/2024"',
        headings="First name,Last name,Person ID,Legal status,Placement start",
    )
    result = parse_children_csv(text, today)
    assert result.ok, result.problems
    back = result.children[0].child
    assert (back.case_id, back.legal_status, back.placement_start) == (
        "LCS-104233",
        "Full care order (section 31)",
        dt.date(2024, 3, 4),
    )
    bad = parse_children_csv(
        csv_text("Ola,Nowak,LCS 1,soon", headings="First name,Last name,LCS ID,Placement start"),
        today,
    )
    assert "Row 2" in str(bad.problems[0]) and "Placement start" in str(bad.problems[0])
