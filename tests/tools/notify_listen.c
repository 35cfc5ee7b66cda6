/* A fake systemd notify socket for the watchdog test.
 *
 *   notify_listen SOCKET SECONDS
 *
 * Binds a datagram socket at SOCKET and prints every line of every message
 * it receives as "MS LINE", MS being milliseconds since start (monotonic).
 * SIGUSR1 prints "MS MARK" so the test can place its own actions (like the
 * SIGSTOP of the kiosk) on the same clock. Exits after SECONDS. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t marked;

static void handle_usr1(int sig)
{
	(void)sig;
	marked = 1;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s SOCKET SECONDS\n", argv[0]);
		return 2;
	}
	struct sockaddr_un addr = {.sun_family = AF_UNIX};
	if (strlen(argv[1]) >= sizeof(addr.sun_path)) {
		fprintf(stderr, "notify_listen: socket path too long\n");
		return 2;
	}
	strcpy(addr.sun_path, argv[1]);
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || (unlink(argv[1]) < 0 && errno != ENOENT) ||
	    bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		fprintf(stderr, "notify_listen: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	struct sigaction sa = {.sa_handler = handle_usr1}; /* no SA_RESTART: poll wakes */
	sigaction(SIGUSR1, &sa, NULL);

	long long start = now_ms(), end = start + atoll(argv[2]) * 1000;
	printf("0 LISTENING\n");
	fflush(stdout);
	for (;;) {
		long long t = now_ms();
		if (marked) {
			marked = 0;
			printf("%lld MARK\n", t - start);
			fflush(stdout);
		}
		if (t >= end)
			break;
		struct pollfd p = {.fd = fd, .events = POLLIN};
		int r = poll(&p, 1, (int)(end - t));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		char buf[4096];
		ssize_t len = recv(fd, buf, sizeof(buf) - 1, 0);
		if (len < 0)
			continue;
		buf[len] = '\0';
		long long at = now_ms() - start;
		for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
			printf("%lld %s\n", at, line);
		fflush(stdout);
	}
	close(fd);
	unlink(argv[1]);
	return 0;
}
