/* The speech wrapper for real: libespeak-ng synthesizes in its own thread
 * into SDL's "disk" audio driver, so the samples can be looked at; the
 * caller is never blocked. Prints the figures it measures. Each test needs
 * its own process (Check's default, not CK_FORK=no): libespeak-ng cannot
 * be started a second time in one process once terminated, which the kiosk
 * never does (one speech_create per run). */
#include <check.h>

#include "check_main.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/speech.h"

static char wav[256], log_path[256];

static void setup(void)
{
	snprintf(wav, sizeof(wav), "/tmp/kiosk-speech-%d.raw", (int)getpid());
	snprintf(log_path, sizeof(log_path), "/tmp/kiosk-speech-%d.log", (int)getpid());
	unlink(wav);
	unlink(log_path);
	setenv("SDL_AUDIODRIVER", "disk", 1);
	setenv("SDL_DISKAUDIOFILE", wav, 1);
	setenv("SDL_DISKAUDIODELAY", "5", 1); /* paced: a stuck run cannot fill the disk */
	setenv("KIOSK_SPEECH_LOG", log_path, 1);
	ck_assert_int_eq(SDL_Init(0), 0);
}

static void teardown(void)
{
	SDL_Quit();
	unlink(wav);
	unlink(log_path);
}

static long nonzero_samples(const char *path, long *total)
{
	FILE *f = fopen(path, "rb");
	long n = 0;
	*total = 0;
	if (!f)
		return 0;
	short s;
	while (fread(&s, sizeof(s), 1, f) == 1) {
		(*total)++;
		n += s > 256 || s < -256;
	}
	fclose(f);
	return n;
}

START_TEST(test_speaks_without_blocking)
{
	struct speech *s = speech_create();
	ck_assert_ptr_nonnull(s);
	Uint64 t0 = SDL_GetPerformanceCounter();
	speech_say(s, "fr", "Bonjour, ceci est un essai de la lecture à voix haute.", false);
	speech_say(s, "de", "Guten Tag.", false);
	double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
	            (double)SDL_GetPerformanceFrequency();
	printf("speech: two requests queued in %.3f ms (the caller never waits)\n", ms);
	ck_assert_msg(speech_pending(s) > 0, "nothing queued");
	for (int i = 0; i < 500 && speech_pending(s) > 0; i++)
		SDL_Delay(10);
	ck_assert_uint_eq(speech_pending(s), 0);
	SDL_Delay(300); /* the disk driver writes what was queued */
	speech_destroy(s);
	long total, loud = nonzero_samples(wav, &total);
	printf("speech: %ld samples written, %ld of them audible\n", total, loud);
	ck_assert_msg(loud > 2000, "no audible speech in %s (%ld samples)", wav, total);
	FILE *f = fopen(log_path, "r");
	ck_assert_ptr_nonnull(f);
	char line[256];
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	ck_assert_str_eq(line, "fr\tBonjour, ceci est un essai de la lecture à voix haute.\n");
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
	ck_assert_str_eq(line, "de\tGuten Tag.\n");
	fclose(f);
}
END_TEST

START_TEST(test_interrupt_and_stop)
{
	struct speech *s = speech_create();
	char long_text[4000] = "";
	for (int i = 0; i < 60; i++)
		strcat(long_text, "Une phrase assez longue pour durer. ");
	speech_say(s, "fr", long_text, false);
	speech_say(s, "fr", "Suite.", false);
	speech_say(s, "en", "Instead.", true); /* drops both */
	for (int i = 0; i < 500 && speech_pending(s) > 0; i++)
		SDL_Delay(10);
	ck_assert_uint_eq(speech_pending(s), 0);
	speech_stop(s);
	speech_say(s, "fr", "", false); /* nothing to say: nothing queued */
	ck_assert_uint_eq(speech_pending(s), 0);
	speech_destroy(s);
	speech_destroy(NULL);
	speech_say(NULL, "fr", "x", true);
	speech_stop(NULL);
}
END_TEST

static Suite *speech_suite(void)
{
	Suite *s = suite_create("speech");
	TCase *tc = tcase_create("espeak");
	tcase_set_timeout(tc, 30);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_speaks_without_blocking);
	tcase_add_test(tc, test_interrupt_and_stop);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(speech_suite());
}
