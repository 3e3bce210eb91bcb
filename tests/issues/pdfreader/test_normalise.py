import unicodedata

import pytest

from issues.pdfreader.normalise import CHAR_RULES, RADICAL_IDEOGRAPHS, is_common, normalise_char, normalise_text


@pytest.mark.parametrize("rule", CHAR_RULES, ids=lambda rule: rule.name)
def test_each_rule_reads_its_example(rule):
    as_layered, as_read = rule.example
    assert normalise_text(as_layered) == as_read


def test_cjk_radical_for_min_is_the_ideograph():
    assert normalise_text("惠⺠食堂") == "惠民食堂"


def test_kangxi_radicals_map_through_nfkc():
    assert normalise_text("⼈⼝") == "人口"


def test_every_radical_maps_to_a_unified_ideograph():
    for radical, ideograph in RADICAL_IDEOGRAPHS.items():
        assert unicodedata.name(radical).startswith("CJK RADICAL")
        assert unicodedata.name(ideograph).startswith("CJK UNIFIED IDEOGRAPH"), radical


def test_horizontal_bar_dash_is_the_chinese_dash():
    assert normalise_text("――记衡州新区") == "——记衡州新区"


def test_full_width_punctuation_is_kept():
    assert normalise_text("衡州，新区。“好”") == "衡州，新区。“好”"


def test_soft_hyphen_and_zero_width_space_are_dropped():
    assert normalise_char("\u00ad") == "" and normalise_char("\u200b") == ""


def test_common_characters():
    assert is_common("民") and is_common("，") and is_common("A")
    assert not is_common("\ue000")  # private use: a font without a Unicode map
