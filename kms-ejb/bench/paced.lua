-- load.lua at a fixed request rate: after each answer a connection waits before its next request, so that the
-- connections together send about the rate asked for. Arguments: requests file, rate (requests/s for this wrk
-- thread), connections of the thread, and the unloaded latency in ms (the wait is the interval minus it).
dofile(string.gsub(debug.getinfo(1, "S").source:sub(2), "paced.lua$", "load.lua"))
local base_init = init
local interval_ms = 0

function init(args)
  base_init(args)
  interval_ms = math.max(0, tonumber(args[3]) * 1000 / tonumber(args[2]) - tonumber(args[4]))
end

-- wrk waits whole milliseconds: round up or down at random so that the mean wait is the interval
function delay()
  local whole = math.floor(interval_ms)
  if math.random() < interval_ms - whole then
    return whole + 1
  end
  return whole
end
