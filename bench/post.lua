-- wrk: POST a small chat completion with the workspace token from the environment; with
-- timing from bench/timing.lua
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "none")
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Sag Hallo"}],"max_tokens":20}'
dofile("bench/timing.lua")
