-- The request mix of bench/resilience.py: real URLs of the stack, one per line of the file named by
-- RESILIENCE_URLS ("kind<TAB>host<TAB>path", kinds in the proportions the script wrote them),
-- each sent with its site's Host header. Counts 5xx answers (and 503s apart) across threads, and
-- stops each thread after RESILIENCE_MAX_REQUESTS responses: a run is bounded in count and time.
local limit = tonumber(os.getenv("RESILIENCE_MAX_REQUESTS") or "200000")
local threads = {}
local urls = {}
for line in io.lines(os.getenv("RESILIENCE_URLS")) do
  local kind, host, path = line:match("^(%S+)\t(%S+)\t(.+)$")
  if kind then
    urls[#urls + 1] = wrk.format("GET", path, { Host = host })
  end
end

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 1000 + (id or 0))
  seen, fivexx, unavailable = 0, 0, 0
end

function request()
  return urls[math.random(#urls)]
end

function response(status, headers, body)
  seen = seen + 1
  if status >= 500 then
    fivexx = fivexx + 1
    if status == 503 then
      unavailable = unavailable + 1
    end
  end
  if seen >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local total_5xx, total_503 = 0, 0
  for _, thread in ipairs(threads) do
    total_5xx = total_5xx + thread:get("fivexx")
    total_503 = total_503 + thread:get("unavailable")
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "fivexx": %d, "unavailable": %d, "socket_errors": %d, "status_errors": %d, '
      .. '"max_ms": %.1f, "p99_ms": %.1f, "duration_s": %.2f}\n',
    summary.requests, total_5xx, total_503, e.connect + e.read + e.write + e.timeout, e.status,
    latency.max / 1000, latency:percentile(99) / 1000, summary.duration / 1e6))
end
