#!/bin/sh
# load.sh [SECONDS] - a bounded load test of `wiretrace serve` with wrk on
# loopback: GET /api/stories and POST /api/articles (one new article a
# request, bench/post.lua) at the same time, while the posts grow the store,
# then GET alone on the grown store.  Prints requests per second and p99
# latency of each.  The store starts from Giveme5W1H (383 real pages) when
# ../shared/data is present, else from the samples.
WT=${WT:-build/wiretrace}
D=${1:-15}
command -v wrk >/dev/null 2>&1 || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
t=$(mktemp -d)
if [ -f ../shared/data/giveme5w1h/articles.jsonl ]; then
	base=../shared/data/giveme5w1h/articles.jsonl
else
	"$WT" extract -q samples/ >"$t/s.jsonl"; base=$t/s.jsonl
fi
"$WT" add -q --db "$t/db" "$base" || exit 1
. tests/system/serve.inc
start_serve "$t/db" -q || exit 1
trap 'kill $pid 2>/dev/null; rm -rf "$t"' EXIT
U=http://127.0.0.1:$port
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from article').fetchone()[0])" "$t/db"; }
summary() { # summary NAME FILE
	rps=$(sed -n 's/^Requests\/sec: *//p' "$2")
	p99=$(sed -n 's/^ *99% *//p' "$2")
	n=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$2")
	err=$(sed -n 's/^ *Non-2xx or 3xx responses: *//p' "$2")
	printf '%-34s %8s req/s   p99 %8s   %6s requests   non-2xx %s\n' "$1" "$rps" "$p99" "$n" "${err:-0}"
}
before=$(count)
echo "store: $before articles from $(basename "$base"); $D s a run, wrk on loopback, serve on $(nproc) cores"
wrk -t1 -c4 -d"${D}s" --latency -s bench/post.lua "$U/api/articles" >"$t/post" 2>&1 &
wp=$!
wrk -t1 -c16 -d"${D}s" --latency "$U/api/stories?limit=50" >"$t/get" 2>&1
wait $wp
after=$(count)
summary "POST /api/articles (store growing)" "$t/post"
summary "GET /api/stories (at the same time)" "$t/get"
wrk -t2 -c16 -d"${D}s" --latency "$U/api/stories?limit=50" >"$t/get2" 2>&1
summary "GET /api/stories (alone)" "$t/get2"
wrk -t2 -c16 -d"${D}s" --latency "$U/" >"$t/page" 2>&1
summary "GET / (story list page, alone)" "$t/page"
echo "store grew from $before to $after articles"
