#include "core/yaml/schema_lint.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

struct lint {
	yaml_document_t doc;
	const char *file;
	struct diag *d;
	int n;
};

static void lint_problem(struct lint *l, yaml_mark_t m, const char *fmt, const char *a, long b)
{
	char msg[256];
	snprintf(msg, sizeof(msg), fmt, a, b);
	diag_add(l->d, l->file, (int)m.line + 1, (int)m.column + 1, "%s", msg);
	l->n++;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static bool is_int(const char *s, bool unsigned_only)
{
	if (!s || !*s)
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 0);
	return *end == '\0' && errno == 0 && (!unsigned_only || v >= 0);
}

static bool is_bool(const char *s)
{
	static const char *const words[] = {"true", "false", "yes", "no", "on", "off", "1", "0"};
	for (size_t i = 0; s && i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

static const char *type_name(const cyaml_schema_value_t *v)
{
	switch (v->type) {
	case CYAML_INT: return "a whole number";
	case CYAML_UINT: return "a whole number, 0 or more";
	case CYAML_BOOL: return "true or false";
	case CYAML_STRING: return "a text";
	case CYAML_MAPPING: return "a mapping (key: value lines)";
	case CYAML_SEQUENCE: return "a list";
	default: return "another kind of value";
	}
}

static void walk(struct lint *l, yaml_node_t *n, const cyaml_schema_value_t *v);

static void walk_mapping(struct lint *l, yaml_node_t *n, const cyaml_schema_field_t *fields)
{
	size_t nf = 0;
	while (fields[nf].key)
		nf++;
	bool *seen = calloc(nf ? nf : 1, sizeof(*seen));
	if (!seen)
		return;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(&l->doc, p->key);
		yaml_node_t *val = yaml_document_get_node(&l->doc, p->value);
		const char *key = scalar(k);
		size_t i = 0;
		while (key && i < nf && strcmp(fields[i].key, key) != 0)
			i++;
		if (!key || i == nf) {
			lint_problem(l, k->start_mark, "unknown key '%s'", key ? key : "?", 0);
		} else if (seen[i]) {
			lint_problem(l, k->start_mark, "key '%s' given twice", key, 0);
		} else {
			seen[i] = true;
			walk(l, val, &fields[i].value);
		}
	}
	for (size_t i = 0; i < nf; i++)
		if (!seen[i] && !(fields[i].value.flags & CYAML_FLAG_OPTIONAL))
			lint_problem(l, n->start_mark, "missing required key '%s'", fields[i].key,
			             0);
	free(seen);
}

static void walk(struct lint *l, yaml_node_t *n, const cyaml_schema_value_t *v)
{
	if (!n)
		return;
	const char *s = scalar(n);
	bool ok = true;
	switch (v->type) {
	case CYAML_MAPPING:
		if (n->type != YAML_MAPPING_NODE)
			ok = false;
		else
			walk_mapping(l, n, v->mapping.fields);
		break;
	case CYAML_SEQUENCE: {
		if (n->type != YAML_SEQUENCE_NODE) {
			ok = false;
			break;
		}
		long count = n->data.sequence.items.top - n->data.sequence.items.start;
		if (count < (long)v->sequence.min)
			lint_problem(l, n->start_mark, "%s: at least %ld entries are needed",
			             count ? "too few entries" : "an empty list",
			             (long)v->sequence.min);
		else if (v->sequence.max != CYAML_UNLIMITED && count > (long)v->sequence.max)
			lint_problem(l, n->start_mark, "%s: at most %ld entries",
			             "too many entries", (long)v->sequence.max);
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++)
			walk(l, yaml_document_get_node(&l->doc, *it), v->sequence.entry);
		break;
	}
	case CYAML_STRING:
		if (!s)
			ok = false;
		else if (strlen(s) < v->string.min)
			lint_problem(l, n->start_mark, "%s: at least %ld characters", "too short",
			             (long)v->string.min);
		else if (v->string.max != CYAML_UNLIMITED && strlen(s) > v->string.max)
			lint_problem(l, n->start_mark, "%s: at most %ld characters", "too long",
			             (long)v->string.max);
		break;
	case CYAML_INT: ok = is_int(s, false); break;
	case CYAML_UINT: ok = is_int(s, true); break;
	case CYAML_BOOL: ok = is_bool(s); break;
	default: break;
	}
	if (!ok)
		lint_problem(l, n->start_mark, "wrong type: %s expected", type_name(v), 0);
}

int schema_lint(const char *file, const cyaml_schema_value_t *schema, struct diag *d)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return -1;
	yaml_parser_t parser;
	struct lint l = {.file = file, .d = d};
	int rc = -1;
	if (yaml_parser_initialize(&parser)) {
		yaml_parser_set_input_file(&parser, f);
		if (yaml_parser_load(&parser, &l.doc)) {
			yaml_node_t *root = yaml_document_get_root_node(&l.doc);
			if (root) {
				walk(&l, root, schema);
				rc = l.n;
			}
			yaml_document_delete(&l.doc);
		}
		yaml_parser_delete(&parser);
	}
	fclose(f);
	return rc;
}
