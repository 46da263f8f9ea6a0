# Varnish in front of nginx (ops/nginx/portal.conf): the portal's shared HTTP cache.
#
# The portal decides what may be kept: an anonymous page gets `Cache-Control: s-maxage=N`
# (FRONTEND_CACHE_SECONDS), and publishing, unpublishing, moving or deleting a page sends PURGE
# requests for the page, its listings and feeds (portal/cache.py, FRONTEND_CACHE_URL). Anything
# else (search results, documents, the admin, anything for a visitor with a cookie) passes through.
# What differs between machines is the backend below (nginx's address); ops/stack.sh and
# tests/portal/test_varnish.py replace its port.
vcl 4.1;

import std;

backend nginx {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 5s;
    # Longer than nginx's proxy_read_timeout (35 s), which gives up first.
    .first_byte_timeout = 40s;
    .between_bytes_timeout = 40s;
}

# Only this machine may purge: the app servers run here (or reach Varnish through a local proxy).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "PURGE is allowed from this machine only"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # A session (an editor), a CSRF token (a form was shown), any cookie at all, or credentials:
    # the answer may be personal, so it is neither read from nor stored in the cache.
    if (req.http.Cookie || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)") {
        return (pass);
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    # The host without its port: Wagtail names a site by its hostname (and the Site's port, which
    # may differ from the one visitors reach Varnish on), so a PURGE finds what visitors fetched.
    hash_data(std.tolower(regsub(req.http.host, ":[0-9]+$", "")));
    return (lookup);
}

sub vcl_backend_response {
    # Kept only when the portal says a shared cache may keep it, and never a response that sets
    # a cookie or says it is private: without a TTL from the portal, nothing is cached.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "(?i)(s-maxage|max-age)=[1-9]") {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    # A short grace: while nginx refetches an expired page, visitors get the previous copy.
    set beresp.grace = 10s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
