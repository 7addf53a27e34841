-- wrk: the compatible endpoint's chat (as bench/post.lua), every answer tallied by the second it
-- arrived and its outcome (ok, or the status with the error's code), for BENCH_MODE=outage of
-- bench/run; done() writes "second|outcome|count" lines to BENCH_TALLY.
dofile("bench/post.lua")
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
tally = {}
function response(status, headers, body)
  local outcome = "ok"
  if status ~= 200 then
    outcome = status .. " " .. (string.match(body or "", '"code"%s*:%s*"([^"]+)"') or "-")
  end
  local key = os.time() .. "|" .. outcome
  tally[key] = (tally[key] or 0) + 1
end
function done(summary, latency, requests)
  local f = assert(io.open(os.getenv("BENCH_TALLY"), "w"))
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("tally")) do
      f:write(k .. "|" .. v .. "\n")
    end
  end
  f:write("socket|errors|" .. (summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout) .. "\n")
  f:close()
end
