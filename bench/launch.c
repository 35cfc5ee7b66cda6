/* Prints "bench-trace exec T E" (T: CLOCK_MONOTONIC in ms, E: the wall
 * clock in ms since 1970, for programs that only tell that) on stderr, then
 * runs the program in its place: the start of the start-up time that
 * `make bench` measures, taken as close to exec as can be.
 *   launch PROGRAM [ARG...] */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: launch PROGRAM [ARG...]\n");
		return 2;
	}
	struct timespec ts, wall;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	clock_gettime(CLOCK_REALTIME, &wall);
	fprintf(stderr, "bench-trace exec %.3f %.3f\n", ts.tv_sec * 1e3 + ts.tv_nsec / 1e6,
	        wall.tv_sec * 1e3 + wall.tv_nsec / 1e6);
	fflush(stderr);
	execvp(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
