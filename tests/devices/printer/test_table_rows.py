"""Table rows on the slip: every line fits the paper, columns line up, nothing is lost."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.printer import TableRow
from devices.printer.render import table_lines
from devices.printer.text_encoder import ChineseTextEncoder

ENC = ChineseTextEncoder("gb18030")
ALIGNS = ("left", "left", "right", "right")
# material names as catalogs write them: Han, full-width brackets, digits, Latin, spaces
cell_text = st.text(st.sampled_from("居民身份证明（）户口簿ABC 6、，。0123456789-"), max_size=40)


@given(st.lists(cell_text, min_size=4, max_size=4), st.sampled_from([32, 42, 48, 64]))
def test_every_line_fits_and_no_character_is_lost(cells, columns):
    row = TableRow(tuple(cells), (12, 4, 5), ALIGNS, indent=3)
    lines = table_lines(ENC, columns, row)
    assert all(ENC.width(line) <= columns for line in lines), lines
    # cells wrapped side by side interleave line by line: compare what was printed
    printed = Counter("".join("".join(line.split()) for line in lines))
    assert printed == Counter("".join("".join(c.split()) for c in cells))


@pytest.mark.parametrize("columns", [32, 48])
def test_the_count_column_ends_in_one_place_whatever_the_name(columns):
    rows = [("1. 居民身份证", "原件", "1份", "2页"),
            ("2. 经营场所使用证明（房屋租赁合同或产权证明复印件）", "原件或复印件", "12份", ""),
            ("3. 户口簿", "复印件", "1份", "110页")]
    ends = set()
    for cells in rows:
        lines = table_lines(ENC, columns, TableRow(cells, (12, 4, 5), ALIGNS, indent=3))
        line = next(ln for ln in lines if re.search(r"\d份", ln))
        ends.add(ENC.width(line[: re.search(r"\d份", line).end()]))
    assert len(ends) == 1


def test_an_exempt_row_takes_the_empty_columns_instead_of_wrapping():
    lines = table_lines(ENC, 48, TableRow(("1. 居民户口簿", "免于提交（电子证照）", "", ""),
                                          (12, 4, 5), ALIGNS))
    assert len(lines) == 1 and lines[0].endswith("免于提交（电子证照）")


def test_a_row_with_the_wrong_number_of_widths_is_refused_in_chinese():
    with pytest.raises(ValueError, match="列宽"):
        TableRow(("a", "b"), (4, 4))
