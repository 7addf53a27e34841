-- wrk: POST the same small chat completion as post.lua through the Portkey gateway, which forwards
-- it as provider "openai" to the custom host BENCH_UPSTREAM (the fake's base URL incl. /v1, e.g.
-- http://127.0.0.1:18500/v1) with the caller's (dummy) OpenAI key; timing from bench/timing.lua
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-proj-benchmarkKey0000000000000000"
wrk.headers["x-portkey-provider"] = "openai"
wrk.headers["x-portkey-custom-host"] = os.getenv("BENCH_UPSTREAM") or "http://127.0.0.1:18500/v1"
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Sag Hallo"}],"max_tokens":20}'
dofile("bench/timing.lua")
