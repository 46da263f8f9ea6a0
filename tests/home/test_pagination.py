"""Pagination bars stay short, however long the list."""

from django.core.paginator import Paginator
from django.template import Context, Template


def render_bar(count, current):
    page = Paginator(range(count), 20).get_page(current)
    template = Template(
        "{% load portal_tags %}{% for number in page|page_numbers %}"
        "{% if number is None %}…{% else %}[{{ number }}]{% endif %}{% endfor %}"
    )
    return template.render(Context({"page": page}))


def test_a_listing_of_100000_directives_shows_a_handful_of_page_links():
    assert render_bar(100_000, 1) == "[1][2][3]…[5000]"
    assert render_bar(100_000, 2500) == "[1]…[2498][2499][2500][2501][2502]…[5000]"


def test_a_short_listing_shows_every_page():
    assert render_bar(100, 3) == "[1][2][3][4][5]"
