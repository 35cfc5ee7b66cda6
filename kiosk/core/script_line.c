#include "core/script_line.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

bool script_line_split(char *line, char **cmd, char **args)
{
	char *p = line;
	while (isspace((unsigned char)*p))
		p++;
	char *end = p + strlen(p);
	while (end > p && isspace((unsigned char)end[-1]))
		*--end = '\0';
	if (!*p || *p == '#')
		return false;
	char *a = p + strcspn(p, " \t");
	if (*a) {
		*a++ = '\0';
		while (isspace((unsigned char)*a))
			a++;
	}
	*cmd = p;
	*args = a;
	return true;
}

bool script_floats(const char *args, float *v, int n)
{
	const char *p = args;
	for (int i = 0; i < n; i++) {
		char *end;
		errno = 0;
		v[i] = strtof(p, &end);
		if (end == p || errno || !isfinite(v[i]))
			return false;
		p = end;
	}
	while (isspace((unsigned char)*p))
		p++;
	return *p == '\0';
}
