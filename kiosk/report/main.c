/* kiosk-report DB... [--fleet DIR] [--format text|csv|html|json] [--from DATE] [--to DATE]
 *              [--min-group K] [--sep ,|;] [-o FILE]
 * Reads one or more kiosk statistics databases and reports them together
 * (docs/reference.md). Exit codes: 0 done, 2 bad arguments, 1 could not read or
 * write. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content.h"
#include "core/exit.h"
#include "core/yaml/diag.h"
#include "report/fleet.h"
#include "report/report.h"

/* No --min-group can show a figure computed from fewer people. */
enum { MIN_GROUP_FLOOR = 5 };

static void usage(FILE *f)
{
	fprintf(
	    f, "Usage: kiosk-report DB... [--format text|csv|html|json] [--from YYYY-MM-DD]\n"
	       "                    [--to YYYY-MM-DD] [--min-group K] [--sep ',' | ';'] [-o FILE]\n"
	       "                    [--content DIR]\n"
	       "Reports the kiosk's anonymous statistics. Several files are reported together;\n"
	       "a file given twice, or a session found in two files, counts once.\n"
	       "  --format     text (default), csv, html (one self-contained page) or json\n"
	       "  --from/--to  whole months that are over: the first day of a month, the last\n"
	       "               day of one (default: up to the end of last month)\n"
	       "  --min-group  hide every figure computed from fewer than K sessions (default\n"
	       "               and at least 5)\n"
	       "  --sep        CSV separator; ';' also writes decimal commas (French Excel)\n"
	       "  -o FILE      write there instead of standard output\n"
	       "  --content    the module folder: name chapters, questions, answers and\n"
	       "               objectives by their texts (text and HTML reports)\n"
	       "  --fleet DIR  the kiosks' outboxes gathered in DIR: each kiosk's last report,\n"
	       "               versions and problems (on standard error unless --format\n"
	       "               text), then the statistics of all their files merged\n");
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
	const char *fleet_dir = NULL;
	struct fleet fleet = {0};
	struct content_module *module = NULL;
	struct diag diag = {0};
	char sep = ',';
	int k = 5, n = 0, status = EXIT_BAD_INPUT, c;
	const char **paths = calloc((size_t)argc + 1, sizeof *paths);
	struct report r = {0};
	FILE *f = NULL;
	if (!paths)
		return EXIT_INTERNAL;
	enum { O_FORMAT = 256, O_FROM, O_TO, O_MIN_GROUP, O_SEP, O_CONTENT, O_VERSION, O_FLEET };
	static const struct option opts[] = {
	    {"format", required_argument, 0, O_FORMAT},
	    {"from", required_argument, 0, O_FROM},
	    {"to", required_argument, 0, O_TO},
	    {"min-group", required_argument, 0, O_MIN_GROUP},
	    {"sep", required_argument, 0, O_SEP},
	    {"content", required_argument, 0, O_CONTENT},
	    {"fleet", required_argument, 0, O_FLEET},
	    {"help", no_argument, 0, 'h'},
	    {"version", no_argument, 0, O_VERSION},
	    {0, 0, 0, 0},
	};
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
		switch (c) {
		case O_FORMAT: format = optarg; break;
		case O_FROM: from = optarg; break;
		case O_TO: to = optarg; break;
		case 'o': out = optarg; break;
		case O_CONTENT: content = optarg; break;
		case O_FLEET: fleet_dir = optarg; break;
		case O_MIN_GROUP: {
			char *e;
			long x = strtol(optarg, &e, 10);
			if (*e || e == optarg || x < MIN_GROUP_FLOOR || x > 1000000) {
				fprintf(stderr,
				        "kiosk-report: --min-group wants a whole number of at "
				        "least %d: "
				        "a figure computed from fewer people could point at one of "
				        "them (PRIVACY.md)\n",
				        MIN_GROUP_FLOOR);
				goto end;
			}
			k = (int)x;
			break;
		}
		case O_SEP:
			if (strcmp(optarg, ",") && strcmp(optarg, ";")) {
				fprintf(stderr, "kiosk-report: --sep is ',' or ';'\n");
				goto end;
			}
			sep = optarg[0];
			break;
		case 'h':
			usage(stdout);
			status = EXIT_OK;
			goto end;
		case O_VERSION:
			printf("kiosk-report %s\n", KIOSK_VERSION);
			status = EXIT_OK;
			goto end;
		case ':':
			fprintf(stderr, "kiosk-report: %s needs a value\n", argv[optind - 1]);
			goto end;
		default:
			fprintf(stderr, "kiosk-report: unknown option %s (see --help)\n",
			        argv[optind - 1]);
			goto end;
		}
	}
	for (int i = optind; i < argc; i++)
		paths[n++] = argv[i];
	status = EXIT_INTERNAL;
	if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "html") &&
	    strcmp(format, "json")) {
		fprintf(stderr, "kiosk-report: unknown format %s\n", format);
		status = EXIT_BAD_INPUT;
		goto end;
	}
	if ((from && !is_day(from)) || (to && !is_day(to))) {
		fprintf(stderr, "kiosk-report: dates are YYYY-MM-DD\n");
		status = EXIT_BAD_INPUT;
		goto end;
	}
	if (fleet_dir && fleet_collect(fleet_dir, &fleet, &paths, &n) != 0) {
		status = EXIT_BAD_INPUT;
		goto end;
	}
	if (n == 0) {
		usage(stderr);
		status = EXIT_BAD_INPUT;
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
			status = EXIT_BAD_INPUT;
			goto end;
		}
	}
	char lo[11], hi[11];
	if (report_period(from, to, lo, hi) != 0) {
		status = EXIT_BAD_INPUT;
		goto end;
	}
	if (report_build(&r, paths, n, lo, hi, k) != 0)
		goto end;
	report_set_module(&r, module);
	f = out ? fopen(out, "w") : stdout;
	if (!f) {
		perror(out);
		goto end;
	}
	if (fleet_dir) /* the kiosks table: on top of a text report, else apart */
		fleet_print(&fleet, strcmp(format, "text") ? stderr : f);
	int rc = !strcmp(format, "csv")    ? report_csv(&r, f, sep)
	         : !strcmp(format, "json") ? report_json(&r, f)
	         : !strcmp(format, "html") ? report_html(&r, f)
	                                   : report_text(&r, f);
	if (fflush(f) != 0 || rc != 0) {
		perror(out ? out : "stdout");
		goto end;
	}
	status = EXIT_OK;
end:
	fleet_free(&fleet);
	if (f && f != stdout && fclose(f) != 0 && status == EXIT_OK) {
		perror(out);
		status = EXIT_INTERNAL;
	}
	report_free(&r);
	content_destroy(module);
	diag_free(&diag);
	free(paths);
	return status;
}
