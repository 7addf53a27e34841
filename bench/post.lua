-- wrk: POST a small chat completion with the token from the environment
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "none")
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Sag Hallo"}],"max_tokens":20}'
