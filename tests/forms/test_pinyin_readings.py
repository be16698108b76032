"""Polyphonic names: the readings people type, checked against readings nobody here wrote.

Where the expected readings come from:
- PLACES: the published lists of "容易读错的地名" (place names whose characters read
  otherwise than usual: 六安 lù'ān, 蚌埠 bèngbù, 丽水 líshuǐ, 铅山 yánshān, 乐亭 làotíng,
  尉犁 yùlí, 莘县 shēnxiàn…, found through the search tool), plus the issue's 单县;
- PEOPLE: the published 百家姓 / "容易读错的姓氏" readings lists (单 shàn as in 单田芳, 解
  xiè as in 解缙, 仇 qiú as in 仇英, 区 ōu as in 区寄, 查 zhā as in 查良镛, 朴 piáo, 繁 pó,
  阚 kàn, 乜 niè, 句 gōu…), and GB/T 28039-2011 5.1.1's own examples (王芳 Wáng Fāng,
  杨为民, 马本斋, 罗常培, 欧阳文, 司马相南: surname first, a compound surname as one);
- PYPINYIN: phrases from pypinyin's own test suite (tests/test_pinyin.py: 便宜 and its
  phrases, 音乐, 彷徨, 打量, 侵略, 中心…);
- ITEMS: item titles with 重/行/长/单/还/调/乐/会/藏/曾/朝 (the issue's list) read in
  standard Mandarin (these readings are ours, the only ones that are).
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.catalog import Catalog, load_catalog
from forms.pinyin_readings import (
    MAX_ALTERNATIVES,
    alias_problem,
    aliased_reading,
    full,
    initials,
    person_name_readings,
    text_readings,
)
from forms.search import EXACT, SearchIndex, search_keys
from forms.spec import Item

PLACES = (
    "六安 lu an|亳州 bo zhou|黟县 yi xian|涡阳 guo yang|歙县 she xian|砀山 dang shan|"
    "蚌埠 beng bu|临朐 lin qu|莒县 ju xian|兖州 yan zhou|茌平 chi ping|鄄城 juan cheng|"
    "溧阳 li yang|邳州 pi zhou|邗江 han jiang|盱眙 xu yi|丽水 li shui|台州 tai zhou|"
    "鄞州 yin zhou|嵊州 sheng zhou|郫县 pi xian|珙县 gong xian|犍为 qian wei|邛崃 qiong lai|"
    "蠡县 li xian|蔚县 yu xian|井陉 jing xing|柘城 zhe cheng|武陟 wu zhi|浚县 xun xian|"
    "荥阳 xing yang|耒阳 lei yang|郴州 chen zhou|婺源 wu yuan|铅山 yan shan|莘庄 xin zhuang|"
    "涪陵 fu ling|隰县 xi xian|郧县 yun xian|百色 bo se|儋州 dan zhou|巴彦淖尔 ba yan nao er|"
    "尖沙咀 jian sha zui|乐亭 lao ting|尉犁 yu li|阆中 lang zhong|莘县 shen xian|"
    "单县 shan xian|乐清 yue qing|长治 chang zhi|重庆 chong qing|长安 chang an|"
    "朝阳 chao yang|番禺 pan yu|东阿 dong e|洪洞 hong tong|繁峙 fan shi|黄陂 huang pi|"
    "筠连 jun lian|荥经 ying jing"
)
PEOPLE = (
    "单田芳 shan tian fang|单雄信 shan xiong xin|解缙 xie jin|仇英 qiu ying|区寄 ou ji|"
    "查良镛 zha liang yong|繁钦 po qin|阚泽 kan ze|乜子彬 nie zi bin|句克俭 gou ke jian|"
    "任盈盈 ren ying ying|要离 yao li|应采儿 ying cai er|谌龙 chen long|纪晓岚 ji xiao lan|"
    "朴槿惠 piao jin hui|尉迟恭 yu chi gong|瞿秋白 qu qiu bai|都穆 du mu|华罗庚 hua luo geng|"
    "哈文 ha wen|曲环 qu huan|曾国藩 zeng guo fan|万俟卨 mo qi xie|令狐冲 ling hu chong|"
    "澹台灭明 tan tai mie ming|长孙无忌 zhang sun wu ji|员半千 yun ban qian|盖聂 ge nie|"
    "缪斌 miao bin|翟方进 zhai fang jin|佘太君 she tai jun|逄蒙 pang meng|郗鉴 xi jian|"
    "芮成钢 rui cheng gang|阮籍 ruan ji|恽代英 yun dai ying|能自宣 nai zi xuan|"
    "黑齿常之 he chi chang zhi|折克行 she ke xing|召忽 shao hu|种师道 chong shi dao|"
    "王芳 wang fang|杨为民 yang wei min|马本斋 ma ben zhai|罗常培 luo chang pei|"
    "欧阳文 ou yang wen|司马相南 si ma xiang nan"
)
PYPINYIN = (
    "便宜 pian yi|便宜从事 bian yi cong shi|便宜施行 bian yi shi xing|便宜货 pian yi huo|"
    "贪便宜 tan pian yi|占便宜 zhan pian yi|音乐 yin yue|彷徨 pang huang|打量 da liang|"
    "侵略 qin lve|中心 zhong xin|中国人 zhong guo ren"
)
ITEMS = (
    "重新申领居民身份证 chong xin shen ling ju min shen fen zheng|"
    "重大行政决策听证 zhong da xing zheng jue ce ting zheng|"
    "银行账户开户许可 yin hang zhang hu kai hu xu ke|行业协会登记 hang ye xie hui deng ji|"
    "长期居住证明 chang qi ju zhu zheng ming|村长选举备案 cun zhang xuan ju bei an|"
    "单位社保登记 dan wei she bao deng ji|住房公积金还款 zhu fang gong ji jin huan kuan|"
    "贷款还款证明 dai kuan huan kuan zheng ming|劳动争议调解 lao dong zheng yi tiao jie|"
    "人事调动 ren shi diao dong|音乐培训机构审批 yin yue pei xun ji gou shen pi|"
    "会计从业备案 kuai ji cong ye bei an|会议室预约 hui yi shi yu yue|"
    "西藏居民迁入 xi zang ju min qian ru|文物收藏登记 wen wu shou cang deng ji|"
    "曾孙落户 zeng sun luo hu|朝阳区户籍 chao yang qu hu ji|"
    "乐器经营许可 yue qi jing ying xu ke|快乐养老服务 kuai le yang lao fu wu|"
    "重庆户口迁移 chong qing hu kou qian yi|长安区社保 chang an qu she bao|"
    "单县营业执照 shan xian ying ye zhi zhao|调整最低工资 tiao zheng zui di gong zi|"
    "还建房安置 huan jian fang an zhi|调查取证 diao cha qu zheng"
)


def _rows(table: str) -> list[tuple[str, list[str]]]:
    return [(t, r.split()) for t, r in (e.split(" ", 1) for e in table.split("|"))]


TEXTS = _rows(PLACES) + _rows(PYPINYIN) + _rows(ITEMS)


def test_the_set_is_large_enough():
    assert len(TEXTS) + len(_rows(PEOPLE)) >= 100


@pytest.mark.parametrize(("text", "syllables"), TEXTS, ids=[t for t, _ in TEXTS])
def test_the_reading_people_type_and_its_initials_find_the_text(text, syllables):
    keys = search_keys(text).all()
    assert "".join(syllables) in keys
    assert "".join(s[0] for s in syllables) in keys


@pytest.mark.parametrize(("name", "syllables"), _rows(PEOPLE), ids=[n for n, _ in _rows(PEOPLE)])
def test_a_person_name_reads_its_surname_as_a_surname_first(name, syllables):
    first = person_name_readings(name)[0]
    assert [p for p, _ in first] == syllables
    assert initials(first) == "".join(s[0] for s in syllables)


def test_pypinyin_reading_stays_first_and_the_others_come_after():
    phrase, others = text_readings("单县")
    assert full(phrase[0]) == "danxian"  # pypinyin's phrase reading, whatever it says
    assert "shanxian" in [full(r) for r in others]
    assert "shanxian" in search_keys("单县").alternative
    assert "danxian" in search_keys("单县").primary


def test_alternatives_are_bounded_on_a_long_name():
    name = "重庆长安区单位还款调解会计朝阳乐清行业藏品登记" * 3
    _, others = text_readings(name)
    assert 0 < len(others) <= MAX_ALTERNATIVES


BASE = {"item_type": "公共服务", "department": "测试局", "applicant_types": ("natural_person",),
        "legal_days": 1, "promised_days": 1}


def _index(*items: Item) -> SearchIndex:
    return SearchIndex(Catalog(items={i.code: i for i in items}))


def test_every_text_is_found_by_its_reading_in_one_index():
    index = _index(*(Item(code=f"P{n:04d}", name=t, **BASE) for n, (t, _) in enumerate(TEXTS)))
    for text, syllables in TEXTS:
        hits = index.search("".join(syllables), limit=50)
        assert text in [h.name for h in hits if h.tier == EXACT]


def test_phrase_reading_ranks_before_an_alternative_reading():
    # 陕县 is read shan xian by pypinyin; 单县 only by an alternative — even though 单县 is
    # the more popular item, the phrase reading comes first
    shan = Item(code="S1", name="陕县营业执照", frequency=0, **BASE)
    dan = Item(code="D1", name="单县营业执照", frequency=50, **BASE)
    hits = _index(shan, dan).search("shanxianyingyezhizhao")
    assert [h.name for h in hits][:2] == ["陕县营业执照", "单县营业执照"]
    assert hits[0].tier == hits[1].tier == EXACT
    ginkgo = Item(code="Y1", name="银杏树迁移审批", frequency=0, **BASE)
    bank = Item(code="Y2", name="银行开户许可", frequency=90, **BASE)
    assert [h.name for h in _index(ginkgo, bank).search("yinxing")][:2] == [
        "银杏树迁移审批", "银行开户许可"]
    assert _index(ginkgo, bank).search("yinhang")[0].name == "银行开户许可"


def test_a_catalog_alias_puts_the_named_reading_first():
    aliased = Item(code="D1", name="单县营业执照", frequency=50, pinyin=(("单县", "shan xian"),),
                   **BASE)
    shan = Item(code="S1", name="陕县营业执照", frequency=0, **BASE)
    hits = _index(shan, aliased).search("shanxianyingyezhizhao")
    assert [h.name for h in hits][:2] == ["单县营业执照", "陕县营业执照"]  # popularity decides
    index = _index(Item(code="C1", name="长治市户籍迁入", pinyin=(("长治", "chang zhi"),), **BASE))
    assert index.search("changzhishihujiqianru")[0].tier == EXACT
    assert index.search("changzhi")[0].name == "长治市户籍迁入"
    assert index.search("czshqr")[0].name == "长治市户籍迁入"
    reading = aliased_reading("长治市户籍迁入", {"长治": "chang zhi"})
    assert full(reading) == "changzhishihujiqianru"


ALIASED = """\
department: 测试局
items:
  - code: T0000000000000000000000000000001
    name: 单县营业执照
    type: 公共服务
    applicant_types: [natural_person]
    legal_days: 5
    promised_days: 2
    pinyin: {单县: shan xian}
  - code: T0000000000000000000000000000002
    name: 长治市户籍迁入
    type: 公共服务
    applicant_types: [natural_person]
    legal_days: 5
    promised_days: 2
    pinyin: {长治: zhang, 六安: lu an, 长治市: chang zhi shi}
