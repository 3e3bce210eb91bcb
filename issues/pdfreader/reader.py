"""A page PDF (bytes) -> its pages read, in order; or a PdfReadError that says why not."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .emit import emit
from .glyphs import RawPage, read_raw_page
from .layout import lay_out
from .lines import build_lines
from .model import PdfPage, PdfReadError
from .normalise import is_common

MAGIC = b"%PDF-"
MAX_PAGES = 64  # a whole issue is at most a few dozen 版; more is a file sent by mistake
MIN_TEXT_CHARS = 20  # a page with fewer characters in its text layer is a scan (or a full-page picture)
MIN_COMMON_SHARE = 0.85  # of the non-space characters: below this the fonts have no Unicode map


def is_pdf(data: bytes) -> bool:
    """A PDF starts with %PDF- (some writers put a little junk before it: allowed within the first KiB)."""
    return MAGIC in data[:1024]


def read_pdf(data: bytes, *, max_pages: int = MAX_PAGES) -> tuple[PdfPage, ...]:
    if not is_pdf(data):
        raise PdfReadError("not-pdf", "不是 PDF 文件(文件头没有 %PDF-)")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise PdfReadError("encrypted", "PDF 已加密,需要密码才能打开,请导出未加密的版面 PDF") from exc
        raise PdfReadError("broken", f"PDF 文件已损坏,无法打开:{exc}") from exc
    try:
        count = len(document)
        if count == 0:
            raise PdfReadError("empty", "PDF 文件没有页面")
        if count > max_pages:
            raise PdfReadError("too-many-pages", f"PDF 有 {count} 页,超过上限 {max_pages} 页:是否选错了文件?")
        return tuple(_read_page(document, n) for n in range(count))
    finally:
        document.close()


def _read_page(document: pdfium.PdfDocument, index: int) -> PdfPage:
    page = document[index]
    try:
        raw = read_raw_page(page)
    finally:
        page.close()
    _check_text_layer(raw, index + 1)
    return read_page(raw, index + 1)


def read_page(raw: RawPage, number: int) -> PdfPage:
    """One page's glyphs, rules and pictures -> the page read."""
    lines = build_lines(raw.glyphs, raw.rules)
    layout = lay_out(lines, raw.pictures, raw.rules, raw.width, raw.height)
    text, hints, regions = emit(layout, raw.width, raw.height)
    return PdfPage(number, raw.width, raw.height, text, hints, regions, layout.body_size)


def _check_text_layer(raw: RawPage, number: int) -> None:
    ink = [g.text for g in raw.glyphs if not g.is_space]
    if len(ink) < MIN_TEXT_CHARS:
        raise PdfReadError("no-text", f"第 {number} 页没有文字层(可能是扫描件或整版图片),无法读取文字;本系统不做 OCR")
    common = sum(1 for text in ink if all(is_common(ch) for ch in text))
    if common < MIN_COMMON_SHARE * len(ink):
        raise PdfReadError(
            "garbled",
            f"第 {number} 页的文字层是乱码(常用字只占 {common * 100 // len(ink)}%):字体缺少 Unicode 映射,请重新导出 PDF",
        )
