#include "core/yaml/yamlpos.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

struct yamlpos_entry {
	char *path;
	int line, col;
	bool key; /* the key of the entry at path, not its value */
};

struct yamlpos {
	struct yamlpos_entry *e;
	int n, cap;
	char *error;
	int err_line, err_col;
};

enum { DEPTH = 32, SEG = 64 };

struct level {
	bool is_map;
	bool want_key;
	int index;
	char key[SEG];
};

static void current_path(const struct level *lv, int depth, char *out, size_t len)
{
	out[0] = '\0';
	size_t used = 0;
	for (int i = 0; i < depth && used < len; i++) {
		char seg[SEG + 2];
		if (lv[i].is_map)
			snprintf(seg, sizeof(seg), "%s%s", i ? "." : "", lv[i].key);
		else
			snprintf(seg, sizeof(seg), "%s%d", i ? "." : "", lv[i].index);
		used += (size_t)snprintf(out + used, len - used, "%s", seg);
	}
}

static void record(struct yamlpos *p, const struct level *lv, int depth, yaml_mark_t m, bool key)
{
	char path[1024];
	current_path(lv, depth, path, sizeof(path));
	if (p->n == p->cap) {
		int cap = p->cap ? p->cap * 2 : 256;
		struct yamlpos_entry *e = realloc(p->e, (size_t)cap * sizeof(*e));
		if (!e)
			return;
		p->e = e;
		p->cap = cap;
	}
	p->e[p->n++] = (struct yamlpos_entry){
	    .path = strdup(path), .line = (int)m.line + 1, .col = (int)m.column + 1, .key = key};
}

static void advance(struct level *lv, int depth)
{
	if (depth == 0)
		return;
	struct level *top = &lv[depth - 1];
	if (top->is_map)
		top->want_key = true;
	else
		top->index++;
}

struct yamlpos *yamlpos_read(const char *file)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return NULL;
	struct yamlpos *p = calloc(1, sizeof(*p));
	yaml_parser_t parser;
	if (!p || !yaml_parser_initialize(&parser)) {
		free(p);
		fclose(f);
		return NULL;
	}
	yaml_parser_set_input_file(&parser, f);
	struct level lv[DEPTH];
	int depth = 0;
	bool done = false;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			p->error = strdup(parser.problem ? parser.problem : "syntax error");
			p->err_line = (int)parser.problem_mark.line + 1;
			p->err_col = (int)parser.problem_mark.column + 1;
			break;
		}
		bool is_key = depth > 0 && lv[depth - 1].is_map && lv[depth - 1].want_key;
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			if (is_key) {
				snprintf(lv[depth - 1].key, SEG, "%s",
				         (char *)ev.data.scalar.value);
				lv[depth - 1].want_key = false;
				record(p, lv, depth, ev.start_mark, true);
			} else {
				record(p, lv, depth, ev.start_mark, false);
				advance(lv, depth);
			}
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			record(p, lv, depth, ev.start_mark, false);
			if (depth < DEPTH) {
				lv[depth] =
				    (struct level){.is_map = ev.type == YAML_MAPPING_START_EVENT,
				                   .want_key = true};
				depth++;
			}
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			if (depth > 0)
				depth--;
			advance(lv, depth);
			break;
		case YAML_STREAM_END_EVENT: done = true; break;
		default: break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return p;
}

void yamlpos_destroy(struct yamlpos *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->n; i++)
		free(p->e[i].path);
	free(p->e);
	free(p->error);
	free(p);
}

void yamlpos_find(const struct yamlpos *p, int *line, int *col, const char *fmt, ...)
{
	char path[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	*line = *col = 0;
	if (!p)
		return;
	for (;;) {
		for (int i = 0; i < p->n; i++) {
			if (!p->e[i].key && p->e[i].path && strcmp(p->e[i].path, path) == 0) {
				*line = p->e[i].line;
				*col = p->e[i].col;
				return;
			}
		}
		char *dot = strrchr(path, '.');
		if (!dot) {
			if (path[0] == '\0')
				return;
			path[0] = '\0'; /* the document itself */
			continue;
		}
		*dot = '\0';
	}
}

void yamlpos_find_key(const struct yamlpos *p, int *line, int *col, const char *fmt, ...)
{
	char path[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	*line = *col = 0;
	for (int i = 0; p && i < p->n; i++) {
		if (p->e[i].key && p->e[i].path && strcmp(p->e[i].path, path) == 0) {
			*line = p->e[i].line;
			*col = p->e[i].col;
			return;
		}
	}
}

const char *yamlpos_syntax_error(const struct yamlpos *p, int *line, int *col)
{
	if (!p || !p->error)
		return NULL;
	*line = p->err_line;
	*col = p->err_col;
	return p->error;
}

void yamlpos_vproblem(const struct yamlpos *p, struct diag *d, const char *file, const char *prefix,
                      const char *path, const char *fmt, va_list ap)
{
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	int line = 0, col = 0;
	if (p)
		yamlpos_find(p, &line, &col, "%s", path);
	diag_add(d, file, line, col, "%s%s", prefix, msg ? msg : "out of memory");
	free(msg);
}
