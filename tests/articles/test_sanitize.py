"""The body sanitiser against XSS payloads and pasted Word/WPS HTML."""

from html.parser import HTMLParser

import pytest

from articles.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, clean_html

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>',
    '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
    "<SCRIPT SRC=//xss.rocks/.j>",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "<iframe src=http://xss.rocks/scriptlet.html <",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<BODY ONLOAD=alert('XSS')>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
    '<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">',
    '<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>',
    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoIlhTUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href="&#106;avascript:alert(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    '<a href=" javascript:alert(1)">link</a>',
    '<a href="#" onclick="alert(1)">link</a>',
    '<a href="https://example.com" target="_blank" onmouseover="alert(1)">link</a>',
    "<p onclick=alert(1)>text</p>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<form><button formaction=javascript:alert(1)>X</button></form>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<isindex type=image src=1 onerror=alert(1)>",
    '<img src="/media/ok.jpg" onload="alert(1)">',
    '<img src="/media/../admin/x.js">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    "<template><script>alert(1)</script></template>",
    "<xmp><script>alert(1)</script></xmp>",
    "<!--<img src=x onerror=alert(1)>-->",
    '<p style="color:red">styled</p>',
    '<div><a href="http://ok.example">ok</a></div>',
]
DANGER = ("javascript", "vbscript", "onerror", "onload", "onclick", "onmouse", "<script", "expression(", "data:")


class _Checker(HTMLParser):
    def handle_starttag(self, tag, attrs):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs:
            if name == "rel" and tag == "a":
                assert value == "noopener noreferrer"
                continue
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()), (tag, name)
            if name == "href" and ":" in value:  # relative links (#, /path) carry no scheme
                assert value.split(":", 1)[0].lower() in {"http", "https", "mailto"}, value
            if name == "src":
                assert value.startswith("/media/") and ".." not in value, value


def test_there_are_at_least_fifty_payloads():
    assert len(XSS_PAYLOADS) >= 50


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_is_neutralised(payload):
    cleaned = clean_html(payload)
    _Checker().feed(cleaned)
    lowered = cleaned.lower()
    # What is left is text (escaped) or safe markup; nothing executable survives as markup.
    for word in DANGER:
        if word in lowered:
            assert f"<{word}" not in lowered and f"{word}=" not in lowered.replace(" ", "")


def test_our_own_images_and_safe_links_survive():
    html = '<figure><img src="/media/photos/a.jpg" alt="图"><figcaption>图为会场。</figcaption></figure><p><a href="https://example.com/x">链接</a></p>'
    assert clean_html(html) == (
        '<figure><img src="/media/photos/a.jpg" alt="图"><figcaption>图为会场。</figcaption></figure>'
        '<p><a href="https://example.com/x" rel="noopener noreferrer">链接</a></p>'
    )


def test_html_pasted_from_word_comes_out_clean():
    word = (
        "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
        "<style>p.MsoNormal{margin:0}</style>"
        '<p class=MsoNormal style="text-indent:21.0pt;mso-char-indent-count:2.0">'
        '<span lang=EN-US style="font-family:宋体">6月3日,会议召开。<o:p></o:p></span></p>'
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        '<p class=MsoNormal><b><span style="font-size:14pt">现场直击</span></b></p>'
    )
    assert clean_html(word) == "<p>6月3日,会议召开。</p><p><b>现场直击</b></p>"


def test_html_pasted_from_wps_comes_out_clean():
    wps = '<p style="line-height:150%" align=justify><font face="仿宋_GB2312" size=4>株洲日报讯 近日,项目投产。</font></p>'
    assert clean_html(wps) == "<p>株洲日报讯 近日,项目投产。</p>"
