"""Regenerate the screenshots of the key pages in docs/screenshots/ (``make screenshots``).

Starts the same demo server as the browser tests, then photographs each key page as a phone
(360×740) and a desktop browser (1280×800) show it on opening.

    python -m tests.browser.screenshots [--full-page] [--out FOLDER] [NAME …]
"""

import argparse
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from .conftest import launch_chromium, new_context
from .pages import KEY_PAGES, key_page_url
from .server import PROJECT_DIR, PortalServer

VIEWPORTS = {
    "mobile": {
        "viewport": {"width": 360, "height": 740},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 1,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"key pages to photograph, of: {', '.join(KEY_PAGES)} (default: all)")
    parser.add_argument("--out", type=Path, default=PROJECT_DIR / "docs" / "screenshots")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not only what fits on screen")
    args = parser.parse_args(argv)
    names = args.names or list(KEY_PAGES)
    unknown = set(names) - set(KEY_PAGES)
    if unknown:
        parser.error(f"unknown page: {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)

    started = time.monotonic()
    server = PortalServer()
    try:
        print("Đang chuẩn bị máy chủ với nội dung minh họa…", flush=True)
        server.prepare()
        server.start()
        live_pages = server.inventory()
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for device, options in VIEWPORTS.items():
                context = new_context(browser, server, **options)
                tab = context.new_page()
                for name in names:
                    tab.goto(key_page_url(live_pages, name), wait_until="networkidle")
                    path = args.out / f"{name}-{device}.png"
                    tab.screenshot(path=path, full_page=args.full_page)
                    print(f"  {path.relative_to(PROJECT_DIR) if path.is_relative_to(PROJECT_DIR) else path}")
                context.close()
            browser.close()
    finally:
        server.remove()
    print(f"Xong: {len(names) * len(VIEWPORTS)} ảnh trong {time.monotonic() - started:.0f} giây.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
