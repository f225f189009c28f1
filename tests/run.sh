#!/bin/sh
# run.sh BUILD - runs every test of one build directory: the cmocka unit
# tests, then the golden command-line cases in tests/cases/, then the
# system checks in tests/system/ (the store), then the real-data checks
# (skipped when ../shared/data is absent).  Writes
# "PASSED FAILED SKIPPED" to BUILD/test-counts; exits 1 if any failed.
B=${1:-build}
WT=$(pwd)/$B/wiretrace
export WT
pass=0; fail=0; skip=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== unit tests ($B)"
for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	"$t" >"$out/$name.log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out/$name.log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out/$name.log" | tail -1)
	p=${p:-0}; f=${f:-0}
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
	pass=$((pass + p)); fail=$((fail + f))
	if [ "$f" != 0 ]; then
		echo "FAIL $name"; cat "$out/$name.log"
	else
		echo "ok   $name ($p tests)"
	fi
done

echo "== golden command-line cases ($B)"
for c in tests/cases/*/; do
	c=${c%/}
	name=$(basename "$c")
	want_status=0
	[ -f "$c/status" ] && want_status=$(cat "$c/status")
	sh "$c/cmd" >"$out/stdout" 2>"$out/stderr"
	got_status=$?
	ok=1
	if [ "$got_status" != "$want_status" ]; then
		echo "FAIL $name: exit status $got_status, expected $want_status"; ok=0
	fi
	if [ -f "$c/expected" ] && ! cmp -s "$c/expected" "$out/stdout"; then
		echo "FAIL $name: standard output differs from $c/expected:"
		diff "$c/expected" "$out/stdout" | head -20; ok=0
	fi
	if [ -f "$c/expected-stderr" ] && ! cmp -s "$c/expected-stderr" "$out/stderr"; then
		echo "FAIL $name: standard error differs from $c/expected-stderr:"
		diff "$c/expected-stderr" "$out/stderr" | head -20; ok=0
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); fi
done

# Scripts that exit 0 (passed), 77 (skipped, with the reason last) or else.
scripts() {
	for d in "$@"; do
		[ -f "$d" ] || continue
		name=$(basename "$d" .sh)
		sh "$d" >"$out/script.log" 2>&1
		rc=$?
		case $rc in
		0) pass=$((pass + 1)); echo "ok   $name: $(tail -1 "$out/script.log")";;
		77) skip=$((skip + 1)); echo "skip $name: $(tail -1 "$out/script.log")";;
		*) fail=$((fail + 1)); echo "FAIL $name"; cat "$out/script.log";;
		esac
	done
}

echo "== system checks ($B)"
scripts tests/system/*.sh

echo "== real-data checks ($B)"
scripts tests/data/*.sh
echo "$pass $fail $skip" >"$B/test-counts"
echo "$B: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
