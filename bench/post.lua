-- wrk script: POST /api/articles, one new article a request (a fresh id and
-- text each time, so that every request grows the store).
local words = {"harbour", "council", "minister", "river", "flood", "bridge", "court",
  "ruling", "airline", "passengers", "fire", "police", "market", "shares", "school",
  "storm", "election", "budget", "hospital", "strike", "train", "port", "mayor"}
local n = 0
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  n = n + 1
  local t = {}
  for i = 1, 80 do t[i] = words[math.random(#words)] end
  local id = string.format("load-%08x-%d", math.random(0, 0x7fffffff), n)
  local body = string.format(
    '{"id":"%s","site":"load%d.example","date":"2026-05-%02dT10:00:00Z","title":"Load test %d","text":"%s."}',
    id, n % 7, 1 + n % 28, n, table.concat(t, " "))
  return wrk.format("POST", "/api/articles", {["Content-Type"] = "application/json"}, body)
end
