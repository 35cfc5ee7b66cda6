/* How the writers print numbers and names: the French reports (text,
 * HTML, the ';' CSV) with decimal commas, the others with points. */
#include <stdio.h>
#include <string.h>

#include "report/report.h"

const char *report_num(char buf[REPORT_NUM], double v, int decimals, bool comma)
{
	snprintf(buf, REPORT_NUM, "%.*f", decimals, v);
	char *dot = strchr(buf, '.');
	if (comma && dot)
		*dot = ',';
	return buf;
}

/* The store files sessions without a label under "-" (store_schema.h). */
bool report_no_label(const char *key)
{
	return strcmp(key, "-") == 0;
}

/* A label row for people: "-" has no label; "*" pools the labels that
 * held fewer than K sessions of their batch (report/raw.c). */
const char *report_label_name(const char *key)
{
	if (report_no_label(key))
		return "(sans étiquette)";
	if (strcmp(key, "*") == 0)
		return "(autres étiquettes, regroupées)";
	return NULL;
}

int report_width(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Published counts are perturbed (core/cellkey.h): every figure computed
 * from them is marked where people read it. */
const char *report_approx(const struct report *r)
{
	return r->perturbed ? "≈ " : "";
}

/* printf widths count bytes; accented labels and « ≈ » need code points. */
void report_cell(FILE *f, const char *s, int width, bool right)
{
	int len = report_width(s);
	if (right)
		fprintf(f, "%*s%s", width > len ? width - len : 0, "", s);
	else
		fprintf(f, "%s%*s", s, width > len ? width - len : 0, "");
}

/* An average over fewer than K published sessions is masked (avg_hidden);
 * over none it has no value at all (« — », empty), which reveals nothing. */
bool report_avg_score_hidden(const struct report_group *g)
{
	return g->quiz_hidden || (g->avg_hidden && g->quiz_taken > 0);
}

bool report_avg_duration_hidden(const struct report_group *g)
{
	return g->hidden || (g->avg_hidden && g->sessions > 0);
}
