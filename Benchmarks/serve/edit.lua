-- wrk script: PATCH criterion claims as a team does: each wrk thread takes its share of ASSESSMENTS and
-- edits their criteria in turn (criterion 1 of assessment 1, criterion 2 of assessment 2, …), every edit
-- carrying the version it changes (If-Match), learnt from the previous answer for that criterion of that
-- assessment, so every edit is valid and none is stale. A criterion id is not edited again (in any of the
-- thread's assessments) until its previous answer has come back: the answer names the criterion, not the
-- assessment, and this is how the answer is matched to its request.
-- Needs ASSESSMENTS (space-separated ids) and CRITERIA (space-separated ids). When there are fewer
-- assessments than threads, every thread edits all of them, each thread its own share of the criteria.
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
  local all = split(os.getenv("ASSESSMENTS"))
  local everyCriterion = split(os.getenv("CRITERIA"))
  local nthreads = tonumber(os.getenv("THREADS") or "2")
  assessments = {}
  criteria = {}
  if #all >= nthreads then
    for i, id in ipairs(all) do
      if (i - 1) % nthreads == index - 1 then table.insert(assessments, id) end
    end
    criteria = everyCriterion
  else
    assessments = all
    for i, id in ipairs(everyCriterion) do
      if (i - 1) % nthreads == index - 1 then table.insert(criteria, id) end
    end
  end
  versions = {}
  claims = {}
  inflight = {}  -- criterion id → the assessment its edit went to
  next_criterion = 0
  next_assessment = 0
end

function request()
  next_assessment = (next_assessment % #assessments) + 1
  local assessment = assessments[next_assessment]
  for _ = 1, #criteria do
    next_criterion = (next_criterion % #criteria) + 1
    local id = criteria[next_criterion]
    if not inflight[id] then
      inflight[id] = assessment
      local key = assessment .. "/" .. id
      claims[key] = ((claims[key] or 0) % 5) + 1
      local headers = {["Content-Type"] = "application/json", ["If-Match"] = '"' .. (versions[key] or 1) .. '"'}
      local body = '{"claimed": ' .. claims[key] .. '}'
      return wrk.format("PATCH", "/api/v1/assessments/" .. assessment .. "/criteria/" .. id, headers, body)
    end
  end
  -- Every criterion has an edit in flight (more connections than criteria): ask something else meanwhile.
  return wrk.format("GET", "/healthz")
end

function response(status, headers, body)
  local id = string.match(body, '"criterion":"([^"]+)"')
  local version = string.match(body, '"version":(%d+)')
  if id and version and inflight[id] then
    versions[inflight[id] .. "/" .. id] = tonumber(version)
    inflight[id] = nil
  end
end
