#include "core/cyaml_diag.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/yamlpos.h"

struct capture {
	char msg[256];
	int line, col;
	bool have_msg, have_pos;
};

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
	if (at) {
		if (!cap->have_pos && sscanf(at, "(line: %d, column: %d)", &cap->line, &cap->col) == 2)
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

bool cyaml_diag_load(const char *file, const cyaml_schema_value_t *schema, void **out,
		     struct diag *diag)
{
	FILE *f = fopen(file, "rb");
	if (!f) {
		diag_add(diag, file, 0, 0, "cannot open: %s", strerror(errno));
		return false;
	}
	fclose(f);
	struct capture cap = {0};
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
	else if (cap.have_msg)
		diag_add(diag, file, cap.line, cap.col, "%s", cap.msg);
	else
		diag_add(diag, file, cap.line, cap.col, "%s", cyaml_strerror(err));
	yamlpos_destroy(pos);
	return false;
}

void cyaml_diag_free(const cyaml_schema_value_t *schema, void *data)
{
	if (data)
		cyaml_free(&base_config, schema, data, 0);
}
