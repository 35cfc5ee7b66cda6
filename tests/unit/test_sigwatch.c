/* The signal watcher's last resort: a stop signal, a main thread that never
 * comes back to look (it spins, as SDL does on a dead Wayland connection),
 * and the watcher ends the process itself after the grace period, with the
 * exit code it was given. A main thread that does stop in time is not cut
 * short. Each case runs in a child process of its own. */
#include "platform/sigwatch.h"

#include <check.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"

static volatile sig_atomic_t flag;

static double mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The child's exit status, or -1 if it has not ended within limit_ms
 * (then it is killed). *took: ms from fork to its end. */
static int run_child(void (*body)(void), double limit_ms, double *took)
{
	double t0 = mono_ms();
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		body();
		_exit(0);
	}
	int status = 0;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (mono_ms() - t0 > limit_ms) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		usleep(10000);
	}
	*took = mono_ms() - t0;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void stuck(void)
{
	if (!sigwatch_block() || !sigwatch_start(&flag, 0, 300, 7))
		_exit(99);
	kill(getpid(), SIGTERM);
	for (;;) /* a loop that never looks at the flag */
		sched_yield();
}

START_TEST(test_stuck_main_loop_exits_after_grace)
{
	double took = 0;
	int rc = run_child(stuck, 5000, &took);
	ck_assert_int_eq(rc, 7);
	ck_assert(took >= 290);
}
END_TEST

static void stops_in_time(void)
{
	struct sigwatch *w;
	if (!sigwatch_block() || !(w = sigwatch_start(&flag, 0, 300, 7)))
		_exit(99);
	kill(getpid(), SIGINT);
	while (!flag) /* the loop sees the flag... */
		usleep(1000);
	sigwatch_stop(w); /* ...and gets to the end of main in time */
	usleep(600 * 1000);
	_exit(0);
}

START_TEST(test_stop_in_time_is_not_cut_short)
{
	double took = 0;
	int rc = run_child(stops_in_time, 5000, &took);
	ck_assert_int_eq(rc, 0);
	ck_assert(took >= 590);
}
END_TEST

static void no_signal(void)
{
	if (!sigwatch_block() || !sigwatch_start(&flag, 0, 100, 7))
		_exit(99);
	usleep(400 * 1000); /* no signal: no deadline */
	_exit(flag ? 98 : 0);
}

START_TEST(test_no_signal_no_exit)
{
	double took = 0;
	ck_assert_int_eq(run_child(no_signal, 5000, &took), 0);
}
END_TEST

static Suite *sigwatch_suite(void)
{
	Suite *s = suite_create("sigwatch");
	TCase *tc = tcase_create("grace");
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_stuck_main_loop_exits_after_grace);
	tcase_add_test(tc, test_stop_in_time_is_not_cut_short);
	tcase_add_test(tc, test_no_signal_no_exit);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(sigwatch_suite());
}
