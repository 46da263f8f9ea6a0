"""Checking links to other websites politely: a few at a time, one request per host at a time with
a pause between them, bounded waits, an honest User-Agent, HEAD first (cheap) and GET when a server
refuses HEAD, and redirects followed by hand so a loop is named rather than followed forever."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import urljoin, urlsplit

import requests
from django.utils.translation import gettext as _

from .links import Outcome

USER_AGENT = "HauGiangPortalLinkChecker/1.0 (+kiem tra lien ket cua cong thong tin dien tu tinh Hau Giang)"
REDIRECT_CODES = {301, 302, 303, 307, 308}


class HostLimiter:
    """One request at a time per host, ``interval`` seconds after the previous one ended, across threads."""

    def __init__(self, interval):
        self.interval = interval
        self.locks = {}
        self.last = {}
        self.guard = threading.Lock()

    @contextmanager
    def turn(self, host):
        with self.guard:
            lock = self.locks.setdefault(host, threading.Lock())
        with lock:
            pause = self.last.get(host, 0) + self.interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                yield
            finally:
                self.last[host] = time.monotonic()


class ExternalChecker:
    def __init__(self, *, workers=8, timeout=10.0, per_host_interval=1.0, max_redirects=10, user_agent=USER_AGENT):
        self.workers = workers
        self.timeout = timeout
        self.max_redirects = max_redirects
        self.limiter = HostLimiter(per_host_interval)
        self.headers = {"User-Agent": user_agent}

    def _request(self, session, method, url):
        with self.limiter.turn(urlsplit(url).hostname or ""):
            response = session.request(method, url, allow_redirects=False, timeout=self.timeout, stream=True)
            response.close()
        return response

    def _fetch(self, session, method, url):
        """The final response's status, following redirects by hand; raises on a loop."""
        seen = {url}
        for _hop in range(self.max_redirects + 1):
            response = self._request(session, method, url)
            if response.status_code not in REDIRECT_CODES or "Location" not in response.headers:
                return response.status_code
            url = urljoin(url, response.headers["Location"])
            if url in seen:
                raise RedirectLoop(url)
            seen.add(url)
        raise RedirectLoop(url)

    def check(self, url):
        with requests.Session() as session:
            session.headers.update(self.headers)
            try:
                status = self._fetch(session, "HEAD", url)
                if status >= 400:  # Some servers refuse or mishandle HEAD: ask as a browser would.
                    status = self._fetch(session, "GET", url)
            except RedirectLoop:
                return Outcome(False, _("Vòng lặp chuyển hướng."))
            except requests.Timeout:
                return Outcome(False, _("Quá thời gian chờ phản hồi."))
            except requests.RequestException as error:
                return Outcome(False, _("Không kết nối được: %(error)s") % {"error": type(error).__name__})
        if status >= 400:
            return Outcome(False, _("Máy chủ trả lời mã lỗi %(status)s.") % {"status": status}, status)
        return Outcome(True, "", status)

    def check_many(self, urls):
        """{url: Outcome} for every URL, ``workers`` at a time."""
        urls = sorted(urls)
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            return dict(zip(urls, pool.map(self.check, urls), strict=True))


class RedirectLoop(Exception):
    pass
