/* Strict SubRip validation for `kiosk --check`: table-driven cases, each
 * an SRT text and the exact LINE:COL: message lines expected for it. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/srt_check.h"

/* Every problem as "LINE:COL: message\n", in order; caller frees. */
static char *check_text(const char *text, size_t len, struct srt_check_result *r)
{
	struct diag d = {0};
	int n = srt_check(text, len, "t.srt", &d, r);
	/* Past the cap, problems are counted but not listed. */
	ck_assert_int_eq(n > SRT_CHECK_MAX_PROBLEMS ? SRT_CHECK_MAX_PROBLEMS + 1 : n,
	                 diag_count(&d));
	char *out = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&out, &size);
	for (int i = 0; i < d.n; i++) {
		ck_assert_str_eq(d.items[i].file, "t.srt");
		fprintf(f, "%d:%d: %s\n", d.items[i].line, d.items[i].col, d.items[i].msg);
	}
	fclose(f);
	diag_free(&d);
	return out;
}

struct srt_case {
	const char *name, *text, *expect;
	unsigned cues;
	long long last_end_ms;
};

static const struct srt_case cases[] = {
    {"valid",
     "1\n00:00:01,000 --> 00:00:03,500\nBonjour\n\n2\n00:00:04,000 --> "
     "00:00:05,250\nDeux\nlignes\n",
     "", 2, 5250},
    {"crlf, bom, no final newline",
     "\xEF\xBB\xBF"
     "1\r\n00:00:00,500 --> 00:00:01,250\r\nÀ retenir\r\n\r\n2\r\n00:00:02,000 --> "
     "00:00:03,000\r\nFin",
     "", 2, 3000},
    {"extra blank lines and trailing spaces",
     "\n\n1 \n00:00:01,000 --> 00:00:02,000  \nA\n\n\n\n2\n00:00:02,000 --> 01:00:00,000\nB\n\n",
     "", 2, 3600000},
    {"empty file", "", "1:1: no subtitles in this file\n", 0, -1},
    {"bad index", "un\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
     "1:1: bad cue number: a number (1) expected\n", 1, 4000},
    {"index out of sequence",
     "1\n00:00:01,000 --> 00:00:02,000\nA\n\n3\n00:00:03,000 --> 00:00:04,000\nB\n",
     "5:1: cue number 3, expected 2\n", 2, 4000},
    {"dot before milliseconds", "1\n00:00:01.000 --> 00:00:03,500\nA\n",
     "2:9: bad timing line: ',' expected before the milliseconds; expected HH:MM:SS,mmm --> "
     "HH:MM:SS,mmm\n",
     0, -1},
    {"missing arrow", "1\n00:00:01,000 -> 00:00:03,500\nA\n",
     "2:14: bad timing line: ' --> ' expected between the two times; expected HH:MM:SS,mmm --> "
     "HH:MM:SS,mmm\n",
     0, -1},
    {"minutes over 59", "1\n00:00:01,000 --> 00:61:03,500\nA\n",
     "2:21: bad timing line: minutes over 59; expected HH:MM:SS,mmm --> HH:MM:SS,mmm\n", 0, -1},
    {"short milliseconds", "1\n00:00:01,000 --> 00:00:03,5\nA\n",
     "2:27: bad timing line: three digits expected for the milliseconds; expected HH:MM:SS,mmm --> "
     "HH:MM:SS,mmm\n",
     0, -1},
    {"text after the end time", "1\n00:00:01,000 --> 00:00:03,500 X1:10\nA\n",
     "2:31: bad timing line: unexpected text after the end time; expected HH:MM:SS,mmm --> "
     "HH:MM:SS,mmm\n",
     0, -1},
    {"end before start", "1\n00:00:05,000 --> 00:00:03,000\nA\n",
     "2:18: cue 1 ends (00:00:03,000) before it starts (00:00:05,000)\n", 0, -1},
    {"end equals start", "1\n00:00:05,000 --> 00:00:05,000\nA\n",
     "2:18: cue 1 ends when it starts (00:00:05,000): it would never show\n", 0, -1},
    {"overlap", "1\n00:00:01,000 --> 00:00:03,500\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
     "6:1: cue 2 starts (00:00:03,000) before the previous cue ends (00:00:03,500): cues overlap\n",
     2, 4000},
    {"out of order", "1\n00:00:05,000 --> 00:00:06,000\nA\n\n2\n00:00:01,000 --> 00:00:02,000\nB\n",
     "6:1: cue 2 starts (00:00:01,000) before the previous cue (00:00:05,000): cues out of order\n",
     2, 6000},
    {"no text", "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
     "2:1: cue 1 has no text\n", 2, 4000},
    {"missing timing line", "1\nBonjour\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
     "2:1: bad timing line: hours expected; expected HH:MM:SS,mmm --> HH:MM:SS,mmm\n", 1, 4000},
    {"number without timing at the end", "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n",
     "5:1: timing line expected (HH:MM:SS,mmm --> HH:MM:SS,mmm) after cue number 2\n", 1, 2000},
    {"missing blank line",
     "1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n",
     "4:1: blank line missing before cue 2\n", 2, 4000},
    {"a number as text is fine",
     "1\n00:00:01,000 --> 00:00:02,000\n2024\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n", "", 2,
     4000},
    {"missing cue number",
     "1\n00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n",
     "5:1: cue number missing before the timing line\n", 2, 4000},
    {"latin-1",
     "1\n00:00:01,000 --> 00:00:02,000\nR\xE9seaux\n\n2\n00:00:03,000 --> "
     "00:00:04,000\n\xE9t\xE9\n",
     "3:2: not UTF-8 (byte 0xE9): save the file as UTF-8\n", 2, 4000},
    {"overlong utf-8", "1\n00:00:01,000 --> 00:00:02,000\nA\xC0\xAF\n",
     "3:2: not UTF-8 (byte 0xC0): save the file as UTF-8\n", 1, 2000},
    {"utf-16",
     "\xFF\xFE"
     "1\0",
     "1:1: the file is UTF-16: save it as UTF-8\n", 0, -1},
};

