#!/bin/sh
# summary.sh BUILD... - adds up the counts that run.sh left in each build
# directory and prints the closing line.
pass=0; fail=0; skip=0
for b in "$@"; do
	if [ -f "$b/test-counts" ]; then
		read p f s <"$b/test-counts"
	else
		p=0; f=1; s=0; echo "no test results in $b"
	fi
	pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
