"""GB/T 3304-1991 ethnic group codes (民族代码) as printed on cards."""

from __future__ import annotations

_NAMES = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
    "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
    "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
    "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
    "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)  # fmt: skip

ETHNIC_GROUPS: dict[str, str] = {f"{i:02d}": f"{n}族" for i, n in enumerate(_NAMES, start=1)}
ETHNIC_GROUPS["97"] = "其他"
ETHNIC_GROUPS["98"] = "外国血统中国籍人士"


def normalise_code(code: str) -> str:
    """'1', '01' and ' 1' all mean 汉族: the two-digit form used as the key."""
    code = code.strip()
    if code.isascii() and code.isdigit() and 0 < len(code) <= 2:
        return f"{int(code):02d}"
    return code


def ethnic_name(code: str) -> str:
    """'01' → '汉族'; unknown codes give '' so callers can flag them rather than guess."""
    return ETHNIC_GROUPS.get(normalise_code(code), "")


def card_form(code: str) -> str:
    """The short form printed on the resident card: '01' → '汉' (no trailing 族)."""
    name = ethnic_name(code)
    return name[:-1] if name.endswith("族") else name
