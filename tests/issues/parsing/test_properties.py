"""Property tests: whatever the input, nothing crashes and nothing is lost."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from issues.parsing import parse_page

from .helpers import lost_and_invented

SAMPLE = (Path(__file__).resolve().parents[2] / "fixtures" / "zhuzhou-daily-page-a01.txt").read_text(encoding="utf-8")
ALPHABET = st.sampled_from(
    list(
        "的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所二起政三好十战无农使性前等反体合斗路图把结第里正新开论之物从当两些还天资事队批如应形想制心样干都向变关点育重其思与间内去因件日利相由压员气业代全组数果期导平各基或月毛然问比展那它最及外没看治提五解系林者米群头意只明四道马认次文通但条较克又公孔领军流入接席位情运器并飞原油放立题质指建区验活众很教决特此常石强极土少已根共直团统式转别造切九你取西持总料连任志观调七么山程百报更见必真保热委手改管处己将修支识病象几先老光专什六型具示复安带每东增则完风回南广劳轮科北打积车计给节做务被整联步类集号列温装即毫知轴研单色坚据速防史拉世设达尔场织历花受求传口断况采精金界品判参层止边清至万确究书术状厂须离再目海交权且儿青才证低越际八试规斯近注办布门铁需走议县兵固除般引齿千胜细影济白格效置推空配刀叶率述今选养德话查差半敌始片施响收华觉备名红续均药标记难存测士身紧液派准斤角降维板许破述技消底床田势端感往神便贺村构照容非搞亚磨族火段算适讲按值美态黄易彪服早班麦削信排台声该击素张密害侯草何树肥继右属市严径螺检左页抗苏显苦英快称坏移约巴材省黑武培著河帝仅针怎植京助升王眼她抓含苗副杂普谈围食射源例致酸旧却充足短划剂宣环落首尺波承粉践府鱼随考刻靠够满夫失包住促枝局菌杆周护岩师举曲春元超负砂封换太模贫减阳扬江析亩木言球朝医校古呢稻宋听唯输滑站另卫字鼓刚写刘微略范供阿块某功套友限项余倒卷创律雨让骨远帮初皮播优占死毒圈伟季训控激找叫云互跟裂粮粒母练塞钢顶策双留误础吸阻故寸盾晚丝女散焊功株亲院冷彻弹错散商视艺灭版烈零室轻血倍缺厘泵察绝富城冲喷壤简否柱李望盘磁雄似困巩益洲脱投送奴侧润盖挥距触星松送获兴独官混纪依未突架宽冬章湿偏纹吃执阀矿寨责熟稳夺硬价努翻奇甲预职评读背协损棉侵灰虽矛厚罗泥辟告卵箱掌氧恩爱停曾溶营终纲孟钱待尽俄缩沙退陈讨奋械载胞幼哪剥迫旋征槽倒握担仍呀鲜吧卡粗介钻逐弱脚怕盐末阴丰雾冠丙街莱贝辐肠付吉渗瑞惊顿挤秒悬姆烂森糖圣凹陶词迟蚕亿矩。,、;:?!“”()《》—…0123456789ABCabc /\n\t\u3000"
    )
)
PAGE_TEXT = st.text(alphabet=ALPHABET, max_size=600)


def _assert_nothing_lost(text: str) -> None:
    parsed = parse_page(text).to_dict()
    assert lost_and_invented(text, parsed) == (0, 0)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE_TEXT)
def test_arbitrary_text_never_crashes_or_loses_characters(text):
    _assert_nothing_lost(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_never_crashes_or_loses_characters(text):
    _assert_nothing_lost(text)


@st.composite
def damaged_sample(draw):
    """The sample page with extra column breaks and characters repeated across them."""
    lines = SAMPLE.split("\n")
    for _ in range(draw(st.integers(0, 12))):
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if len(line) < 4:
            continue
        cut = draw(st.integers(1, len(line) - 1))
        repeat = line[cut - 1] if draw(st.booleans()) else ""
        lines[i : i + 1] = [line[:cut], "", repeat + line[cut:]]
    return "\n".join(lines)


@settings(max_examples=150, deadline=None)
@given(damaged_sample())
def test_sample_page_with_extra_breaks_keeps_every_character(text):
    _assert_nothing_lost(text)
    assert len(parse_page(text).articles) >= 6


FIXTURE_LINES = [
    line
    for path in sorted((Path(__file__).resolve().parents[2] / "fixtures").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
    if line.strip()
]


@st.composite
def shuffled_page(draw):
    """Real lines of both fixture pages (headlines, bylines, captions, body) in any order, cut and spaced anyhow."""
    parts = []
    for line in draw(st.lists(st.sampled_from(FIXTURE_LINES), min_size=1, max_size=40)):
        if len(line) > 10 and draw(st.booleans()):
            cut = draw(st.integers(1, len(line) - 1))
            parts += [line[:cut], "\n" * draw(st.integers(0, 2)) + line[cut:]]
        else:
            parts.append(line)
        parts.append("\n" * draw(st.integers(0, 2)))
    return "\n".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shuffled_page())
def test_real_lines_in_any_order_lose_nothing(text):
    _assert_nothing_lost(text)
