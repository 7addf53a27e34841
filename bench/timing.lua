-- wrk: when each connection sends (loaded by post.lua, block-run.lua and portkey.lua; bench/run
-- runs wrk from the repository root).
-- BENCH_STAGGER_MS > 0: each connection's first request waits a random 0..stagger ms, so the
-- connections do not all start in the same millisecond (a platform's users do not either); the
-- first BENCH_STAGGER_N requests of a wrk thread are its connections' first requests.
-- BENCH_PACE_MS > 0: every request waits a random 0..2*pace ms (an open, modest offered load).
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "0")
local stagger = tonumber(os.getenv("BENCH_STAGGER_MS") or "0")
local firsts = tonumber(os.getenv("BENCH_STAGGER_N") or "0")
local sent = 0
if pace > 0 or stagger > 0 then
  function delay()
    local d = 0
    if sent < firsts then
      sent = sent + 1
      d = math.random(0, stagger)
    end
    if pace > 0 then d = d + math.random(0, 2 * pace) end
    return d
  end
end
