#include "core/yaml/cyaml_diag.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/yaml/schema_lint.h"
#include "core/yaml/yamlpos.h"

enum { MAX_FRAMES = 32 };

struct capture {
	char msg[256];
	int line, col;
	bool have_msg, have_pos;
	/* The backtrace as path segments, innermost first ("" for a mapping
	 * with no current field); frames_ok is false if a line was not understood. */
	char frames[MAX_FRAMES][64];
	int n_frames;
	bool frames_ok;
};

static void add_frame(struct capture *cap, const char *text)
{
	char name[64];
	unsigned entry;
	if (cap->n_frames == MAX_FRAMES) {
		cap->frames_ok = false;
		return;
	}
	char *seg = cap->frames[cap->n_frames++];
	if (sscanf(text, "  in mapping field '%63[^']'", name) == 1)
		snprintf(seg, 64, "%s", name);
	else if (sscanf(text, "  in sequence entry '%u'", &entry) == 1 && entry > 0)
		snprintf(seg, 64, "%u", entry - 1); /* libcyaml counts entries from 1 */
	else if (strncmp(text, "  in mapping (", 14) == 0)
		seg[0] = '\0';
	else
		cap->frames_ok = false;
}

/* libcyaml logs its first error, then "Backtrace:" and one line per level
 * from the innermost, each with "(line: L, column: C)". */
static void handle_log(cyaml_log_t level, void *ctx, const char *fmt, va_list args)
{
	struct capture *cap = ctx;
	if (level < CYAML_LOG_ERROR)
		return;
	char buf[512];
	vsnprintf(buf, sizeof(buf), fmt, args);
	buf[strcspn(buf, "\n")] = '\0';
	const char *text = strncmp(buf, "Load: ", 6) == 0 ? buf + 6 : buf;
	if (strstr(text, "Backtrace:"))
		return;
	const char *at = strstr(text, "(line: ");
	if (at && strncmp(text, "  in ", 5) == 0)
		add_frame(cap, text);
	if (at) {
		if (!cap->have_pos &&
		    sscanf(at, "(line: %d, column: %d)", &cap->line, &cap->col) == 2)
			cap->have_pos = true;
		return;
	}
	if (!cap->have_msg && strncmp(text, "  in ", 5) != 0) {
		snprintf(cap->msg, sizeof(cap->msg), "%s", text);
		cap->have_msg = true;
	}
}

static const cyaml_config_t base_config = {
    .log_fn = handle_log,
    .mem_fn = cyaml_mem,
    .log_level = CYAML_LOG_ERROR,
    .flags = CYAML_CFG_NO_ALIAS,
};

/* libcyaml gives, for a mapping, the position of the last value it read
 * there: for an unknown key that is the value before it, for a missing key
 * the mapping's last value. Point at the key itself, or at the mapping. */
static void locate(const struct capture *cap, const struct yamlpos *pos, int *line, int *col)
{
	*line = cap->line;
	*col = cap->col;
	char key[128];
	bool unknown = sscanf(cap->msg, "Unexpected key: %127[^\n]", key) == 1;
	bool missing = strncmp(cap->msg, "Missing required mapping field", 30) == 0;
	if ((!unknown && !missing) || cap->n_frames == 0 || !cap->frames_ok)
		return;
	/* The innermost frame is the mapping itself: its path is the others. */
	char path[1024] = "";
	size_t used = 0;
	for (int i = cap->n_frames - 1; i >= 1 && used < sizeof(path); i--)
		used += (size_t)snprintf(path + used, sizeof(path) - used, "%s%s", used ? "." : "",
		                         cap->frames[i]);
	int l = 0, c = 0;
	if (unknown)
		yamlpos_find_key(pos, &l, &c, "%s%s%s", path, *path ? "." : "", key);
	if (l == 0)
		yamlpos_find(pos, &l, &c, "%s", path);
	if (l > 0) {
		*line = l;
		*col = c;
	}
}

/* libyaml's scanner takes quadratic time in the depth of nested flow
 * collections ("[[[[..." 100,000 deep parsed for hours: found by
 * tests/reliability/badinput.sh). No kiosk file nests more than a few
 * levels, so refuse deep nesting before libyaml sees it. Brackets in quoted
 * strings and comments do not count. */
enum { MAX_FLOW_DEPTH = 64 };

static bool too_deep(FILE *f, const char *file, struct diag *diag)
{
	int depth = 0, line = 1, col = 0, c;
	char quote = 0;
	bool comment = false, escaped = false, token_start = true;
	while ((c = getc(f)) != EOF) {
		col++;
		if (c == '\n') {
			line++;
			col = 0;
			comment = false;
			token_start = true;
			continue;
		}
		if (comment)
			continue;
		if (quote) {
			if (quote == '"' && c == '\\' && !escaped)
				escaped = true;
			else if (c == quote && !escaped)
				quote = 0;
			else
				escaped = false;
			continue;
		}
		if (c == '#' && token_start)
			comment = true;
		else if ((c == '"' || c == '\'') && token_start)
			quote = (char)c; /* not the apostrophe inside l'équipe */
		else if ((c == '[' || c == '{') && ++depth > MAX_FLOW_DEPTH) {
			diag_add(diag, file, line, col, "nested deeper than %d levels",
			         MAX_FLOW_DEPTH);
			return true;
		} else if ((c == ']' || c == '}') && depth > 0)
			depth--;
		token_start = c == ' ' || c == '\t' || c == '[' || c == '{' || c == ',' || c == ':';
	}
	return false;
}

bool cyaml_diag_load(const char *file, const cyaml_schema_value_t *schema, void **out,
                     struct diag *diag)
{
	FILE *f = fopen(file, "rb");
	if (!f) {
		diag_add(diag, file, 0, 0, "cannot open: %s", strerror(errno));
		return false;
	}
	bool deep = too_deep(f, file, diag);
	fclose(f);
	if (deep) {
		*out = NULL;
		return false;
	}
	struct capture cap = {.frames_ok = true};
	cyaml_config_t config = base_config;
	config.log_ctx = &cap;
	cyaml_err_t err = cyaml_load_file(file, &config, schema, (cyaml_data_t **)out, NULL);
	if (err == CYAML_OK)
		return true;
	*out = NULL;
	struct yamlpos *pos = yamlpos_read(file);
	int line = 0, col = 0;
	const char *syntax = yamlpos_syntax_error(pos, &line, &col);
	if (syntax)
		diag_add(diag, file, line, col, "YAML syntax error: %s", syntax);
	else if (schema_lint(file, schema, diag) > 0)
		; /* every schema mistake, not only libcyaml's first */
	else if (cap.have_msg) {
		locate(&cap, pos, &line, &col);
		diag_add(diag, file, line, col, "%s", cap.msg);
	} else
		diag_add(diag, file, cap.line, cap.col, "%s", cyaml_strerror(err));
	yamlpos_destroy(pos);
	return false;
}

void cyaml_diag_free(const cyaml_schema_value_t *schema, void *data)
{
	if (data)
		cyaml_free(&base_config, schema, data, 0);
}
