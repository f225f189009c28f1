#!/bin/sh
# wiretrace-mpi on 1, 2 and 4 ranks writes the same bytes as `wiretrace run`:
# a JSON Lines file cut in line ranges, directories read whole by rank in
# turn, then the real corpora when ../shared/data is present.
MPI=$(dirname "$WT")/wiretrace-mpi
if ! command -v mpirun >/dev/null 2>&1 || [ ! -x "$MPI" ]; then
	echo "mpirun or wiretrace-mpi absent (make mpi installs Open MPI as root): skipped"; exit 77
fi
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
# Open MPI's own allocations outlive MPI_Finalize; ours are checked by the
# unit test of the shared analysis (test_shared) under the same sanitizers.
export ASAN_OPTIONS=detect_leaks=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
"$WT" extract -q samples/ >"$t/samples.jsonl"
# twice over: every id repeated in another rank's lines ("#2" when merged)
cat "$t/samples.jsonl" "$t/samples.jsonl" >"$t/twice.jsonl"
same() { # same NAME INPUT...: run alone, then on 1, 2, 4 ranks
	name=$1; shift
	"$WT" run -q -j1 --pairs all "$@" >"$t/alone" 2>"$t/alone.err"
	for np in 1 2 4; do
		timeout 600 mpirun -np $np "$MPI" -q -j1 --pairs all "$@" >"$t/mpi" 2>"$t/mpi.err" ||
			{ echo "$name: mpirun -np $np failed"; cat "$t/mpi.err"; exit 1; }
		cmp -s "$t/alone" "$t/mpi" ||
			{ echo "$name: -np $np differs from run"; diff "$t/alone" "$t/mpi" | head -5; exit 1; }
	done
	echo "$name: $(wc -l <"$t/alone") records equal on 1, 2 and 4 ranks"
}
same samples "$t/twice.jsonl" samples/harbour-fire samples/web samples/ufa-flood
D=../shared/data
if [ ! -f "$D/giveme5w1h/articles.jsonl" ] || [ ! -f "$D/reuters21578/articles.jsonl" ]; then
	echo "../shared/data absent: real corpora not checked"; exit 0
fi
same "reuters21578 and giveme5w1h" "$D/reuters21578/articles.jsonl" "$D/giveme5w1h/articles.jsonl"
