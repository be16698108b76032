"""A deterministic synthetic catalog of any size (default 10,000 items) for scale tests.

Names are composed from real service-guide vocabulary (object + action, e.g.
"道路运输经营许可证变更登记") so pinyin, prefixes and typos behave like the real catalog.
``write_yaml`` lays it out as catalog files, one per department, to exercise the loader.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from forms.catalog import Catalog
from forms.spec import Bundle, FieldSpec, Item, Material, ModeSpec
from forms.validators import uscc_check_char

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
DEPARTMENTS = [
    "市公安局", "市人力资源和社会保障局", "市医疗保障局", "市民政局", "市市场监督管理局",
    "市自然资源和规划局", "住房公积金管理中心", "市卫生健康委员会", "市残疾人联合会",
    "市退役军人事务局", "市交通运输局", "市住房和城乡建设局", "市教育局", "市文化和旅游局",
    "市生态环境局", "市农业农村局", "市水务局", "市商务局", "市城市管理和综合执法局",
    "市税务局", "市林业局", "市应急管理局", "市司法局", "市体育局",
]
OBJECTS = [
    "道路运输经营许可证", "食品经营许可证", "药品经营许可证", "建筑工程施工许可证",
    "排污许可证", "取水许可证", "户外广告设置许可", "城市道路占用挖掘许可",
    "出租汽车驾驶员从业资格",
    "医师执业注册", "护士执业注册", "母婴保健技术服务执业许可", "公共场所卫生许可证",
    "放射诊疗许可", "民办学校办学许可证", "教师资格认定", "娱乐场所经营许可证",
    "旅行社业务经营许可证", "网络文化经营许可证", "种子生产经营许可证", "兽药经营许可证",
    "动物防疫条件合格证", "林木采伐许可证", "危险化学品经营许可证", "烟花爆竹经营许可证",
    "法律援助申请", "人民调解协议司法确认", "体育类民办非企业单位登记", "社会团体登记",
    "慈善组织认定", "养老机构备案", "殡葬服务机构设立", "职业技能等级认定",
    "失业保险金申领", "工伤认定申请", "劳动能力鉴定", "企业职工基本养老保险关系转移",
    "医疗费用零星报销", "门诊慢特病待遇认定", "异地就医备案", "残疾人证核发",
    "残疾人两项补贴申请", "优待证申领", "退役士兵自主就业一次性经济补助", "住房公积金提取",
    "住房公积金贷款", "不动产首次登记", "不动产转移登记", "不动产抵押登记",
    "国有建设用地使用权出让",
    "商品房预售许可", "物业服务企业备案", "房屋租赁登记备案", "二手车交易登记", "机动车驾驶证换证",
]
ACTIONS = ["核发", "变更", "延续", "注销", "补办", "换发", "备案", "首次登记", "变更登记",
           "注销登记", "年度报告", "信息查询", "证明开具", "审核", "确认"]
TYPES = ["行政许可", "行政确认", "公共服务", "行政给付", "其他行政权力"]
MATERIAL_NAMES = [
    "申请书", "居民身份证", "营业执照", "法定代表人身份证明", "授权委托书", "场所使用证明",
    "资格证书", "相关技术人员名单", "管理制度文本", "设备清单", "原许可证件", "情况说明",
]
KEYWORDS = ["办证", "许可", "登记", "变更", "补办", "证明", "申请", "备案"]


def _dept_uscc(index: int) -> str:
    body = f"11610100MB{index:07d}"
    return body + uscc_check_char(body)


def synthetic_catalog(count: int = 10_000, seed: int = 20261121) -> Catalog:
    rng = random.Random(seed)
    shared = [
        FieldSpec("applicant.name", "申请人姓名", "text", required=True, prefill=("card.name",)),
        FieldSpec("applicant.id_number", "公民身份号码", "id_number", required=True,
                  prefill=("card.id_number",)),
        FieldSpec("applicant.phone", "联系电话", "phone", required=True),
        FieldSpec("enterprise.name", "单位名称", "text"),
        FieldSpec("enterprise.uscc", "统一社会信用代码", "uscc"),
    ]
    items: dict[str, Item] = {}
    seen_names: dict[str, int] = {}
    for n in range(count):
        dept_index = rng.randrange(len(DEPARTMENTS))
        name = rng.choice(OBJECTS) + rng.choice(ACTIONS)
        seen_names[name] = seen_names.get(name, 0) + 1
        if seen_names[name] > 1:  # many bodies implement the same item: tell them apart
            name = f"{name}（{DEPARTMENTS[dept_index].removeprefix('市')}第{seen_names[name]}项）"
        code = f"{_dept_uscc(dept_index + 1)}{rng.choice('12345')}{n:08d}0000"
        legal = rng.choice([0, 1, 5, 10, 15, 20, 30, 60])
        materials = tuple(
            Material(code=f"M{k + 1}", name=mat, form=rng.choice(["original", "copy", "either"]),
                     copies=rng.randint(1, 2),
                     modes=tuple(dict.fromkeys(rng.sample(
                         [ModeSpec("paper"), ModeSpec("scan"), ModeSpec("upload"),
                          ModeSpec("shared"), ModeSpec("pledge"), ModeSpec("deferred", days=5),
                          ModeSpec("licence", licence_type="营业执照")], rng.randint(1, 3)))))
            for k, mat in enumerate(rng.sample(MATERIAL_NAMES, rng.randint(1, 5)))
        )
        items[code] = Item(
            code=code, name=name, item_type=rng.choice(TYPES),
            department=DEPARTMENTS[dept_index],
            applicant_types=("natural_person",) if rng.random() < 0.5 else ("legal_person",),
            legal_days=legal, promised_days=legal // 2, fee="0.00",
            delivery=("window",), materials=materials,
            fields=tuple(rng.sample(shared, rng.randint(2, len(shared)))),
            keywords=tuple(rng.sample(KEYWORDS, 2)),
            frequency=int(rng.paretovariate(1.2)) if rng.random() < 0.3 else 0,
        )
    codes = sorted(items)
    bundles = {
        f"SB{k:03d}": Bundle(code=f"SB{k:03d}", name=f"合成一件事{k}",
                             item_codes=tuple(rng.sample(codes, 3)))
        for k in range(max(1, count // 1000))
    }
    return Catalog(items=items, bundles=bundles, shared_fields={f.key: f for f in shared})


def _item_yaml(item: Item) -> dict[str, Any]:
    d = item.to_dict()
    out: dict[str, Any] = {
        "code": d["code"], "name": d["name"], "type": d["item_type"],
        "applicant_types": d["applicant_types"], "legal_days": d["legal_days"],
        "promised_days": d["promised_days"], "fee": d["fee"], "delivery": d["delivery"],
        "keywords": d["keywords"], "frequency": d["frequency"],
        "fields": [{"ref": f.key} for f in item.fields],
        "materials": [],
    }
    for m in item.materials:
        modes: list[Any] = []
        for mode in m.modes:
            if mode.kind == "licence":
                modes.append({"licence": mode.licence_type})
            elif mode.kind == "deferred":
                modes.append({"deferred": mode.days})
            else:
                modes.append(mode.kind)
        out["materials"].append({"code": m.code, "name": m.name, "form": m.form,
                                 "copies": m.copies, "modes": modes})
    return out


def write_yaml(catalog: Catalog, folder: Path) -> list[Path]:
    """Write ``catalog`` as catalog files: fields.yaml, one file per department, bundles."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def dump(name: str, data: dict[str, Any]) -> None:
        path = folder / name
        path.write_text(yaml.dump(data, Dumper=_Dumper, allow_unicode=True,
                                       sort_keys=False), "utf-8")
        written.append(path)

    dump("fields.yaml", {"fields": [f.to_dict() for f in catalog.shared_fields.values()]})
    by_dept: dict[str, list[Item]] = {}
    for item in catalog.items.values():
        by_dept.setdefault(item.department, []).append(item)
    for k, dept in enumerate(sorted(by_dept)):
        dump(f"dept_{k:02d}.yaml", {"department": dept,
                                    "items": [_item_yaml(i) for i in by_dept[dept]]})
    dump("bundles.yaml", {"bundles": [
        {"code": b.code, "name": b.name, "items": list(b.item_codes)}
        for b in catalog.bundles.values()]})
    return written
