#include "core/content_root.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

bool content_root_link(const char *root, const char *name, const char *target)
{
	char tmp[4096], dst[4096];
	snprintf(tmp, sizeof(tmp), "%s/.%s.%ld", root, name, (long)getpid());
	snprintf(dst, sizeof(dst), "%s/%s", root, name);
	unlink(tmp);
	if (symlink(target, tmp) != 0) {
		log_err("content", "cannot create the link %s: %s", tmp, strerror(errno));
		return false;
	}
	if (rename(tmp, dst) != 0) {
		log_err("content", "cannot switch %s: %s", dst, strerror(errno));
		unlink(tmp);
		return false;
	}
	sync_dir(root);
	return true;
}

bool content_root_target(const char *root, const char *name, char *buf, size_t len)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", root, name);
	ssize_t n = readlink(path, buf, len - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return true;
}

bool content_root_rollback(const char *root, char *err, size_t len)
{
	char cur[4096], prev[4096], path[4096];
	struct stat st;
	if (!content_root_target(root, "previous", prev, sizeof(prev))) {
		snprintf(err, len, "no previous version in %s to roll back to", root);
		return false;
	}
	snprintf(path, sizeof(path), "%s/%s", root, prev);
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, len, "the previous version %s is gone", path);
		return false;
	}
	bool had = content_root_target(root, "current", cur, sizeof(cur));
	if (!content_root_link(root, "current", prev)) {
		snprintf(err, len, "cannot switch %s/current (see above)", root);
		return false;
	}
	if (had && !content_root_link(root, "previous", cur)) {
		snprintf(err, len, "switched back, but cannot keep %s as previous", cur);
		return false;
	}
	return true;
}

bool content_root_of(const char *content, char *buf, size_t len)
{
	size_t n = strlen(content);
	while (n > 1 && content[n - 1] == '/')
		n--;
	const char *tail = "current";
	size_t t = strlen(tail);
	if (n < t || memcmp(content + n - t, tail, t) != 0 || (n > t && content[n - t - 1] != '/'))
		return false;
	size_t rl = n > t ? n - t - 1 : 0;
	if (rl == 0) {
		snprintf(buf, len, "%s", n > t ? "/" : ".");
	} else {
		if (rl >= len)
			return false;
		memcpy(buf, content, rl);
		buf[rl] = '\0';
	}
	char link[4096];
	return content_root_target(buf, "current", link, sizeof(link));
}
