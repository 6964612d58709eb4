-- wrk: GET /certificates/{number}?format=json for certificate numbers read from $NUMBERS, one per line,
-- each thread walking the list from its own random start. The requests are formatted once, in init, so that
-- wrk spends as little of the machine as it can on making them.
local requests = {}
local index = 1

function init(args)
  for line in io.lines(os.getenv("NUMBERS")) do
    requests[#requests + 1] = wrk.format("GET", "/certificates/" .. line .. "?format=json")
  end
  index = math.random(#requests)
end

function request()
  index = index % #requests + 1
  return requests[index]
end