"""


def test_the_catalog_parses_aliases_and_names_what_is_wrong_with_a_bad_one(tmp_path):
    (tmp_path / "a.yaml").write_text(textwrap.dedent(ALIASED), encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert catalog.items["T0000000000000000000000000000001"].pinyin == (("单县", "shan xian"),)
    second = catalog.items["T0000000000000000000000000000002"]  # the item still loads
    assert second.pinyin == (("长治市", "chang zhi shi"),)
    messages = [e.message for e in catalog.errors]
    assert any("有 2 个字，读音却有 1 个音节" in m for m in messages)
    assert any("“六安”不在事项名称或关键词中" in m for m in messages)
    assert all(e.line > 0 for e in catalog.errors)
    assert Catalog.from_dict(catalog.to_dict()).items == catalog.items  # round trip


def test_alias_problems_are_named():
    assert alias_problem("单县", "shan xian") is None
    assert alias_problem("绿洲", "lü zhou") is None  # ü typed as ü or v
    assert "不是汉语拼音音节" in alias_problem("单县", "shan xiax")
    assert "小写拼音" in alias_problem("单县", "Shan Xian")
    assert "汉字词语" in alias_problem("ab", "a b")


@settings(max_examples=200)
@given(st.text(max_size=30), st.dictionaries(st.text(max_size=4), st.text(max_size=12),
                                             max_size=3))
def test_any_text_and_alias_give_keys_or_a_named_problem(text, aliases):
    keys = search_keys(text)
    assert not keys.primary & keys.alternative
    aliased_reading(text, aliases)
    for phrase, syllables in aliases.items():
        problem = alias_problem(phrase, syllables)
        assert problem is None or problem.startswith("拼音别名")


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(max_size=5) | st.integers(), st.text(max_size=12), max_size=3))
def test_any_alias_mapping_in_a_catalog_file_loads_the_item(tmp_path_factory, aliases):
    import yaml

    folder = tmp_path_factory.mktemp("cat")
    item = {"code": "T0000000000000000000000000000001", "name": "单县营业执照", "type": "公共服务",
            "applicant_types": ["natural_person"], "legal_days": 5, "promised_days": 2,
            "pinyin": aliases}
    text = yaml.safe_dump({"department": "测试局", "items": [item]}, allow_unicode=True)
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    catalog = load_catalog(folder)
    loaded = catalog.items["T0000000000000000000000000000001"]
    assert len(loaded.pinyin) + len(catalog.errors) == len(aliases)
    assert all("拼音别名" in e.message for e in catalog.errors)
    SearchIndex(catalog).search("shanxian")
