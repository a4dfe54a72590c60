-- Shared by every wrk run of bench/run: optional request from the environment, a bearer token, optional pacing,
-- and one machine-readable result line at the end (wrk's own --latency table stops at p99).
local token = os.getenv("BENCH_TOKEN")
local body = os.getenv("BENCH_BODY")
local pause_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local prefer = os.getenv("BENCH_PREFER")

wrk.headers["Accept"] = "application/json"
if token and #token > 0 then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if prefer and #prefer > 0 then
  -- e.g. "wait=10": an order's answer then comes when its saga has ended, so latency is POST -> CONFIRMED.
  wrk.headers["Prefer"] = prefer
end
if body and #body > 0 then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

if pause_ms > 0 then
  -- Paced load: each connection waits this long between requests (closed loop, so not free of coordinated omission).
  function delay()
    return pause_ms
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  local failed = errors.connect + errors.read + errors.write + errors.timeout + errors.status
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f failed=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, failed))
end
