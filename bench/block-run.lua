-- wrk: run the benchmark's block as its workspace member (HTTP Basic from BENCH_AUTH, base64);
-- BENCH_PACE_MS as in post.lua
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. (os.getenv("BENCH_AUTH") or "")
wrk.body = '{"variables":{"name":"Welt"}}'
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "0")
if pace > 0 then
  function delay() return math.random(0, 2 * pace) end
end
