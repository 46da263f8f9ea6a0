"""Form widgets for the public filter forms."""

from django import forms


class PlainSelect(forms.Select):
    """A select whose options are written inline.

    Django's own template includes a sub-template for every option; with the issuing
    bodies, fields, types and years of the directive filters that was most of the
    listing's rendering time. The markup is the same, without option groups.
    """

    template_name = "portal/widgets/plain_select.html"
