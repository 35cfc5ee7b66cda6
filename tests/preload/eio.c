/* For tests/e2e/trainer.sh: a USB drive pulled out in the middle of an
 * export. With KIOSK_FAULT_DIR set, every write, pwrite or fsync to a file
 * under that folder fails with EIO once KIOSK_FAULT_AFTER bytes (default 0)
 * have been written there, as the kernel answers once the device is gone. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static long long written;

static int under_fault_dir(int fd)
{
	const char *dir = getenv("KIOSK_FAULT_DIR");
	char link[64], path[4096];
	if (!dir || !*dir)
		return 0;
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n <= 0)
		return 0;
	path[n] = '\0';
	return strncmp(path, dir, strlen(dir)) == 0;
}

static int gone(int fd, size_t n)
{
	if (!under_fault_dir(fd))
		return 0;
	const char *after = getenv("KIOSK_FAULT_AFTER");
	if (written + (long long)n <= (after ? atoll(after) : 0)) {
		written += (long long)n;
		return 0;
	}
	errno = EIO;
	return 1;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	if (!real)
		real = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
	return gone(fd, n) ? -1 : real(fd, buf, n);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	static ssize_t (*real)(int, const void *, size_t, off_t);
	if (!real)
		real = (ssize_t(*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite64");
	return gone(fd, n) ? -1 : real(fd, buf, n, off);
}

int fsync(int fd)
{
	static int (*real)(int);
	if (!real)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	return gone(fd, 1) ? -1 : real(fd);
}
