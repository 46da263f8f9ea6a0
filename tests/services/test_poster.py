import io
import re
from html import unescape

import segno
import zxingcpp
from PIL import Image

from services.models import CampaignDailyFollowThrough


def rasterise(svg_markup, pixels_per_module=4):
    """Draw the poster's SVG QR code (segno's one-path form) as a bitmap, module by module."""
    size = int(re.search(r'viewBox="0 0 (\d+)', svg_markup).group(1))
    scale = float(re.search(r"scale\(([\d.]+)\)", svg_markup).group(1))
    modules = round(size / scale)
    path = re.search(r'<path[^>]*stroke="[^"]+"[^>]*d="([^"]+)"', svg_markup).group(1)
    image = Image.new("L", (modules * pixels_per_module,) * 2, 255)
    x = y = 0.0
    for command, args in re.findall(r"([MmHh])([^MmHh]*)", path):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            end = x + numbers[0] if command == "h" else numbers[0]
            row = int(y)  # a line at y = row + 0.5, one module thick
            box = (int(min(x, end)) * pixels_per_module, row * pixels_per_module)
            image.paste(0, box + (int(max(x, end)) * pixels_per_module, (row + 1) * pixels_per_module))
            x = end
    return image


def decode(svg_markup):
    return [result.text for result in zxingcpp.read_barcodes(rasterise(svg_markup))]


def test_poster_qr_content_decodes_to_the_counting_url(browser_client, campaign, online_procedure):
    response = browser_client.get(campaign.poster_url)

    assert response.status_code == 200
    html = response.content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    expected = f"http://testserver/go/{campaign.pk}/{online_procedure.pk}/?kenh=poster"
    assert decode(svg) == [expected]
    assert unescape(expected) in unescape(html)  # the address is printed too, for those without a scanner

    browser_client.get(expected)
    assert CampaignDailyFollowThrough.objects.get().channel == "poster"


def test_the_decoder_reads_what_segno_encodes():
    buffer = io.BytesIO()
    segno.make("http://testserver/go/1/2/?kenh=poster", error="m").save(buffer, kind="png", scale=4)
    buffer.seek(0)

    assert [r.text for r in zxingcpp.read_barcodes(Image.open(buffer))] == ["http://testserver/go/1/2/?kenh=poster"]


def test_the_poster_print_button_is_wired_by_a_script_file_not_an_inline_handler(client, campaign):
    html = client.get(campaign.poster_url).content.decode()

    button = re.search(r"<button[^>]*>In áp phích</button>", html).group(0)
    assert "data-print" in button and "onclick" not in button
    assert re.search(r'<script src="[^"]*js/print-button\.js" defer>', html)
