"""Reference-list entries: outlet, title, author, date, address; originals quoted by others."""

from __future__ import annotations

from assistant.compose.citations import format_citation, long_date, short_source
from assistant.corpus import Source
from assistant.render.citations import cite, link_marks

NYT = Source(id="nyt", outlet="The New York Times", title="ISIS Defectors Reveal Disillusionment",
             published="2015-09-20", address="https://example.org/nyt")
CBS = Source(id="cbs", outlet="CBS News", title="[Interview with Ibrahim]")
NO_OUTLET = Source(id="blog", title="ISIS defectors, key to group’s defeat",
                   author="Eileen Wisniowicz")


def test_quote_read_in_one_outlet_from_another_names_both() -> None:
    assert format_citation(NYT, via=CBS).startswith(
        "CBS News, quoted in The New York Times, “ISIS Defectors Reveal Disillusionment”, "
        "20 September 2015.")


def test_citation_carries_outlet_title_date_and_address() -> None:
    assert format_citation(NYT) == ("The New York Times, “ISIS Defectors Reveal Disillusionment”, "
                                    "20 September 2015. https://example.org/nyt")


def test_source_without_outlet_or_date_says_only_what_is_known() -> None:
    assert format_citation(NO_OUTLET) == "“ISIS defectors, key to group’s defeat”, Eileen Wisniowicz."


def test_partial_dates_read_as_people_write_them() -> None:
    assert [long_date(d) for d in ("2015-09-20", "2015-09", "2014", None)] == [
        "20 September 2015", "September 2015", "2014", ""]


def test_short_source_tag_for_posts() -> None:
    assert short_source(NYT, CBS) == "CBS News via The New York Times"


def test_marks_become_footnote_links_only_for_known_references() -> None:
    assert cite([3, 1, 3]) == "[1, 3]"
    html = link_marks("said so [1, 2] and [9]", {1, 2})
    assert '<a href="#ref-1">1</a>, <a href="#ref-2">2</a>' in html
    assert html.endswith("and [9]")
