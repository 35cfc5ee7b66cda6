/* libFuzzer: subtitles, as the player reads them (srt_parse, then lookups at
 * every time) and as --check reads them (srt_check). */
#include <stdint.h>
#include <stddef.h>

#include "core/srt.h"
#include "core/srt_check.h"
#include "core/yaml/diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct srt *s = srt_parse((const char *)data, size);
	for (long long ms = -1000; s && ms < 120000; ms += 997) {
		srt_at(s, ms);
		srt_next_change(s, ms);
	}
	srt_destroy(s);
	struct diag d = {0};
	struct srt_check_result r;
	srt_check((const char *)data, size, "fuzz.srt", &d, &r);
	diag_free(&d);
	return 0;
}
