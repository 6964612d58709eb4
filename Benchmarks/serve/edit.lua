-- wrk script: PATCH criterion claims of one assessment per wrk thread, each edit carrying the version
-- it changes (If-Match), learnt from the previous answer for that criterion, so every edit is valid
-- and none is stale. A criterion is not edited again until its previous answer has come back.
-- Needs ASSESSMENTS (space-separated ids, one per thread) and CRITERIA (space-separated ids).
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

local function split(text)
  local out = {}
  for word in string.gmatch(text or "", "%S+") do table.insert(out, word) end
  return out
end

function init(args)
  local assessments = split(os.getenv("ASSESSMENTS"))
  assessment = assessments[((index - 1) % #assessments) + 1]
  criteria = split(os.getenv("CRITERIA"))
  versions = {}
  busy = {}
  claims = {}
  next_criterion = 0
  for _, id in ipairs(criteria) do versions[id] = tonumber(os.getenv("VERSION_" .. id) or "1"); claims[id] = 1 end
end

function request()
  for _ = 1, #criteria do
    next_criterion = (next_criterion % #criteria) + 1
    local id = criteria[next_criterion]
    if not busy[id] then
      busy[id] = true
      claims[id] = (claims[id] % 5) + 1
      local headers = {["Content-Type"] = "application/json", ["If-Match"] = '"' .. versions[id] .. '"'}
      local body = '{"claimed": ' .. claims[id] .. '}'
      return wrk.format("PATCH", "/api/v1/assessments/" .. assessment .. "/criteria/" .. id, headers, body)
    end
  end
  -- Every criterion has an edit in flight (more connections than criteria): ask something else meanwhile.
  return wrk.format("GET", "/healthz")
end

function response(status, headers, body)
  local id = string.match(body, '"criterion":"([^"]+)"')
  local version = string.match(body, '"version":(%d+)')
  if id and version then
    versions[id] = tonumber(version)
    busy[id] = nil
  end
end
