-- Stops each wrk thread after BENCH_MAX_REQUESTS responses: every load run is bounded in count
-- as well as in time (wrk's -d).
local limit = tonumber(os.getenv("BENCH_MAX_REQUESTS") or "50000")
local seen = 0

function response(status, headers, body)
  seen = seen + 1
  if seen >= limit then
    wrk.thread:stop()
  end
end
