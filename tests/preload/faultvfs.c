/* faultvfs.so: an SQLite VFS shim, preloaded into the kiosk by
 * tests/reliability/iofault.sh. It wraps the default VFS and fails the Nth
 * write, sync or lock (file locks and WAL shared-memory locks) once, or from
 * then on:
 *   KIOSK_FAULT=write:N:once | sync:N:always | lock:N:once ...
 *   KIOSK_FAULT=write:N:full   (a full disk: SQLITE_FULL from the Nth write on)
 * Without KIOSK_FAULT it only counts. At exit it prints to stderr
 *   faultvfs: writes W syncs S locks L injected I
 * so the suite knows how many fault points a run has. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum op { OP_WRITE, OP_SYNC, OP_LOCK, OP_COUNT };

static sqlite3_vfs *orig;
static sqlite3_vfs vfs;
static long counts[OP_COUNT];
static long injected;
static int fault_op = -1;
static long fault_n;
static int fault_always;
static int fault_full;

struct ffile {
	sqlite3_file base;
	sqlite3_file *real; /* follows this struct, orig->szOsFile bytes */
};

static int fail_now(enum op op)
{
	long n = __atomic_add_fetch(&counts[op], 1, __ATOMIC_SEQ_CST);
	if ((int)op != fault_op)
		return 0;
	if (n == fault_n || (fault_always && n > fault_n)) {
		__atomic_add_fetch(&injected, 1, __ATOMIC_SEQ_CST);
		return 1;
	}
	return 0;
}

#define REAL(f) (((struct ffile *)(f))->real)

static int x_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
	return rc;
}
static int x_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
	return REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int x_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
	if (fail_now(OP_WRITE))
		return fault_full ? SQLITE_FULL : SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int x_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int x_sync(sqlite3_file *f, int flags)
{
	if (fail_now(OP_SYNC))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int x_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}
static int x_lock(sqlite3_file *f, int level)
{
	if (fail_now(OP_LOCK))
		return SQLITE_IOERR_LOCK;
	return REAL(f)->pMethods->xLock(REAL(f), level);
}
static int x_unlock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), level);
}
static int x_check_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int x_file_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int x_sector_size(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int x_device_chars(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int x_shm_map(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, extend, pp);
}
static int x_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	/* Only taking a lock can fail; letting one go cannot. */
	if ((flags & SQLITE_SHM_LOCK) && fail_now(OP_LOCK))
		return SQLITE_IOERR_SHMLOCK;
	return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}
static void x_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int x_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int x_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), o, n, pp);
}
static int x_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), o, p);
}

static const sqlite3_io_methods methods = {
    3,
    x_close,
    x_read,
    x_write,
    x_truncate,
    x_sync,
    x_file_size,
    x_lock,
    x_unlock,
    x_check_reserved,
    x_file_control,
    x_sector_size,
    x_device_chars,
    x_shm_map,
    x_shm_lock,
    x_shm_barrier,
    x_shm_unmap,
    x_fetch,
    x_unfetch,
};

static int x_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	(void)v;
	struct ffile *ff = (struct ffile *)f;
	ff->real = (sqlite3_file *)(ff + 1);
	memset(ff->real, 0, (size_t)orig->szOsFile);
	int rc = orig->xOpen(orig, name, ff->real, flags, out);
	/* SQLite calls xClose only when pMethods is set, even after a failed open. */
	ff->base.pMethods = ff->real->pMethods ? &methods : NULL;
	return rc;
}

static void report(void)
{
	fprintf(stderr, "faultvfs: writes %ld syncs %ld locks %ld injected %ld\n", counts[OP_WRITE],
	        counts[OP_SYNC], counts[OP_LOCK], injected);
}

__attribute__((constructor)) static void faultvfs_init(void)
{
	const char *spec = getenv("KIOSK_FAULT");
	if (spec && *spec) {
		char op[16] = "", mode[16] = "once";
		if (sscanf(spec, "%15[a-z]:%ld:%15[a-z]", op, &fault_n, mode) < 2 || fault_n < 1) {
			fprintf(stderr,
			        "faultvfs: KIOSK_FAULT wants write|sync|lock:N[:once|always]\n");
			exit(2);
		}
		fault_op = strcmp(op, "write") == 0  ? OP_WRITE
		           : strcmp(op, "sync") == 0 ? OP_SYNC
		           : strcmp(op, "lock") == 0 ? OP_LOCK
		                                     : -1;
		fault_full = strcmp(mode, "full") == 0;
		fault_always = fault_full || strcmp(mode, "always") == 0;
		if (fault_op < 0) {
			fprintf(stderr, "faultvfs: unknown operation %s\n", op);
			exit(2);
		}
	}
	orig = sqlite3_vfs_find(NULL);
	if (!orig)
		return;
	vfs = *orig;
	vfs.zName = "faultvfs";
	vfs.szOsFile = (int)sizeof(struct ffile) + orig->szOsFile;
	vfs.xOpen = x_open;
	vfs.pNext = NULL;
	sqlite3_vfs_register(&vfs, 1);
	atexit(report);
}
