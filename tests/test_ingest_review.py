"""What `--dry-run` asks an editor to check: the decisions that may be wrong, each with its fix."""

from generator.ingest.evidence import Evidence
from generator.ingest.review import review
from generator.ingest.segment import Decision


def weighed(verdict: str, score: float, **found) -> Decision:
    values = dict(depth=1.0, title_echo=0.0, lead_echo=0.0, dateline=False, continues=False, dated_lead=False,
                  same_series_as_subheading=False, style=0.0, headline_latin=0, length=14, paragraphs=3, typical=3.0,
                  after=3, like_title=0.0)
    values.update(found)
    return Decision(40, "华为发布数据库新品", verdict, score, "evidence", Evidence(**values), heading="华为发布数据库新品")


def test_a_close_call_is_flagged_with_the_hint_that_reverses_it():
    [warning] = review([weighed("subheading", -1.5)])
    assert "line 40" in warning and "titles: [华为发布数据库新品]" in warning


def test_a_clear_call_is_not_flagged():
    assert review([weighed("subheading", -4.0), weighed("title", 4.0)]) == []


def test_a_subheading_over_a_brief_that_restates_it_is_flagged_however_sure():
    """A run of briefs read as one article's parts: the lead under the heading restates it and ends
    a paragraph later."""
    [warning] = review([weighed("subheading", -4.0, lead_echo=0.8, after=1)])
    assert "brief" in warning and "titles:" in warning
    assert review([weighed("subheading", -4.0, lead_echo=0.8, after=4)]) == []  # a feature's part runs longer


def test_a_subheading_right_under_another_heading_is_flagged():
    decision = Decision(41, "什么增长？", "subheading", -9.0, "contents page", heading="什么增长？", under_heading=True)
    [warning] = review([decision])
    assert "under another heading" in warning and "body: [{line: 41}]" in warning


def test_a_headline_with_figures_is_no_table_row():
    def title(text: str) -> Decision:
        return Decision(7, text, "title", 9.0, "first heading after a banner", heading=text)

    assert review([title("中国移动前三季度营收 7227 亿元 净利润同比增长 20.3%")]) == []
    assert review([title("中国联通上半年净利润同比增长 21.3% 产业互联网收入占比升至23.5%")]) == []
    assert "row of a table" in review([title("丰田 9月全球减产约36万辆 减幅约40%")])[0]
