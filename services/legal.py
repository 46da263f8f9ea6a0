"""Linking document numbers in a procedure's legal basis to the directives published on the portal."""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

# "07/KH-UBND", "42/2022/NĐ-CP", "59/2020/QH14", "1234/QĐ-UBND": number, optional year, issuer code.
DOCUMENT_NUMBER = re.compile(r"(?<![\w/])\d{1,5}/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*(?![\w/])")


def document_numbers(text):
    return DOCUMENT_NUMBER.findall(text or "")


def _live_directives_by_number(numbers):
    """Live directive pages with these numbers; nothing when the directives app has no such model."""
    if not numbers:
        return {}
    try:
        from directives.models import DirectivePage
        from directives.numbering import number_key
    except ImportError:
        return {}
    # By the indexed number key, which also matches a number typed with other spacing or case.
    keys = {number_key(number): number for number in numbers}
    pages = DirectivePage.objects.live().public().filter(number_key__in=keys)
    return {keys[page.number_key]: page for page in pages if page.number_key in keys}


def link_legal_basis(text):
    """The legal basis as HTML lines, each known document number linking to its directive page."""
    if not text:
        return ""
    pages = _live_directives_by_number(document_numbers(text))
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        html = []
        position = 0
        for match in DOCUMENT_NUMBER.finditer(line):
            page = pages.get(match.group())
            if page is None:
                continue
            html.append(escape(line[position : match.start()]))
            html.append(format_html('<a href="{}">{}</a>', page.url, match.group()))
            position = match.end()
        html.append(escape(line[position:]))
        lines.append("<li>" + "".join(html) + "</li>")
    return mark_safe('<ul class="legal-basis">' + "".join(lines) + "</ul>")  # noqa: S308 - every piece escaped
