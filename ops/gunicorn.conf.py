"""Gunicorn settings for the portal: `gunicorn -c ops/gunicorn.conf.py portal.wsgi`.

Every value can be overridden by an environment variable, so one file serves a
single small server and each of several app servers behind nginx.
"""

import multiprocessing
import os

# nginx proxies to this address; keep it on loopback (or a private interface).
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")

# Processes x threads: database-bound pages spend most of their time waiting, so a few
# threads per process help; processes use every core. 2 cores -> 5 workers x 4 threads.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A slow request is cut off rather than tying a worker up during a flood of visitors.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then so a slow leak never takes a server down.
max_requests = 2000
max_requests_jitter = 200

# Load the application once, before forking: faster start, shared memory.
preload_app = True

# nginx sets X-Forwarded-Proto; trust it only from the proxy's address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs go to standard output, like the application's own (journald/docker collect them).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# Limits on what a client may send (nginx enforces the upload size: client_max_body_size).
limit_request_line = 8190
limit_request_fields = 100
