/*
 * wiretrace-mpi - `wiretrace run` spread over the ranks of an MPI job
 * (Open MPI).  Each rank reads its share of the inputs (a JSON Lines file
 * in line ranges, other inputs whole, in turn); the articles are sent to
 * every rank; each rank sketches, sends the LSH and fingerprint keys of its
 * share of the articles to the ranks owning them (all-to-all), pairs the
 * buckets of its keys, aligns its share of the candidate pairs, and the
 * counts and alignments are exchanged; families and stories are merged
 * from them on every rank, the claims are found by story ranges, and rank
 * 0 writes the output: the same bytes as `wiretrace run` with the same
 * options and inputs.
 *
 *   mpirun -np 4 wiretrace-mpi [RUN OPTIONS] INPUT...
 */
#include <mpi.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../wiretrace/cli.h"

#define CHUNK ((size_t)1 << 30) /* bytes a message carries at most */

/* wt_exchange's all-to-all over MPI_COMM_WORLD: the lengths first, then
 * the bytes, point to point, in messages of at most CHUNK bytes. */
static int mpi_alltoall(void *ud, const void *const *send, const size_t *send_len, void **recv,
			size_t *recv_len)
{
	(void)ud;
	int p, me;
	MPI_Comm_size(MPI_COMM_WORLD, &p);
	MPI_Comm_rank(MPI_COMM_WORLD, &me);
	uint64_t *sl = malloc((size_t)p * sizeof(*sl)), *rl = malloc((size_t)p * sizeof(*rl));
	if (!sl || !rl) {
		free(sl);
		free(rl);
		MPI_Abort(MPI_COMM_WORLD, EXIT_INTERNAL); /* the others wait on us */
	}
	for (int k = 0; k < p; k++)
		sl[k] = send_len[k];
	if (MPI_Alltoall(sl, 1, MPI_UINT64_T, rl, 1, MPI_UINT64_T, MPI_COMM_WORLD) != MPI_SUCCESS) {
		free(sl);
		free(rl);
		return -1;
	}
	size_t total = 0, nmsg = 0;
	for (int k = 0; k < p; k++) {
		recv_len[k] = (size_t)rl[k];
		total += recv_len[k];
		nmsg += (sl[k] + CHUNK - 1) / CHUNK + (rl[k] + CHUNK - 1) / CHUNK;
	}
	char *out = malloc(total + 1);
	MPI_Request *req = malloc((nmsg + 1) * sizeof(*req));
	if (!out || !req)
		MPI_Abort(MPI_COMM_WORLD, EXIT_INTERNAL);
	size_t nr = 0, at = 0;
	for (int k = 0; k < p; k++) {
		for (size_t off = 0; off < rl[k]; off += CHUNK) {
			size_t n = rl[k] - off < CHUNK ? rl[k] - off : CHUNK;
			MPI_Irecv(out + at + off, (int)n, MPI_BYTE, k, (int)(off / CHUNK),
				  MPI_COMM_WORLD, &req[nr++]);
		}
		at += rl[k];
	}
	for (int k = 0; k < p; k++)
		for (size_t off = 0; off < sl[k]; off += CHUNK) {
			size_t n = sl[k] - off < CHUNK ? sl[k] - off : CHUNK;
			MPI_Isend((const char *)send[k] + off, (int)n, MPI_BYTE, k, (int)(off / CHUNK),
				  MPI_COMM_WORLD, &req[nr++]);
		}
	int rc = MPI_Waitall((int)nr, req, MPI_STATUSES_IGNORE) == MPI_SUCCESS ? 0 : -1;
	free(req);
	free(sl);
	free(rl);
	*recv = out;
	(void)me;
	return rc;
}

static const char usage[] =
	"usage: mpirun -np N wiretrace-mpi [OPTIONS] INPUT...\n"
	"\n"
	"'wiretrace run' spread over the ranks of an MPI job: the same options\n"
	"and inputs, the same output (written by rank 0).  Each rank reads its\n"
	"share of the inputs (a JSON Lines file in line ranges; a directory, web\n"
	"page, WARC file whole, the inputs in turn), aligns its share of the\n"
	"candidate pairs, and finds the claims of its range of stories; LSH and\n"
	"fingerprint keys go to the ranks owning them (all-to-all).  Every rank\n"
	"holds the articles.  See 'wiretrace run --help' for the options.\n";

int main(int argc, char **argv)
{
	int provided;
	if (MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
		fputs("wiretrace-mpi: MPI_Init failed\n", stderr);
		return EXIT_INTERNAL;
	}
	int rank, size;
	MPI_Comm_rank(MPI_COMM_WORLD, &rank);
	MPI_Comm_size(MPI_COMM_WORLD, &size);
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			if (rank == 0)
				fputs(usage, stdout);
			MPI_Finalize();
			return EXIT_OK;
		}
	if (argc < 2) {
		if (rank == 0)
			fputs(usage, stderr);
		MPI_Finalize();
		return EXIT_USAGE;
	}
	struct wt_exchange ex = {rank, size, mpi_alltoall, NULL};
	cli_exchange = &ex;
	/* argv as `run` sees it: the verb first */
	char **args = malloc(((size_t)argc + 1) * sizeof(*args));
	if (!args)
		MPI_Abort(MPI_COMM_WORLD, EXIT_INTERNAL);
	args[0] = "run";
	for (int i = 1; i < argc; i++)
		args[i] = argv[i];
	args[argc] = NULL;
	int rc = cmd_run(argc, args);
	free(args);
	/* the worst status of any rank */
	int worst = rc;
	MPI_Allreduce(&rc, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
	MPI_Finalize();
	return worst;
}
