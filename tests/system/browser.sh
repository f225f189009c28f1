#!/bin/sh
# A person's visit, in Debian's chromium driven by playwright-core (npm):
# the story list, a search, the Lisbon harbour fire story with its timeline,
# lineage graph and copies side by side with their source, the disagreements
# table (tests/browser/story.mjs).  Screenshots go to BUILD/screenshots.
command -v node >/dev/null 2>&1 || { echo "node absent: skipped"; exit 77; }
CHROMIUM=$(command -v chromium || command -v chromium-browser)
[ -n "$CHROMIUM" ] || { echo "chromium absent (make check installs it as root): skipped"; exit 77; }
export CHROMIUM
if [ ! -d tests/browser/node_modules/playwright-core ]; then
	(cd tests/browser && npm ci --no-audit --no-fund >/dev/null 2>&1) ||
		{ echo "npm ci in tests/browser failed (no npm registry?): skipped"; exit 77; }
fi
t=$(mktemp -d)
shots=$(cd "$(dirname "$WT")" && pwd)/screenshots
mkdir -p "$shots"
"$WT" extract -q samples/ >"$t/samples.jsonl"
"$WT" add -q --db "$t/db" "$t/samples.jsonl" || exit 1
. tests/system/serve.inc
start_serve "$t/db" || exit 1
trap 'kill $pid 2>/dev/null; rm -rf "$t"' EXIT
stories=$("$WT" run -q "$t/samples.jsonl" | grep -c '"type":"story"')
timeout 300 node tests/browser/story.mjs "http://127.0.0.1:$port" "$shots" "$stories" >"$t/out" 2>&1
rc=$?
kill -TERM $pid
wait $pid
src=$?
cat "$t/out"
[ $rc = 0 ] || exit 1
[ $src = 0 ] || { echo "serve did not stop cleanly on SIGTERM (status $src)"; exit 1; }
echo "browser: $(tail -1 "$t/out"); screenshots in $shots"
