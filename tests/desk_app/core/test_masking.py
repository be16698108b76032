from hypothesis import given
from hypothesis import strategies as st

from desk_app.core.masking import mask_id_number, mask_name, mask_phone


def test_examples():
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧**娜"
    assert mask_phone("13812345678") == "138****5678"


@given(st.text(alphabet="0123456789X", min_size=9, max_size=18))
def test_id_mask_hides_the_middle(value):
    masked = mask_id_number(value)
    assert len(masked) == len(value)
    assert masked[4:-4] == "*" * (len(value) - 8)


@given(st.text(min_size=3, max_size=10).filter(lambda s: s.strip() == s))
def test_name_mask_keeps_only_the_ends(name):
    masked = mask_name(name)
    assert masked[0] == name[0] and masked[-1] == name[-1]
    assert set(masked[1:-1]) <= {"*"}
