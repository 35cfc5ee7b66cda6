#include "core/srt.h"
#include "core/log.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_FILE = 4 << 20 };

/* Windows-1252 bytes 0x80-0x9F (0: undefined, kept as U+FFFD). */
static const unsigned short cp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static bool valid_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		int n = c < 0x80             ? 0
		        : (c & 0xE0) == 0xC0 ? 1
		        : (c & 0xF0) == 0xE0 ? 2
		        : (c & 0xF8) == 0xF0 ? 3
		                             : -1;
		if (n < 0 || (n == 1 && c < 0xC2) || i + (size_t)n >= len)
			return false;
		for (int k = 1; k <= n; k++)
			if ((s[i + (size_t)k] & 0xC0) != 0x80)
				return false;
		i += (size_t)n + 1;
	}
	return true;
}

/* Old subtitle tools write Windows-1252: a French "é" must not become "?". */
static char *to_utf8(const char *text, size_t len)
{
	if (valid_utf8((const unsigned char *)text, len)) {
		char *out = malloc(len + 1);
		if (out) {
			memcpy(out, text, len);
			out[len] = '\0';
		}
		return out;
	}
	char *out = malloc(len * 3 + 1), *o = out;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		unsigned c = (unsigned char)text[i];
		if (c >= 0x80 && c < 0xA0)
			c = cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xFFFD;
		if (c < 0x80) {
			*o++ = (char)c;
		} else if (c < 0x800) {
			*o++ = (char)(0xC0 | c >> 6);
			*o++ = (char)(0x80 | (c & 0x3F));
		} else {
			*o++ = (char)(0xE0 | c >> 12);
			*o++ = (char)(0x80 | ((c >> 6) & 0x3F));
			*o++ = (char)(0x80 | (c & 0x3F));
		}
	}
	*o = '\0';
	return out;
}

/* "H:MM:SS,mmm" (also "." before the milliseconds, and 1-3 digits). */
static const char *parse_time(const char *p, long long *ms)
{
	long long h = 0, m = 0, s = 0, frac = 0;
	int digits = 0;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!isdigit((unsigned char)*p))
		return NULL;
	/* At most 99999 hours: a longer field (a crafted file) would overflow
	 * h, which is undefined behaviour, long before it means anything. */
	for (int n = 0; isdigit((unsigned char)*p); n++) {
		if (n == 5)
			return NULL;
		h = h * 10 + (*p++ - '0');
	}
	if (*p++ != ':' || !isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
		return NULL;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (*p++ != ':' || !isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
		return NULL;
	s = (p[0] - '0') * 10 + (p[1] - '0');
	p += 2;
	if (*p == ',' || *p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (digits < 3) {
				frac = frac * 10 + (*p - '0');
				digits++;
			}
			p++;
		}
		for (; digits < 3; digits++)
			frac *= 10;
	}
	if (m > 59 || s > 59)
		return NULL;
	*ms = ((h * 60 + m) * 60 + s) * 1000 + frac;
	return p;
}

static bool parse_timing(const char *line, long long *start, long long *end)
{
	const char *p = parse_time(line, start);
	if (!p)
		return false;
	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "-->", 3) != 0)
		return false;
	return parse_time(p + 3, end) != NULL && *end > *start;
}

/* Drop <i>, </font>, {\an8}...: we draw plain text, always in the same place. */
static void strip_markup(char *s)
{
	char *o = s;
	for (char *p = s; *p;) {
		if (*p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/')) {
			char *e = strchr(p, '>');
			if (e) {
				p = e + 1;
				continue;
			}
		}
		if (*p == '{' && p[1] == '\\') {
			char *e = strchr(p, '}');
			if (e) {
				p = e + 1;
				continue;
			}
		}
		*o++ = *p++;
	}
	*o = '\0';
}

static bool add_cue(struct srt *s, unsigned *cap, long long start, long long end, char *text)
{
	strip_markup(text);
	size_t n = strlen(text);
	while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
		text[--n] = '\0';
	if (!n) {
		free(text);
		return true;
	}
	if (s->n == *cap) {
		unsigned ncap = *cap ? *cap * 2 : 16;
		struct srt_cue *c = realloc(s->cues, ncap * sizeof(*c));
		if (!c) {
			free(text);
			return false;
		}
		s->cues = c;
		*cap = ncap;
	}
	s->cues[s->n++] = (struct srt_cue){start, end, text};
	return true;
}

