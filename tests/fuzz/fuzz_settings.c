/* libFuzzer: the settings file (kiosk.yaml) and its opening hours. */
#include "../../tests/fuzz/fuzz_file.h"
#include "core/hours.h"
#include "core/settings.h"
#include "core/yaml/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[256];
	const char *path = fuzz_file("kiosk.yaml", data, size, dir, sizeof(dir));
	if (!path)
		return 0;
	struct settings s;
	struct diag d = {0};
	struct hours h;
	settings_defaults(&s);
	if (settings_load(path, &s, &d))
		hours_load(&s, &h, &d);
	settings_free(&s);
	diag_free(&d);
	return 0;
}
