-- wrk script: POSTs listings from a JSON Lines corpus to /v1/scan.
-- Environment: CORPUS (path), BATCH (listings per request; 1 = one JSON object per request),
-- DELAY_MS (pause before each request on a connection; 0 = as fast as answers come back),
-- TOKEN (optional bearer token), GET_PATH (when set, every request is a plain GET of that path
-- instead: the same HTTP round trip without the scan, the bound for the latency runs). Prints a
-- JSON line of results after the run.
local corpus = os.getenv("CORPUS")
local batch = tonumber(os.getenv("BATCH") or "1")
local delay_ms = tonumber(os.getenv("DELAY_MS") or "0")
local token = os.getenv("TOKEN")
local get_path = os.getenv("GET_PATH")

local requests = {}
local next_request = 1

function init(args)
  local headers = {}
  headers["Content-Type"] = batch == 1 and "application/json" or "application/x-ndjson"
  if token then headers["Authorization"] = "Bearer " .. token end
  if get_path then
    table.insert(requests, wrk.format("GET", get_path, headers))
    return
  end
  local lines = {}
  for line in io.lines(corpus) do
    table.insert(lines, line)
    if #lines == batch then
      table.insert(requests, wrk.format("POST", "/v1/scan", headers, table.concat(lines, "\n")))
      lines = {}
      if #requests >= 4000 then break end
    end
  end
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function delay()
  return delay_ms
end

function done(summary, latency, requests_done)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"requests_per_s":%.1f,"listings_per_s":%.1f,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,"max_ms":%.3f,' ..
    '"non_200":%d,"socket_errors":%d}\n',
    summary.requests, seconds, summary.requests / seconds, summary.requests * batch / seconds,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency:percentile(99.9) / 1e3, latency.max / 1e3, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
