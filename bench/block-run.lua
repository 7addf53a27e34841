-- wrk: run the benchmark's block as its workspace member (HTTP Basic from BENCH_AUTH, base64);
-- timing from bench/timing.lua
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. (os.getenv("BENCH_AUTH") or "")
wrk.body = '{"variables":{"name":"Welt"}}'
dofile("bench/timing.lua")
