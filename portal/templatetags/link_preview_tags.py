"""Open Graph and Twitter card metadata, so a shared link shows the page's title, text and image."""

from django import template

from home.models import PortalSettings

register = template.Library()

# Facebook and Zalo crop larger images to 1.91:1; 1200 pixels wide stays sharp on high-density screens.
IMAGE_SPEC = "fill-1200x630"


@register.inclusion_tag("components/link_preview.html", takes_context=True)
def link_preview(context):
    request = context["request"]
    page = context.get("page")
    site_name = PortalSettings.for_request(request).portal_name
    preview = {"site_name": site_name, "title": site_name, "description": "", "image": None}
    if page is not None and hasattr(page, "link_preview_image"):
        preview["title"] = page.seo_title or page.title
        preview["description"] = page.link_preview_description() or ""
        preview["url"] = page.get_full_url(request)
        image = page.link_preview_image()
        if image is not None:
            rendition = image.get_rendition(IMAGE_SPEC)
            preview["image"] = {
                "url": request.build_absolute_uri(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": image.default_alt_text,
            }
    else:
        # Views that are not pages (search, errors): the address without its query string.
        preview["url"] = request.build_absolute_uri(request.path)
    return preview
