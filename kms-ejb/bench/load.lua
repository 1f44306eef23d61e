-- wrk script of run-load-benchmark.sh: replays the pre-signed requests that LoadRequests wrote (first script
-- argument), one after the other on every connection, as fast as the server answers. paced.lua adds a delay.
local requests = {}
local next_index = 0

function init(args)
  for i, r in ipairs(dofile(args[1])) do
    requests[i] = wrk.format("POST", r.path, r.headers, r.body)
  end
  next_index = math.random(#requests) - 1
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end

-- one line that run-load-benchmark.sh parses: requests/s, p50 and p99 in microseconds, errors
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_us=%d p99_us=%d errors=%d requests=%d\n",
    summary.requests / seconds, latency:percentile(50), latency:percentile(99), errors, summary.requests))
end
