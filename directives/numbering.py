"""Document numbers (số ký hiệu) as Nghị định 30/2020/NĐ-CP writes them.

"07/KH-UBND", "15/2011/QĐ-UBND" and "123/UBND-KT" (a công văn has no type
abbreviation) are valid. Matching a register entry to its page uses a key that
ignores case, accents, spaces and leading zeros, because clerks type
"7/kh-ubnd" for "07/KH-UBND".
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.vietnamese import fold

NUMBER_PATTERN = re.compile(r"^\d{1,5}(/\d{4})?/[A-ZĐ0-9]+(-[A-ZĐ0-9.&]+)*$")
_SPACES = re.compile(r"\s+")


def clean_number(number):
    """Canonical display form: no spaces, upper case (Đ kept)."""
    return _SPACES.sub("", str(number or "")).upper()


def number_key(number):
    """Matching key: folded, without spaces and without leading zeros."""
    folded = fold(clean_number(number))
    head, sep, tail = folded.partition("/")
    return f"{head.lstrip('0') or '0'}{sep}{tail}"


def validate_number(number):
    if not NUMBER_PATTERN.match(clean_number(number)):
        raise ValidationError(
            _(
                "Số ký hiệu “%(number)s” không đúng định dạng: viết dạng số/ký hiệu, "
                "ví dụ 07/KH-UBND hoặc 15/2011/QĐ-UBND."
            ),
            params={"number": number},
            code="number_format",
        )
