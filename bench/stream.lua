-- wrk: POST a small streamed chat completion (stream: true) with the workspace token from the
-- environment; the fake writes the whole stream at once, so at 0 ms upstream the time to its last
-- byte is the time to its first; timing from bench/timing.lua
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "none")
wrk.body = '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Sag Hallo"}],"max_tokens":20}'
dofile("bench/timing.lua")
