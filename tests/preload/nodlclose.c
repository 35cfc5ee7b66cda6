/* For `make asan` only: libraries stay loaded until exit, so that what
 * libVLC's plugins and SDL's drivers never free is still attributed to
 * their library and LeakSanitizer can be told about them by name
 * (tests/lsan.supp). Leaks of the kiosk's own code are still reported. */
int dlclose(void *handle);

int dlclose(void *handle)
{
	(void)handle;
	return 0;
}
