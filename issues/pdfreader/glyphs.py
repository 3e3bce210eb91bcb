"""One PDF page through PDFium: its glyphs (text, box, size, weight), its rules and its pictures."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .model import Box, Glyph
from .normalise import normalise_char

BOLD_WEIGHT = 600
BOLD_NAMES = ("bold", "heavy", "black", "hei", "demi")  # 黑体 faces are set as headlines like bold ones
RULE_THICKNESS = 3.0  # points: a path thinner than this and longer than RULE_MIN_LENGTH is a rule
RULE_MIN_LENGTH = 20.0
PICTURE_MIN_SIDE = 20.0


@dataclass(frozen=True, slots=True)
class RawPage:
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rules: tuple[Box, ...]  # drawn lines (horizontal or vertical), as thin boxes
    pictures: tuple[Box, ...]  # images, and filled shapes the size of a picture
    raw_chars: int  # text-layer characters before normalising, spaces included


def read_raw_page(page: pdfium.PdfPage) -> RawPage:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        glyphs, raw_chars = _glyphs(textpage, height)
    finally:
        textpage.close()
    rules, pictures = _shapes(page, height)
    return RawPage(width, height, glyphs, rules, pictures, raw_chars)


def _glyphs(textpage: pdfium.PdfTextPage, height: float) -> tuple[tuple[Glyph, ...], int]:
    glyphs: list[Glyph] = []
    matrix, loose = pdfium_c.FS_MATRIX(), pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    fonts: dict[bytes, bool] = {}
    count = pdfium_c.FPDFText_CountChars(textpage)
    raw = 0
    for i in range(count):
        if pdfium_c.FPDFText_IsGenerated(textpage, i):
            continue  # spaces and line ends PDFium made up; lines.py decides spaces from the geometry
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        if code in (0, 0xFFFE, 0xFFFF) or code in (0x0A, 0x0D):
            continue
        raw += 1
        text = normalise_char(chr(code))
        if not text:
            continue
        if abs(pdfium_c.FPDFText_GetCharAngle(textpage, i)) > 0.01:
            continue  # rotated or vertical text is not read yet
        # The size a reader sees: the font size times the scale of the text and page matrices.
        pdfium_c.FPDFText_GetMatrix(textpage, i, matrix)
        size = pdfium_c.FPDFText_GetFontSize(textpage, i) * abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        if size <= 0:
            continue
        # The loose box spans the glyph's advance (a full-width comma is one em wide); the band is one em on the baseline.
        pdfium_c.FPDFText_GetLooseCharBox(textpage, i, loose)
        pdfium_c.FPDFText_GetCharOrigin(textpage, i, ox, oy)
        # Some producers' fonts give PDFium no ascent, and the loose box shrinks to the ink: an ideograph or a
        # full-width sign advances one em from its origin whatever its ink.
        x0 = ox.value if abs(ox.value - loose.left) < size else loose.left
        x1 = max(loose.right, x0 + size) if _fullwidth(text) else max(loose.right, x0)
        box = Box(x0, height - (oy.value + 0.88 * size), x1, height - (oy.value - 0.12 * size))
        length = pdfium_c.FPDFText_GetFontInfo(textpage, i, name, len(name), flags)
        key = name.raw[: max(0, length - 1)]
        if key not in fonts:
            fonts[key] = any(word in key.decode("latin-1").lower() for word in BOLD_NAMES)
        bold = fonts[key] or pdfium_c.FPDFText_GetFontWeight(textpage, i) >= BOLD_WEIGHT
        glyphs.append(Glyph(text, box, round(size, 2), bold))
    return tuple(glyphs), raw


def _fullwidth(text: str) -> bool:
    code = ord(text[0])
    return 0x3000 <= code <= 0x303F or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF01 <= code <= 0xFF60


def _shapes(page: pdfium.PdfPage, height: float) -> tuple[tuple[Box, ...], tuple[Box, ...]]:
    rules: list[Box] = []
    pictures: list[Box] = []
    for obj in page.get_objects(max_depth=4):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            try:
                left, bottom, right, top = obj.get_bounds()
            except pdfium.PdfiumError:
                continue
            box = Box(left, height - top, right, height - bottom)
            if box.width >= PICTURE_MIN_SIDE and box.height >= PICTURE_MIN_SIDE:
                pictures.append(box)
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path_shapes(obj, height, rules, pictures)
    return tuple(rules), tuple(pictures)


def _path_shapes(obj, height: float, rules: list[Box], pictures: list[Box]) -> None:
    """A path's pieces: thin ones are rules; a frame (a box with a box cut out) gives its sides as rules; a filled box the size of a picture is one."""
    boxes = _subpath_boxes(obj, height)
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj, mode, stroke)
    filled = mode.value != pdfium_c.FPDF_FILLMODE_NONE
    if filled and len(boxes) == 2 and (_inside(boxes[0], boxes[1]) or _inside(boxes[1], boxes[0])):
        outer, inner = boxes if _inside(boxes[1], boxes[0]) else boxes[::-1]
        sides = (
            Box(outer.x0, outer.top, outer.x1, inner.top),
            Box(outer.x0, inner.bottom, outer.x1, outer.bottom),
            Box(outer.x0, outer.top, inner.x0, outer.bottom),
            Box(inner.x1, outer.top, outer.x1, outer.bottom),
        )
        boxes = [side for side in sides if side.width > 0.1 and side.height > 0.1]
    for box in boxes:
        if min(box.width, box.height) <= RULE_THICKNESS and max(box.width, box.height) >= RULE_MIN_LENGTH:
            rules.append(box)
        elif filled and box.width >= 2 * PICTURE_MIN_SIDE and box.height >= 2 * PICTURE_MIN_SIDE:
            pictures.append(box)  # a filled box the size of a picture: a photo's frame or a tint panel


def _inside(inner: Box, outer: Box, slack: float = 0.05) -> bool:
    return (
        outer.x0 <= inner.x0 + slack
        and outer.top <= inner.top + slack
        and inner.x1 <= outer.x1 + slack
        and inner.bottom <= outer.bottom + slack
    )


def _subpath_boxes(obj, height: float) -> list[Box]:
    matrix = obj.get_matrix()
    boxes: list[Box] = []
    points: list[tuple[float, float]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO and points:
            boxes.append(_points_box(points, height))
            points = []
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        points.append(matrix.on_point(x.value, y.value))
    if points:
        boxes.append(_points_box(points, height))
    return boxes


def _points_box(points: list[tuple[float, float]], height: float) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return Box(min(xs), height - max(ys), max(xs), height - min(ys))
