/*
 * months.c - month names of the languages news dates are written in:
 * English, German, French, Spanish, Italian, Portuguese and Dutch, with
 * their usual abbreviations.  Read by the date parser (src/read/date.c) and
 * by the figures of a text (src/claims/numbers.c).
 */
#include "text/text.h"

static const struct {
	const char *w;
	unsigned char m, flags; /* WT_MONTH_* */
} month_names[] = {
	{"january", 1, 1}, {"jan", 1, 3}, {"januar", 1, 0}, {"j\u00e4nner", 1, 0},
	{"janvier", 1, 0}, {"janv", 1, 2}, {"enero", 1, 0}, {"ene", 1, 2}, {"gennaio", 1, 0},
	{"janeiro", 1, 0}, {"januari", 1, 0},
	{"february", 2, 1}, {"feb", 2, 3}, {"februar", 2, 0}, {"f\u00e9vrier", 2, 0},
	{"f\u00e9vr", 2, 2}, {"f\u00e9v", 2, 2}, {"febrero", 2, 0}, {"febbraio", 2, 0},
	{"fevereiro", 2, 0}, {"februari", 2, 0},
	{"march", 3, 1}, {"mar", 3, 3}, {"m\u00e4rz", 3, 0}, {"m\u00e4r", 3, 2}, {"mars", 3, 0},
	{"marzo", 3, 0}, {"mar\u00e7o", 3, 0}, {"maart", 3, 0},
	{"april", 4, 1}, {"apr", 4, 3}, {"avril", 4, 0}, {"avr", 4, 2}, {"abril", 4, 0},
	{"abr", 4, 2}, {"aprile", 4, 0},
	{"may", 5, 1}, {"mai", 5, 0}, {"mayo", 5, 0}, {"maggio", 5, 0}, {"maio", 5, 0},
	{"mei", 5, 0},
	{"june", 6, 1}, {"jun", 6, 3}, {"juni", 6, 0}, {"juin", 6, 0}, {"junio", 6, 0},
	{"giugno", 6, 0}, {"junho", 6, 0},
	{"july", 7, 1}, {"jul", 7, 3}, {"juli", 7, 0}, {"juillet", 7, 0}, {"juil", 7, 2},
	{"julio", 7, 0}, {"luglio", 7, 0}, {"julho", 7, 0},
	{"august", 8, 1}, {"aug", 8, 3}, {"ao\u00fbt", 8, 0}, {"agosto", 8, 0}, {"ago", 8, 2},
	{"augustus", 8, 0},
	{"september", 9, 1}, {"sep", 9, 3}, {"sept", 9, 3}, {"septembre", 9, 0},
	{"septiembre", 9, 0}, {"setiembre", 9, 0}, {"settembre", 9, 0}, {"setembro", 9, 0},
	{"october", 10, 1}, {"oct", 10, 3}, {"oktober", 10, 0}, {"okt", 10, 2},
	{"octobre", 10, 0}, {"octubre", 10, 0}, {"ottobre", 10, 0}, {"outubro", 10, 0},
	{"november", 11, 1}, {"nov", 11, 3}, {"novembre", 11, 0}, {"noviembre", 11, 0},
	{"novembro", 11, 0},
	{"december", 12, 1}, {"dec", 12, 3}, {"dezember", 12, 0}, {"dez", 12, 2},
	{"d\u00e9cembre", 12, 0}, {"d\u00e9c", 12, 2}, {"diciembre", 12, 0}, {"dic", 12, 2},
	{"dicembre", 12, 0}, {"dezembro", 12, 0},
	{NULL, 0, 0}
};

int wt__month_name(const char *w, size_t n, unsigned *flags)
{
	char low[16];
	if (n == 0 || n >= sizeof(low))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	low[n] = '\0';
	for (int k = 0; month_names[k].w; k++)
		if (!strcmp(low, month_names[k].w)) {
			if (flags)
				*flags = month_names[k].flags;
			return month_names[k].m;
		}
	return 0;
}
