-- wrk: GET /certificates/{number}?format=json for certificate numbers read from $NUMBERS, one per line,
-- each thread walking the list from its own random start.
local numbers = {}
local index = 1

function init(args)
  for line in io.lines(os.getenv("NUMBERS")) do numbers[#numbers + 1] = line end
  index = math.random(#numbers)
end

function request()
  index = index % #numbers + 1
  return wrk.format("GET", "/certificates/" .. numbers[index] .. "?format=json")
end