START_TEST(test_cases)
{
	const struct srt_case *c = &cases[_i];
	struct srt_check_result r;
	size_t len = strlen(c->text);
	if (strncmp(c->text, "\xFF\xFE", 2) == 0)
		len = 4; /* holds a NUL */
	char *got = check_text(c->text, len, &r);
	ck_assert_msg(strcmp(got, c->expect) == 0, "%s: got\n%sexpected\n%s", c->name, got,
	              c->expect);
	ck_assert_msg(r.cues == c->cues, "%s: %u cues, expected %u", c->name, r.cues, c->cues);
	ck_assert_msg(r.last_end_ms == c->last_end_ms, "%s: ends at %lld, expected %lld", c->name,
	              r.last_end_ms, c->last_end_ms);
	free(got);
}
END_TEST

/* Every problem is listed, not only the first, up to a cap per file. */
START_TEST(test_many_problems_capped)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	for (int i = 1; i <= 40; i++)
		fprintf(f, "%d\n00:00:%02d,000 --> 00:00:%02d,000\nA\n\n", i, 50 - i, 51 - i);
	fclose(f);
	struct srt_check_result r;
	char *got = check_text(text, size, &r);
	int lines = 0;
	for (const char *p = got; *p; p++)
		lines += *p == '\n';
	ck_assert_int_eq(lines, SRT_CHECK_MAX_PROBLEMS + 1);
	ck_assert_ptr_nonnull(
	    strstr(got, "6:1: cue 2 starts (00:00:48,000) before the previous cue"));
	ck_assert_ptr_nonnull(strstr(got, "more problems in this file are not listed"));
	ck_assert_uint_eq(r.cues, 40);
	ck_assert_int_eq(r.last_end_ms, 50000);
	free(got);
	free(text);
}
END_TEST

START_TEST(test_format_time)
{
	char b[32];
	srt_check_format_time(b, sizeof(b), 47250, 1);
	ck_assert_str_eq(b, "0:47.2");
	srt_check_format_time(b, sizeof(b), 45000, 1);
	ck_assert_str_eq(b, "0:45.0");
	srt_check_format_time(b, sizeof(b), 65250, 3);
	ck_assert_str_eq(b, "1:05.250");
}
END_TEST

START_TEST(test_file_missing)
{
	struct diag d = {0};
	struct srt_check_result r;
	ck_assert_int_eq(srt_check_file("/nonexistent/x.srt", &d, &r), 1);
	ck_assert_int_eq(diag_count(&d), 1);
	ck_assert_ptr_nonnull(strstr(d.items[0].msg, "cannot read"));
	ck_assert_int_eq(r.last_end_ms, -1);
	diag_free(&d);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("srt_check");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_cases, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(tc, test_many_problems_capped);
	tcase_add_test(tc, test_format_time);
	tcase_add_test(tc, test_file_missing);
	suite_add_tcase(s, tc);
	return check_main(s);
}
