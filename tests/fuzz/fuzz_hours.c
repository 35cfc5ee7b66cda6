/* libFuzzer: one weekday's opening hours ("08:00-12:00,13:30-18:00"), then
 * every question the kiosk asks of them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/hours.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct hours h;
	hours_init_closed(&h);
	char err[160];
	int col = -1;
	int day = size ? data[0] % 7 : 0;
	if (hours_parse_day(&h, day, text, err, sizeof(err), &col)) {
		for (int m = 0; m < 24 * 60; m += 37) {
			hours_open_at(&h, day, m);
			hours_minutes_to_change(&h, day, m);
		}
	} else if (col < -1 || col > (int)size || !err[0]) {
		abort(); /* an error must say what and where */
	}
	free(text);
	return 0;
}
