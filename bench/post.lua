-- wrk: POST a small chat completion with the workspace token from the environment; with
-- BENCH_PACE_MS > 0, each connection waits a random 0..2*pace ms between requests
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "none")
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Sag Hallo"}],"max_tokens":20}'
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "0")
if pace > 0 then
  function delay() return math.random(0, 2 * pace) end
end
