-- wrk: POST a small Responses API call with the workspace token from the environment; timing
-- from bench/timing.lua
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "none")
wrk.body = '{"model":"gpt-4o-mini","input":"Sag Hallo","max_output_tokens":20}'
dofile("bench/timing.lua")