static int by_start(const void *a, const void *b)
{
	const struct srt_cue *x = a, *y = b;
	return x->start_ms < y->start_ms ? -1 : x->start_ms > y->start_ms;
}

struct srt *srt_parse(const char *text, size_t len)
{
	struct srt *s = calloc(1, sizeof(*s));
	char *buf = to_utf8(text, len);
	if (!s || !buf) {
		free(s);
		free(buf);
		return NULL;
	}
	char *p = buf;
	if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
	    (unsigned char)p[2] == 0xBF)
		p += 3;
	unsigned cap = 0;
	bool ok = true, in_cue = false;
	long long start = 0, end = 0;
	char *acc = NULL;
	size_t acc_len = 0;
	while (ok && p && *p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		size_t n = strlen(p);
		if (n && p[n - 1] == '\r')
			p[--n] = '\0';
		long long a, b;
		if (parse_timing(p, &a, &b)) {
			/* A timing line starts a cue, even without the blank line
			 * before; then the line above it was the next cue's number. */
			if (in_cue && acc) {
				char *last = strrchr(acc, '\n');
				char *num = last ? last + 1 : acc;
				if (*num && strspn(num, "0123456789") == strlen(num))
					*num = '\0';
			}
			if (in_cue && acc)
				ok = add_cue(s, &cap, start, end, acc);
			else
				free(acc);
			acc = NULL;
			acc_len = 0;
			in_cue = true;
			start = a;
			end = b;
		} else if (in_cue && n == 0) {
			if (acc)
				ok = add_cue(s, &cap, start, end, acc);
			acc = NULL;
			acc_len = 0;
			in_cue = false;
		} else if (in_cue) {
			char *grown = realloc(acc, acc_len + n + 2);
			if (!grown) {
				ok = false;
				break;
			}
			acc = grown;
			if (acc_len)
				acc[acc_len++] = '\n';
			memcpy(acc + acc_len, p, n + 1);
			acc_len += n;
		}
		p = nl ? nl + 1 : NULL;
	}
	if (ok && in_cue && acc)
		ok = add_cue(s, &cap, start, end, acc);
	else
		free(acc);
	free(buf);
	if (!ok) {
		srt_destroy(s);
		return NULL;
	}
	if (s->n > 1)
		qsort(s->cues, s->n, sizeof(*s->cues), by_start);
	return s;
}

struct srt *srt_load(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		/* Read when a person opens a chapter: debug only (the file
		 * name tells the language); kiosk --check reports it. */
		log_debug("srt", "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	char *buf = malloc(MAX_FILE);
	size_t len = buf ? fread(buf, 1, MAX_FILE, f) : 0;
	bool err = !buf || ferror(f);
	fclose(f);
	struct srt *s = err ? NULL : srt_parse(buf, len);
	if (err)
		log_debug("srt", "cannot read %s", path);
	free(buf);
	return s;
}

void srt_destroy(struct srt *s)
{
	if (!s)
		return;
	for (unsigned i = 0; i < s->n; i++)
		free(s->cues[i].text);
	free(s->cues);
	free(s);
}

const char *srt_at(const struct srt *s, long long ms)
{
	if (!s)
		return NULL;
	for (unsigned i = 0; i < s->n && s->cues[i].start_ms <= ms; i++)
		if (ms < s->cues[i].end_ms)
			return s->cues[i].text;
	return NULL;
}

long long srt_next_change(const struct srt *s, long long ms)
{
	long long next = -1;
	for (unsigned i = 0; s && i < s->n; i++) {
		long long t = s->cues[i].start_ms > ms ? s->cues[i].start_ms
		              : s->cues[i].end_ms > ms ? s->cues[i].end_ms
		                                       : -1;
		if (t >= 0 && (next < 0 || t - ms < next))
			next = t - ms;
	}
	return next;
}
