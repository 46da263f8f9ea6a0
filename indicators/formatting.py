"""How indicator values read on the page: Vietnamese separators, never 0 for missing data."""

from decimal import Decimal

from django.utils.numberformat import format as number_format
from django.utils.translation import gettext_lazy as _

NO_DATA = _("chưa có số liệu")


def format_value(value, unit):
    """``80.00`` percent → "80%", ``2768`` count → "2.768", ``0.95`` ratio → "0,95"."""
    if value is None:
        return str(NO_DATA)
    value = Decimal(value)
    if unit == "count":
        places = 0
    elif unit == "ratio":
        places = 2
    else:
        places = 0 if value == value.to_integral_value() else 1
    text = number_format(value, ",", decimal_pos=places, grouping=3, thousand_sep=".", force_grouping=True)
    return f"{text}%" if unit == "percent" else text


def machine_value(value):
    """The figure for CSV and JSON: a plain decimal string with a dot, or None for no data."""
    if value is None:
        return None
    return format(Decimal(value).normalize(), "f")
