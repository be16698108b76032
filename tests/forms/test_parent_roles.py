"""Birth items fill 母亲/父亲 by the card holder's sex, the 结婚证 spouse the other parent,
and the clerk can swap them (a typed value stays)."""

from __future__ import annotations

from forms.catalog import load_catalog
from forms.form_session import TYPED, FormSession
from forms.validators import id_check_char

CATALOG = load_catalog()
BIRTH = next(c for c, i in CATALOG.items.items()
             if any(f.key == "father.name" for f in i.fields))
HIM = "61010219880512301" + id_check_char("61010219880512301")  # 7th-from-last digit odd: 男
OTHER = "61010219870101301" + id_check_char("61010219870101301")
HER = "61010219900308302" + id_check_char("61010219900308302")


def _session(card_name, card_number, sex, spouse, spouse_number):
    prefill = {"card.name": card_name, "card.id_number": card_number, "card.sex": sex,
               "licence.结婚证.spouse_name": spouse,
               "licence.结婚证.spouse_id_number": spouse_number}
    return FormSession(CATALOG, [BIRTH], prefill=prefill)


def test_father_card_fills_father_and_spouse_the_mother():
    s = _session("王强", HIM, "男", "李娜", HER)
    assert (s.value("father.name"), s.value("mother.name")) == ("王强", "李娜")
    assert s.value("father.id_number") == HIM and s.value("mother.id_number") == HER


def test_mother_card_and_sex_from_number_when_the_card_gives_none():
    s = _session("李娜", HER, "", "王强", HIM)
    assert (s.value("mother.name"), s.value("father.name")) == ("李娜", "王强")


def test_swap_exchanges_the_prefill_but_keeps_what_was_typed():
    s = _session("王强", HIM, "男", "李娜", HER)
    s.set_value("father.id_number", OTHER, source=TYPED)  # the clerk corrected it
    s.swap_parents()
    assert (s.value("mother.name"), s.value("father.name")) == ("王强", "李娜")
    assert s.value("mother.id_number") == HIM
    assert s.state("father.id_number").source == TYPED and s.value("father.id_number") == OTHER
    s.swap_parents()
    assert (s.value("father.name"), s.value("mother.name")) == ("王强", "李娜")
