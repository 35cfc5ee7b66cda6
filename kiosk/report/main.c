/* kiosk-report DB... [--format text|csv|html|json] [--from DATE] [--to DATE]
 *              [--min-group K] [--sep ,|;] [-o FILE]
 * Reads one or more kiosk statistics databases and reports them together
 * (DESIGN.md §3). Exit codes: 0 done, 2 bad arguments, 1 could not read or
 * write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content.h"
#include "core/yaml/diag.h"
#include "report/report.h"

static void usage(FILE *f)
{
	fprintf(
	    f, "Usage: kiosk-report DB... [--format text|csv|html|json] [--from YYYY-MM-DD]\n"
	       "                    [--to YYYY-MM-DD] [--min-group K] [--sep ',' | ';'] [-o FILE]\n"
	       "                    [--content DIR]\n"
	       "Reports the kiosk's anonymous statistics. Several files are reported together;\n"
	       "a file given twice, or a session found in two files, counts once.\n"
	       "  --format     text (default), csv, html (one self-contained page) or json\n"
	       "  --from/--to  first and last day included\n"
	       "  --min-group  hide every figure computed from fewer than K sessions (default 5)\n"
	       "  --sep        CSV separator; ';' also writes decimal commas (French Excel)\n"
	       "  -o FILE      write there instead of standard output\n"
	       "  --content    the module folder: name chapters, questions, answers and\n"
	       "               objectives by their texts (text and HTML reports)\n");
}

static bool is_day(const char *s)
{
	int y, m, d;
	char tail;
	return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
	       m <= 12 && d >= 1 && d <= 31;
}

int main(int argc, char **argv)
{
	const char *format = "text", *from = NULL, *to = NULL, *out = NULL, *content = NULL;
	struct content_module *module = NULL;
	struct diag diag = {0};
	char sep = ',';
	int k = 5, n = 0, status = 1;
	const char **paths = calloc((size_t)argc, sizeof *paths);
	struct report r = {0};
	FILE *f = NULL;
	if (!paths)
		return 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		bool takes = !strcmp(a, "--format") || !strcmp(a, "--from") || !strcmp(a, "--to") ||
		             !strcmp(a, "--min-group") || !strcmp(a, "-o") || !strcmp(a, "--sep") ||
		             !strcmp(a, "--content");
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			status = 0;
			goto end;
		} else if (!strcmp(a, "--version")) {
			printf("kiosk-report %s\n", KIOSK_VERSION);
			status = 0;
			goto end;
		} else if (takes && !v) {
			fprintf(stderr, "kiosk-report: %s needs a value\n", a);
			status = 2;
			goto end;
		} else if (!strcmp(a, "--format")) {
			format = v;
		} else if (!strcmp(a, "--from")) {
			from = v;
		} else if (!strcmp(a, "--to")) {
			to = v;
		} else if (!strcmp(a, "-o")) {
			out = v;
		} else if (!strcmp(a, "--content")) {
			content = v;
		} else if (!strcmp(a, "--min-group")) {
			char *e;
			long x = strtol(v, &e, 10);
			if (*e || x < 1 || x > 1000000) {
				fprintf(stderr,
				        "kiosk-report: --min-group wants a number from 1\n");
				status = 2;
				goto end;
			}
			k = (int)x;
		} else if (!strcmp(a, "--sep")) {
			if (strcmp(v, ",") && strcmp(v, ";")) {
				fprintf(stderr, "kiosk-report: --sep is ',' or ';'\n");
				status = 2;
				goto end;
			}
			sep = v[0];
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, "kiosk-report: unknown option %s (see --help)\n", a);
			status = 2;
			goto end;
		} else {
			paths[n++] = a;
		}
		if (takes)
			i++;
	}
	if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "html") &&
	    strcmp(format, "json")) {
		fprintf(stderr, "kiosk-report: unknown format %s\n", format);
		status = 2;
		goto end;
	}
	if ((from && !is_day(from)) || (to && !is_day(to))) {
		fprintf(stderr, "kiosk-report: dates are YYYY-MM-DD\n");
		status = 2;
		goto end;
	}
	if (n == 0) {
		usage(stderr);
		status = 2;
		goto end;
	}
	if (content) {
		module = content_load(content, &diag);
		if (!module || diag_count(&diag) > 0) {
			diag_print(&diag, stderr);
			fprintf(stderr,
			        "kiosk-report: --content %s: not a usable module "
			        "(kiosk --check tells more)\n",
			        content);
			status = 2;
			goto end;
		}
	}
	if (report_load(&r, paths, n, from, to) != 0)
		goto end;
	r.module = module;
	report_suppress(&r, k);
	f = out ? fopen(out, "w") : stdout;
	if (!f) {
		perror(out);
		goto end;
	}
	int rc = !strcmp(format, "csv")    ? report_csv(&r, f, sep)
	         : !strcmp(format, "json") ? report_json(&r, f)
	         : !strcmp(format, "html") ? report_html(&r, f)
	                                   : report_text(&r, f);
	if (fflush(f) != 0 || rc != 0) {
		perror(out ? out : "stdout");
		goto end;
	}
	status = 0;
end:
	if (f && f != stdout && fclose(f) != 0 && status == 0) {
		perror(out);
		status = 1;
	}
	report_free(&r);
	content_destroy(module);
	diag_free(&diag);
	free(paths);
	return status;
}
