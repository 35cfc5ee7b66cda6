/* How the writers print numbers and names: the French reports (text,
 * HTML, the ';' CSV) with decimal commas, the others with points. */
#include <stdio.h>
#include <string.h>

#include "report/report.h"

const char *report_num(char buf[REPORT_NUM], double v, int decimals, bool comma)
{
	snprintf(buf, REPORT_NUM, "%.*f", decimals, v);
	char *dot = strchr(buf, '.');
	if (comma && dot)
		*dot = ',';
	return buf;
}

/* The store files sessions without a label under "-" (store_schema.h). */
bool report_no_label(const char *key)
{
	return strcmp(key, "-") == 0;
}

int report_width(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}
