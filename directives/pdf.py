"""A tiny PDF writer for demo attachments: real, valid, with Vietnamese text that can be extracted.

No dependency: the text uses the standard Helvetica font with a custom encoding
and a ToUnicode map, so search and copy-paste get exact Vietnamese. Letters that
Helvetica lacks (ơ, ư, ạ, ả…) are drawn with the nearest glyph it has; the
extracted text stays exact. Real signed documents are uploaded as files, so this
only serves the demo.
"""

import textwrap
import unicodedata

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN, FONT_SIZE, LEADING = 56, 11, 15
WRAP = 88
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN) // LEADING

# Accented glyphs present in the standard Latin set of the base-14 fonts.
_MARKS = {"\u0301": "acute", "\u0300": "grave", "\u0302": "circumflex", "\u0303": "tilde", "\u0306": "breve"}
_KNOWN = {
    f"{base}{mark}"
    for base in "aeiouyAEIOUY"
    for mark in ("acute", "grave", "circumflex", "tilde")
    if not (base in "yY" and mark != "acute")
    and not (base in "eE" and mark == "tilde")
    and not (base in "iI" and mark == "tilde")
} | {"abreve", "Abreve", "dcroat", "Dcroat"}


def glyph_name(char):
    if char == "đ":
        return "dcroat"
    if char == "Đ":
        return "Dcroat"
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    for mark in marks:
        name = f"{base}{_MARKS.get(mark, '')}"
        if mark in _MARKS and name in _KNOWN:
            return name
    return base if base.isascii() and base.isalpha() else "question"


class _Encoding:
    """ASCII as is; each other character gets a code from 128 up."""

    def __init__(self, text):
        extra = sorted({char for char in text if not (32 <= ord(char) < 127)} - {"\n"})
        if len(extra) > 128:
            raise ValueError("too many distinct non-ASCII characters for one simple font")
        self.codes = {char: 128 + position for position, char in enumerate(extra)}

    def encode(self, line):
        return bytes(ord(char) if 32 <= ord(char) < 127 else self.codes[char] for char in line)

    def differences(self):
        names = " ".join(f"/{glyph_name(char)}" for char in self.codes)
        return f"[128 {names}]" if self.codes else "[]"

    def to_unicode(self):
        entries = "\n".join(f"<{code:02X}> <{ord(char):04X}>" for char, code in self.codes.items())
        return (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            "1 beginbfrange <20> <7E> <0020> endbfrange\n"
            f"{len(self.codes)} beginbfchar\n{entries}\nendbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end"
        )


def _utf16(text):
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def build_pdf(title, paragraphs):
    """Bytes of an A4 PDF showing ``paragraphs`` (strings; "" for a blank line)."""
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, WRAP) or [""])
    encoding = _Encoding(title + "".join(lines))
    pages = [lines[start : start + LINES_PER_PAGE] for start in range(0, len(lines), LINES_PER_PAGE)] or [[]]

    objects = {}
    font_id, cmap_id, pages_id, info_id = 3, 4, 2, 5
    next_id = 6
    page_ids = []
    for page_lines in pages:
        content = [f"BT /F1 {FONT_SIZE} Tf {LEADING} TL {MARGIN} {PAGE_HEIGHT - MARGIN} Td"]
        for line in page_lines:
            content.append(f"<{encoding.encode(line).hex().upper()}> Tj T*")
        content.append("ET")
        stream = "\n".join(content).encode("ascii")
        content_id, page_id = next_id, next_id + 1
        next_id += 2
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_id] = (
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>"
        ).encode("ascii")
        page_ids.append(page_id)

    cmap = encoding.to_unicode().encode("ascii")
    objects[1] = f"<< /Type /Catalog /Pages {pages_id} 0 R /Lang (vi-VN) >>".encode("ascii")
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects[pages_id] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode("ascii")
    objects[font_id] = (
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        f"/Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences {encoding.differences()} >> "
        f"/ToUnicode {cmap_id} 0 R >>"
    ).encode("ascii")
    objects[cmap_id] = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    objects[info_id] = f"<< /Title {_utf16(title)} /Producer (Cong thong tin dien tu) >>".encode("ascii")

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for object_id in sorted(objects):
        offsets[object_id] = len(output)
        output += b"%d 0 obj\n" % object_id + objects[object_id] + b"\nendobj\n"
    xref_at = len(output)
    count = max(objects) + 1
    output += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for object_id in range(1, count):
        output += b"%010d 00000 n \n" % offsets[object_id]
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, info_id, xref_at)
    return bytes(output)
