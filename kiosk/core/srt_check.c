#include "core/srt_check.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TIMING_FORM "HH:MM:SS,mmm --> HH:MM:SS,mmm"

/* One line of the file, without its end of line (LF or CRLF). */
struct line {
	const char *s;
	size_t len;
	int no; /* 1-based */
};

struct checker {
	const char *file;
	struct diag *d;
	int problems;

	unsigned next_number; /* the cue number expected next */
	unsigned number;      /* of the cue being read */
	bool have_prev;       /* a cue with a valid timing line was read */
	long long prev_start, prev_end;
	struct srt_check_result *r;
};

static void problem(struct checker *c, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(struct checker *c, int line, int col, const char *fmt, ...)
{
	if (++c->problems > SRT_CHECK_MAX_PROBLEMS) {
		if (c->problems == SRT_CHECK_MAX_PROBLEMS + 1)
			diag_add(c->d, c->file, line, col,
			         "more problems in this file are not listed");
		return;
	}
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(c->d, c->file, line, col, "%s", msg);
}

void srt_check_format_time(char *buf, size_t size, long long ms, int decimals)
{
	if (ms < 0)
		ms = 0;
	long long min = ms / 60000, sec = ms / 1000 % 60;
	if (decimals >= 3)
		snprintf(buf, size, "%lld:%02lld.%03lld", min, sec, ms % 1000);
	else
		snprintf(buf, size, "%lld:%02lld.%lld", min, sec, ms / 100 % 10);
}

/* The SRT's own notation, so that authors find the value in their file. */
static void srt_time(char *buf, size_t size, long long ms)
{
	snprintf(buf, size, "%02lld:%02lld:%02lld,%03lld", ms / 3600000, ms / 60000 % 60,
	         ms / 1000 % 60, ms % 1000);
}

/* Length of the valid UTF-8 sequence at s (no overlongs, surrogates or
 * code points past U+10FFFF), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return s[0] ? 1 : 0; /* a NUL byte: most likely UTF-16 */
	size_t len;
	unsigned cp;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* Reports the first byte that is not UTF-8 (one report per file is
 * enough: the whole file needs saving in another encoding). */
static void check_utf8(struct checker *c, const struct line *l, bool *reported)
{
	const unsigned char *s = (const unsigned char *)l->s;
	for (size_t i = 0; i < l->len && !*reported;) {
		size_t n = utf8_seq(s + i, l->len - i);
		if (n == 0) {
			problem(c, l->no, 1 + (int)i,
			        "not UTF-8 (byte 0x%02X): save the file as UTF-8", s[i]);
			*reported = true;
		}
		i += n ? n : 1;
	}
}

static bool blank(const struct line *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (l->s[i] != ' ' && l->s[i] != '\t')
			return false;
	return true;
}

/* A cue number: digits, perhaps followed by spaces. */
static bool parse_number(const struct line *l, unsigned *n)
{
	size_t i = 0;
	unsigned long v = 0;
	while (i < l->len && isdigit((unsigned char)l->s[i]) && v < 1000000)
		v = v * 10 + (unsigned)(l->s[i++] - '0');
	if (i == 0)
		return false;
	while (i < l->len && (l->s[i] == ' ' || l->s[i] == '\t'))
		i++;
	*n = (unsigned)v;
	return i == l->len;
}

/* Reads `count` digits at *i; false if there are fewer. */
static bool digits(const struct line *l, size_t *i, int count, long long *v)
{
	*v = 0;
	for (int k = 0; k < count; k++, (*i)++) {
		if (*i >= l->len || !isdigit((unsigned char)l->s[*i]))
			return false;
		*v = *v * 10 + (l->s[*i] - '0');
	}
	return true;
}

/* HH:MM:SS,mmm at *i. On failure, *why says what is wrong at *i. */
static bool parse_time(const struct line *l, size_t *i, long long *ms, const char **why)
{
	long long h = 0, m, s, f;
	size_t start = *i;
	while (*i < l->len && isdigit((unsigned char)l->s[*i]) && *i - start < 3)
		h = h * 10 + (l->s[(*i)++] - '0');
	if (*i == start)
		return *why = "hours expected", false;
	if (*i >= l->len || l->s[*i] != ':')
		return *why = "':' expected after the hours", false;
	(*i)++;
	size_t at = *i;
	if (!digits(l, i, 2, &m))
		return *i = at, *why = "two digits expected for the minutes", false;
	if (m > 59)
		return *i = at, *why = "minutes over 59", false;
	if (*i >= l->len || l->s[*i] != ':')
		return *why = "':' expected after the minutes", false;
	(*i)++;
	at = *i;
	if (!digits(l, i, 2, &s))
		return *i = at, *why = "two digits expected for the seconds", false;
	if (s > 59)
		return *i = at, *why = "seconds over 59", false;
	if (*i >= l->len || l->s[*i] != ',')
		return *why = "',' expected before the milliseconds", false;
	(*i)++;
	at = *i;
	if (!digits(l, i, 3, &f))
		return *i = at, *why = "three digits expected for the milliseconds", false;
	*ms = ((h * 60 + m) * 60 + s) * 1000 + f;
	return true;
}

static void skip_spaces(const struct line *l, size_t *i)
{
	while (*i < l->len && (l->s[*i] == ' ' || l->s[*i] == '\t'))
		(*i)++;
}

/* "start --> end"; on failure reports nothing but sets *col and *why. */
static bool parse_timing(const struct line *l, long long *start, long long *end, size_t *end_at,
                         size_t *col, const char **why)
{
	size_t i = 0;
	if (!parse_time(l, &i, start, why))
		goto bad;
	size_t arrow = i;
	skip_spaces(l, &i);
	if (i == arrow || l->len - i < 3 || memcmp(l->s + i, "-->", 3) != 0) {
		*why = "' --> ' expected between the two times";
		goto bad;
	}
	i += 3;
	arrow = i;
	skip_spaces(l, &i);
	if (i == arrow) {
		*why = "' --> ' expected between the two times";
		goto bad;
	}
	*end_at = i;
	if (!parse_time(l, &i, end, why))
		goto bad;
	skip_spaces(l, &i);
	if (i < l->len) {
		*why = "unexpected text after the end time";
		goto bad;
	}
	return true;
bad:
	*col = i;
	return false;
}

static bool looks_like_timing(const struct line *l)
{
	long long a, b;
	size_t e, c;
	const char *why;
	return parse_timing(l, &a, &b, &e, &c, &why);
}

/* The timing line of the current cue; returns whether it is valid. */
static bool check_timing(struct checker *c, const struct line *l)
{
	long long start, end;
	size_t end_at = 0, col = 0;
	const char *why = NULL;
	if (!parse_timing(l, &start, &end, &end_at, &col, &why)) {
		problem(c, l->no, 1 + (int)col, "bad timing line: %s; expected %s", why,
		        TIMING_FORM);
		return false;
	}
	char a[32], b[32];
	int end_col = 1 + (int)end_at;
	if (end < start) {
		srt_time(a, sizeof(a), start);
		srt_time(b, sizeof(b), end);
		problem(c, l->no, end_col, "cue %u ends (%s) before it starts (%s)", c->number, b,
		        a);
		return false;
	}
	if (end == start) {
		srt_time(a, sizeof(a), start);
		problem(c, l->no, end_col, "cue %u ends when it starts (%s): it would never show",
		        c->number, a);
		return false;
	}
	if (c->have_prev && start < c->prev_start) {
		srt_time(a, sizeof(a), start);
		srt_time(b, sizeof(b), c->prev_start);
		problem(c, l->no, 1,
		        "cue %u starts (%s) before the previous cue (%s): cues out of order",
		        c->number, a, b);
	} else if (c->have_prev && start < c->prev_end) {
		srt_time(a, sizeof(a), start);
		srt_time(b, sizeof(b), c->prev_end);
		problem(c, l->no, 1,
		        "cue %u starts (%s) before the previous cue ends (%s): cues overlap",
		        c->number, a, b);
	}
	c->have_prev = true;
	c->prev_start = start;
	c->prev_end = end;
	c->r->cues++;
	if (end > c->r->last_end_ms)
		c->r->last_end_ms = end;
	return true;
}

/* The line starting at *pos, if any; advances *pos past its end. */
static bool read_line(const char *text, size_t len, size_t *pos, int *no, struct line *l)
{
	if (*pos >= len)
		return false;
	const char *nl = memchr(text + *pos, '\n', len - *pos);
	size_t end = nl ? (size_t)(nl - text) : len;
	*l = (struct line){text + *pos, end - *pos, ++*no};
	if (l->len && l->s[l->len - 1] == '\r')
		l->len--;
	*pos = nl ? end + 1 : len;
	return true;
}

enum state { WANT_NUMBER, WANT_TIMING, IN_TEXT, SKIP_BLOCK };

struct cue_state {
	enum state st;
	int timing_line, text_lines;
	bool timing_ok; /* a cue whose timing line is wrong is not judged further */
};

static void start_cue(struct checker *c, struct cue_state *q, const struct line *l)
{
	q->timing_line = l->no;
	q->text_lines = 0;
	q->st = IN_TEXT;
	q->timing_ok = check_timing(c, l);
}

static void end_cue(struct checker *c, struct cue_state *q, const struct line *l)
{
	if (q->st == IN_TEXT && q->timing_ok && q->text_lines == 0)
		problem(c, q->timing_line, 1, "cue %u has no text", c->number);
	else if (q->st == WANT_TIMING)
		problem(c, l->no, 1, "timing line expected (%s) after cue number %u", TIMING_FORM,
		        c->number);
	q->st = WANT_NUMBER;
}

/* A line of cue text, unless it is the start of the next cue. */
static bool text_line(struct checker *c, struct cue_state *q, const struct line *cur,
                      const struct line *next)
{
	unsigned n;
	if (parse_number(cur, &n) && next && looks_like_timing(next)) {
		problem(c, cur->no, 1, "blank line missing before cue %u", n);
		end_cue(c, q, cur);
		return false;
	}
	if (looks_like_timing(cur)) {
		problem(c, cur->no, 1,
		        "a timing line in the text of cue %u (blank line and cue number missing?)",
		        c->number);
		end_cue(c, q, cur);
		c->number = c->next_number++;
		start_cue(c, q, cur);
		return true;
	}
	q->text_lines++;
	return true;
}

static void cue_number(struct checker *c, struct cue_state *q, const struct line *cur)
{
	unsigned n;
	if (parse_number(cur, &n)) {
		if (n != c->next_number)
			problem(c, cur->no, 1, "cue number %u, expected %u", n, c->next_number);
		c->number = n;
		c->next_number = n + 1;
		q->st = WANT_TIMING;
	} else if (looks_like_timing(cur)) {
		problem(c, cur->no, 1, "cue number missing before the timing line");
		c->number = c->next_number++;
		start_cue(c, q, cur);
	} else {
		problem(c, cur->no, 1, "bad cue number: a number (%u) expected", c->next_number);
		c->number = c->next_number++;
		q->st = SKIP_BLOCK; /* its timing and text would only add noise */
	}
}

int srt_check(const char *text, size_t len, const char *file, struct diag *d,
              struct srt_check_result *r)
{
	struct srt_check_result dummy;
	if (!r)
		r = &dummy;
	*r = (struct srt_check_result){.last_end_ms = -1};
	struct checker c = {.file = file, .d = d, .next_number = 1, .r = r};
	const unsigned char *u = (const unsigned char *)text;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		problem(&c, 1, 1, "the file is UTF-16: save it as UTF-8");
		return c.problems;
	}
	/* A BOM is harmless (the kiosk skips it) and no editor counts it. */
	size_t pos = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	int no = 0;
	bool utf8_reported = false;
	struct cue_state q = {WANT_NUMBER, 0, 0, false};
	/* One line of look-ahead tells a cue number that lost its blank line
	 * from a text line that happens to be a number. */
	struct line cur, next;
	bool have_next = read_line(text, len, &pos, &no, &next);
	while (have_next) {
		cur = next;
		have_next = read_line(text, len, &pos, &no, &next);
		check_utf8(&c, &cur, &utf8_reported);
		if (blank(&cur)) {
			end_cue(&c, &q, &cur);
			continue;
		}
		if (q.st == IN_TEXT && text_line(&c, &q, &cur, have_next ? &next : NULL))
			continue;
		switch (q.st) {
		case WANT_NUMBER: cue_number(&c, &q, &cur); break;
		case WANT_TIMING: start_cue(&c, &q, &cur); break;
		case IN_TEXT:
		case SKIP_BLOCK: break;
		}
	}
	struct line eof = {NULL, 0, no ? no : 1};
	end_cue(&c, &q, &eof);
	if (r->cues == 0 && c.problems == 0)
		problem(&c, 1, 1, "no subtitles in this file");
	return c.problems;
}

int srt_check_file(const char *path, struct diag *d, struct srt_check_result *r)
{
	if (r)
		*r = (struct srt_check_result){.last_end_ms = -1};
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_add(d, path, 1, 1, "cannot read: %s", strerror(errno));
		return 1;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (cap - len < 4096) {
			size_t ncap = cap ? cap * 2 : 16384;
			char *nb = realloc(buf, ncap);
			if (!nb) {
				free(buf);
				fclose(f);
				diag_add(d, path, 1, 1, "out of memory reading the file");
				return 1;
			}
			buf = nb;
			cap = ncap;
		}
		size_t got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	bool err = ferror(f);
	fclose(f);
	int n;
	if (err) {
		diag_add(d, path, 1, 1, "cannot read: %s", strerror(EIO));
		n = 1;
	} else {
		n = srt_check(buf, len, path, d, r);
	}
	free(buf);
	return n;
}
