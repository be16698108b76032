"""Masks on paper: never more than the first and last character of a name, never the
middle of an ID number, whatever the input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.masking import mask_id_number, mask_name


def test_examples():
    assert mask_name("王明") == "王*"
    assert mask_name("欧阳小明") == "欧**明"
    assert mask_id_number("11010519491231002X") == "1101**********002X"


@given(st.text(max_size=40))
def test_name_mask_hides_the_middle(name):
    masked = mask_name(name)
    core = name.strip()
    assert len(masked) == len(core)
    if len(core) >= 2:
        assert masked[1:-1] == "*" * (len(core) - 2) and masked[0] == core[0]


@given(st.text(alphabet="0123456789X", min_size=15, max_size=18))
def test_id_mask_shows_at_most_eight_characters(number):
    masked = mask_id_number(number)
    assert len(masked) == len(number) and masked.count("*") == len(number) - 8
    assert masked[4:-4] == "*" * (len(number) - 8)
