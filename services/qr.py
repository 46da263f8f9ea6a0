"""QR codes for posters, as inline SVG (segno is pure Python: nothing to install on the server)."""

import segno


def qr_svg(data, title=""):
    """An inline ``<svg>`` QR code for ``data``; medium error correction survives a worn poster."""
    code = segno.make(data, error="m", micro=False)
    svg = code.svg_inline(scale=5, border=4, title=title or None, dark="#000", light="#fff", omitsize=True)
    return svg.replace("<svg ", '<svg role="img" ', 1)
