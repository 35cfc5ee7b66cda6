/* SubRip parsing for the kiosk's own subtitles: table-driven cases of the
 * files authors actually produce (CRLF, BOM, Windows-1252, markup,
 * missing blank lines, broken blocks). */
#include <check.h>

#include "check_main.h"
#include <stdlib.h>
#include <string.h>

#include "core/srt.h"

static struct srt *parse(const char *s)
{
	struct srt *r = srt_parse(s, strlen(s));
	ck_assert_ptr_nonnull(r);
	return r;
}

START_TEST(test_basic)
{
	struct srt *s = parse("1\n00:00:01,000 --> 00:00:02,500\nBonjour\n\n"
	                      "2\n00:00:03,000 --> 00:00:04,000\nDeux\nlignes\n");
	ck_assert_uint_eq(s->n, 2);
	ck_assert_ptr_null(srt_at(s, 999));
	ck_assert_str_eq(srt_at(s, 1000), "Bonjour");
	ck_assert_str_eq(srt_at(s, 2499), "Bonjour");
	ck_assert_ptr_null(srt_at(s, 2500));
	ck_assert_str_eq(srt_at(s, 3500), "Deux\nlignes");
	ck_assert_ptr_null(srt_at(s, 4000));
	srt_destroy(s);
}
END_TEST

/* A crafted hour field: 20 digits overflowed a long long (undefined
 * behaviour, caught by make asan); now the cue is refused. 5 digits pass. */
START_TEST(test_long_hour_field)
{
	struct srt *s =
	    parse("1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\nX\n\n"
	          "2\n99999:00:00,000 --> 99999:00:01,000\nY\n");
	ck_assert_uint_eq(s->n, 1);
	ck_assert_int_eq(s->cues[0].start_ms, 99999LL * 3600 * 1000);
	srt_destroy(s);
}
END_TEST

START_TEST(test_crlf_bom_dot)
{
	struct srt *s = parse("\xEF\xBB\xBF"
	                      "1\r\n00:00:00.5 --> 00:00:01.25\r\nÀ retenir\r\n\r\n");
	ck_assert_uint_eq(s->n, 1);
	ck_assert_int_eq(s->cues[0].start_ms, 500);
	ck_assert_int_eq(s->cues[0].end_ms, 1250);
	ck_assert_str_eq(srt_at(s, 600), "À retenir");
	srt_destroy(s);
}
END_TEST

START_TEST(test_cp1252)
{
	/* "Réseaux – été" in Windows-1252. */
	struct srt *s = parse("1\n00:00:00,000 --> 00:00:01,000\nR\xE9seaux \x96 \xE9t\xE9\n");
	ck_assert_str_eq(srt_at(s, 10), "Réseaux – été");
	srt_destroy(s);
}
END_TEST

START_TEST(test_markup)
{
	struct srt *s = parse("1\n00:00:00,000 --> 00:00:01,000\n{\\an8}<i>Très</i> "
	                      "<font color=\"#fff\">important</font> a < b\n");
	ck_assert_str_eq(srt_at(s, 0), "Très important a < b");
	srt_destroy(s);
}
END_TEST

START_TEST(test_no_blank_line_and_unsorted)
{
	struct srt *s = parse("2\n00:00:05,000 --> 00:00:06,000\nLater\n"
	                      "1\n00:00:01,000 --> 00:00:02,000\nFirst\n");
	ck_assert_uint_eq(s->n, 2);
	ck_assert_str_eq(srt_at(s, 1500), "First");
	ck_assert_str_eq(srt_at(s, 5500), "Later"); /* not "Later\n1" */
	ck_assert_int_eq(s->cues[0].start_ms, 1000);
	srt_destroy(s);
}
END_TEST

START_TEST(test_broken_blocks_skipped)
{
	struct srt *s = parse("1\n00:00:01 --> nonsense\nLost\n\n"
	                      "2\n00:00:03,000 --> 00:00:02,000\nBackwards\n\n"
	                      "3\n00:00:04,000 --> 00:00:05,000\n\n"
	                      "4\n01:02:03,004 --> 01:02:04,000\nKept\n");
	ck_assert_uint_eq(s->n, 1);
	ck_assert_int_eq(s->cues[0].start_ms, 3723004);
	ck_assert_str_eq(srt_at(s, 3723500), "Kept");
	srt_destroy(s);
}
END_TEST

START_TEST(test_next_change)
{
	struct srt *s = parse("1\n00:00:01,000 --> 00:00:02,000\nA\n\n"
	                      "2\n00:00:04,000 --> 00:00:05,000\nB\n");
	ck_assert_int_eq(srt_next_change(s, 0), 1000);
	ck_assert_int_eq(srt_next_change(s, 1500), 500);
	ck_assert_int_eq(srt_next_change(s, 2000), 2000);
	ck_assert_int_eq(srt_next_change(s, 5000), -1);
	ck_assert_int_eq(srt_next_change(NULL, 0), -1);
	ck_assert_ptr_null(srt_at(NULL, 0));
	srt_destroy(s);
}
END_TEST

START_TEST(test_empty_and_missing)
{
	struct srt *s = parse("");
	ck_assert_uint_eq(s->n, 0);
	ck_assert_ptr_null(srt_at(s, 0));
	srt_destroy(s);
	ck_assert_ptr_null(srt_load("/nonexistent/file.srt"));
	srt_destroy(NULL);
}
END_TEST

/* Found by tests/fuzz/fuzz_srt.c: an hour field of 20 digits overflowed a
 * long long (UBSan). Such a cue is skipped like any broken one. */
START_TEST(test_huge_hours)
{
	struct srt *s =
	    parse("1\n99999999999999999999:00:00,000 --> 99999999999999999999:00:01,000\n"
	          "huge\n\n2\n00:00:01,000 --> 00:00:02,000\nok\n");
	ck_assert_uint_eq(s->n, 1);
	ck_assert_str_eq(srt_at(s, 1500), "ok");
	srt_destroy(s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("srt");
	TCase *tc = tcase_create("parse");
	tcase_add_test(tc, test_basic);
	tcase_add_test(tc, test_crlf_bom_dot);
	tcase_add_test(tc, test_cp1252);
	tcase_add_test(tc, test_markup);
	tcase_add_test(tc, test_no_blank_line_and_unsorted);
	tcase_add_test(tc, test_broken_blocks_skipped);
	tcase_add_test(tc, test_next_change);
	tcase_add_test(tc, test_long_hour_field);
	tcase_add_test(tc, test_empty_and_missing);
	tcase_add_test(tc, test_huge_hours);
	suite_add_tcase(s, tc);
	return check_main(s);
}
