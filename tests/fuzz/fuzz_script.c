/* libFuzzer: a script file of kiosk --headless (docs/reference.md), line by
 * line as script_run reads it: each line split into its command and
 * arguments (core/script_line.c), then its numbers read as each command
 * with numbers would (tap 2, hold 3, swipe 4, wait 1). What the commands do
 * drives the whole kiosk (SDL, libVLC): the monkey and the bad-inputs
 * catalogue cover that (tests/reliability/). */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/script_line.h"

enum { LINE_MAX_CHARS = 1024 }; /* script_run's buffer */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t i = 0;
	while (i < size) {
		char line[LINE_MAX_CHARS];
		size_t n = 0;
		while (i < size && data[i] != '\n' && n < sizeof(line) - 1)
			line[n++] = (char)data[i++];
		if (i < size && data[i] == '\n')
			i++;
		line[n] = '\0';
		char *cmd, *args;
		if (!script_line_split(line, &cmd, &args))
			continue;
		/* A command is one word; its arguments neither start nor end
		 * with a space; both lie inside the line. */
		if (!*cmd || *cmd == '#' || strchr(cmd, ' ') || strchr(cmd, '\t'))
			abort();
		if (cmd < line || args < cmd || args > line + n)
			abort();
		if (*args && (isspace((unsigned char)args[0]) ||
		              isspace((unsigned char)args[strlen(args) - 1])))
			abort();
		float v[4];
		for (int k = 1; k <= 4; k++)
			if (script_floats(args, v, k))
				for (int j = 0; j < k; j++)
					if (!isfinite(
					        v[j])) /* "nan", "inf": never a time or a place */
						abort();
	}
	return 0;
}
