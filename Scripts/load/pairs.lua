-- wrk script: cycles through the comparison paths in $PAIRS_FILE (one "/compare/{slugA}-vs-{slugB}" a line,
-- written by Scripts/load/make-pairs.py). Each thread starts at its own offset, so the threads do not ask for the
-- same pair at the same time. Usage: PAIRS_FILE=pairs.txt wrk -t2 -c64 -d10s -s Scripts/load/pairs.lua URL
-- With PACE_MS set, each connection waits a random 0..2*PACE_MS ms (PACE_MS on average) before each request, so the
-- load is a set rate below saturation (about connections * 1000 / (PACE_MS + latency) requests/s), and latency is
-- measured at that rate rather than with every connection queued behind the others.
local file = os.getenv("PAIRS_FILE") or error("PAIRS_FILE is not set")
local paths = {}
for line in io.lines(file) do
  if line ~= "" then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. file) end

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local index = 0
function init(args)
  local count = tonumber(os.getenv("WRK_THREADS") or "2")
  index = math.floor((id or 0) * #paths / count)
end

function request()
  index = index + 1
  if index > #paths then index = 1 end
  return wrk.format("GET", paths[index])
end

local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
  function delay()
    return math.random(0, 2 * pace)
  end
end

function done(summary, latency, requests)
  io.write(string.format("pairs: %d distinct paths, %d requests (%.1f passes)\n",
    #paths, summary.requests, summary.requests / #paths))
end
