# Sourced by the scripts that start `maturity serve --port 0` (Tests/browser, Tests/api, Benchmarks/…):
# `port=$(server_port LOG)` waits up to 30 s for the server to say where it listens (its log, written with
# MATURITY_LANG=en) and prints the port; if it never does, it prints the log and fails.
server_port() {
  local log=$1 found=""
  for _ in $(seq 1 300); do
    found=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 0.1
  done
  cat "$log" >&2
  return 1
}
