/*
 * main.c - the wiretrace command: its usage and the dispatch to one
 * cmd_<verb>.c per subcommand.
 */
#include <string.h>

#include "cli.h"

static const char usage[] =
	"usage: wiretrace COMMAND [OPTIONS] [ARGS]\n"
	"\n"
	"Traces news stories across outlets: which articles are copies of one\n"
	"wire text, which passages were copied, and each article's source.\n"
	"\n"
	"commands:\n"
	"  run [OPTIONS] [INPUT...]    read articles, write JSON Lines results\n"
	"  diff [--json] FILE_A FILE_B aligned passages of two articles\n"
	"  show [OPTIONS] STORY [INPUT...]\n"
	"                              one story for a person: articles, lineage,\n"
	"                              what each version changed, disagreements\n"
	"  extract [OPTIONS] INPUT...  the article of each web page or WARC record,\n"
	"                              as JSON Lines\n"
	"  add [--db FILE] INPUT...    add articles to a store (default ./wiretrace.db)\n"
	"  stories [--db FILE]         the stories of a store, as JSON Lines\n"
	"  serve [--db FILE] [--listen HOST:PORT]\n"
	"                              the web UI and HTTP API over a store\n"
	"  report --html DIR [--db FILE | RESULTS]\n"
	"                              the web pages as static files\n"
	"  eval --gold GOLD RESULTS    score results against gold labels\n"
	"\n"
	"common options: -j N, --quiet, --help, --version\n"
	"'wiretrace COMMAND --help' describes each command; see also wiretrace(1).\n";

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	const char *verb = argv[1];
	if (!strcmp(verb, "--help") || !strcmp(verb, "-h") || !strcmp(verb, "help")) {
		fputs(usage, stdout);
		return EXIT_OK;
	}
	if (!strcmp(verb, "--version")) {
		printf("wiretrace %s\n", wt_version());
		return EXIT_OK;
	}
	if (!strcmp(verb, "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(verb, "diff"))
		return cmd_diff(argc - 1, argv + 1);
	if (!strcmp(verb, "eval"))
		return cmd_eval(argc - 1, argv + 1);
	if (!strcmp(verb, "show"))
		return cmd_show(argc - 1, argv + 1);
	if (!strcmp(verb, "add"))
		return cmd_add(argc - 1, argv + 1);
	if (!strcmp(verb, "stories"))
		return cmd_stories(argc - 1, argv + 1);
	if (!strcmp(verb, "serve"))
		return cmd_serve(argc - 1, argv + 1);
	if (!strcmp(verb, "report"))
		return cmd_report(argc - 1, argv + 1);
	if (!strcmp(verb, "extract"))
		return cmd_extract(argc - 1, argv + 1);
	cli_error("unknown command '%s'", verb);
	fputs(usage, stderr);
	return EXIT_USAGE;
}
