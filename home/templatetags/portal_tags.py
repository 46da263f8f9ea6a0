from django import template
from django.template.defaultfilters import filesizeformat

register = template.Library()


@register.filter
def document_size(document):
    """Human file size of a Wagtail document; empty when the file is missing."""
    size = getattr(document, "file_size", None)
    if size is None:
        try:
            size = document.file.size
        except (OSError, ValueError):
            return ""
    return filesizeformat(size)
