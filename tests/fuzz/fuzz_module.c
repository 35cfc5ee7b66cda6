/* libFuzzer: module.yaml, loaded and checked as --check does (the files it
 * names do not exist: that is reported, never followed). */
#include "../../tests/fuzz/fuzz_file.h"
#include "core/content.h"
#include "core/yaml/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char dir[256];
	if (!fuzz_file("module.yaml", data, size, dir, sizeof(dir)))
		return 0;
	struct diag d = {0};
	struct content_module *m = content_load(dir, &d);
	if (m)
		content_check(m, &d);
	content_destroy(m);
	diag_free(&d);
	return 0;
}
