#include "core/release.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/yaml/yamlpos.h"

struct rel {
	const struct content_module *m;
	struct diag *diag;
	struct yamlpos *pos;
	long today;
};

static void say(struct rel *r, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void say(struct rel *r, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	yamlpos_vproblem(r->pos, r->diag, r->m->file, "", path, fmt, ap);
	va_end(ap);
}

/* ---- addresses ---- */

/* The host of url, without user, port or trailing dots: *len bytes. */
static const char *host_of(const char *url, size_t *len)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	const char *at = strpbrk(h, "@/");
	if (at && *at == '@')
		h = at + 1;
	size_t n = strcspn(h, ":/?#");
	while (n && h[n - 1] == '.')
		n--;
	*len = n;
	return h;
}

static bool ends_with_label(const char *h, size_t n, const char *name)
{
	size_t t = strlen(name);
	return (n == t || (n > t && h[n - t - 1] == '.')) && strncasecmp(h + n - t, name, t) == 0;
}

bool release_reserved_url(const char *url)
{
	if (!url)
		return false;
	size_t n;
	const char *h = host_of(url, &n);
	static const char *const names[] = {"example",     "test",        "invalid",    "localhost",
	                                    "example.com", "example.net", "example.org"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (ends_with_label(h, n, names[i]))
			return true;
	return false;
}

bool release_internal_url(const char *url)
{
	if (!url)
		return false;
	if (strncasecmp(url, "https://", 8) != 0 && strncasecmp(url, "http://", 7) != 0)
		return true;
	size_t n;
	const char *h = host_of(url, &n);
	if (!memchr(h, '.', n))
		return true; /* "intranet", "srv-web01": a name only the local network knows */
	unsigned a, b;
	if (sscanf(h, "%u.%u.", &a, &b) == 2 && isdigit((unsigned char)h[n - 1]) &&
	    (a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) ||
	     (a == 169 && b == 254)))
		return true;
	for (const char *p = h; p < h + n;) {
		size_t l = strcspn(p, ".");
		if (l > n - (size_t)(p - h))
			l = n - (size_t)(p - h);
		if (l >= 8 && strncasecmp(p, "intranet", 8) == 0)
			return true;
		p += l + 1;
	}
	return false;
}

/* Days since 1970-01-01 of a YYYY-MM-DD date (civil calendar), or -1. */
long release_days(const char *d)
{
	int y, m, day;
	if (!d || sscanf(d, "%4d-%2d-%2d", &y, &m, &day) != 3)
		return -1;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Whether a confirmation date is given; when it is but old, says so.
 * what: the thing confirmed, as the message names it. */
static bool dated(struct rel *r, const char *date, const char *path, const char *what)
{
	if (!date)
		return false;
	long when = release_days(date);
	if (r->today >= 0 && when >= 0 && r->today - when > RELEASE_CONFIRM_DAYS) {
		say(r, path, "%s confirmed on %s, more than %d days ago: confirm it again", what,
		    date, RELEASE_CONFIRM_DAYS);
	}
	return true;
}

/* ---- the parts ---- */

static void release_qr(struct rel *r)
{
	const struct content_module *m = r->m;
	if (!m->more_url)
		return;
	if (release_reserved_url(m->more_url))
		say(r, "more_url",
		    "more_url is a reserved example address, not a real page: give the page the "
		    "QR code opens (the campaign's public videos)");
	else if (release_internal_url(m->more_url))
		say(r, "more_url",
		    "more_url %s looks like an internal address: a personal phone usually cannot "
		    "open it; give a public page (the campaign's public videos)",
		    m->more_url);
	bool label = false;
	for (int l = 0; l < LANG_MAX; l++)
		label |= m->qr_label.s[l] != NULL;
	if (!label)
		say(r, "more_url",
		    "no qr_label: say under the QR code what it opens, in every language");
}

/* What a chapter's real film still lacks, "" when nothing. */
static void film_missing(const struct content_film *f, char *out, size_t len)
{
	snprintf(out, len, "%s%s%s", !f->seconds ? "its length (film.seconds)" : "",
	         !f->seconds && !f->rights ? " and " : "",
	         !f->rights ? "the filmed colleagues' written consent (film.rights: YYYY-MM-DD)"
	                    : "");
}

static void release_chapters(struct rel *r)
{
	const struct content_module *m = r->m;
	for (unsigned c = 0; c < m->n_chapters; c++) {
		const struct content_chapter *ch = &m->chapters[c];
		const struct content_film *f = ch->film;
		char p[64], missing[200] = "";
		snprintf(p, sizeof(p), "chapters.%u", c);
		if (f)
			film_missing(f, missing, sizeof(missing));
		bool video = false, subs = false;
		for (int l = 0; l < LANG_MAX; l++) {
			video |= ch->video.s[l] != NULL;
			subs |= ch->subtitles.s[l] != NULL;
		}
		char at[96];
		snprintf(at, sizeof(at), "%s.video_placeholder", p);
		if (ch->video_placeholder && !f)
			say(r, at,
			    "chapter %u (%s): placeholder videos, and no real film named for it: "
			    "name the campaign's film (film: name, seconds, rights), or remove the "
			    "video",
			    c + 1, ch->id);
		else if (ch->video_placeholder)
			say(r, at,
			    "chapter %u (%s): placeholder videos: put in the real film \"%s\"%s%s, "
			    "with its subtitles in every language, and remove the mark",
			    c + 1, ch->id, f->name, *missing ? "; still to give: " : "", missing);
		snprintf(at, sizeof(at), "%s.film", p);
		if (!ch->video_placeholder && f && *missing)
			say(r, at, "chapter %u (%s): the film \"%s\": still to give: %s", c + 1,
			    ch->id, f->name, missing);
		if (video && !subs)
			say(r, p,
			    "chapter %u (%s): its video has no subtitles: a person who cannot hear "
			    "it "
			    "misses it",
			    c + 1, ch->id);
		snprintf(at, sizeof(at), "%s.image_placeholder", p);
		if (ch->image_placeholder)
			say(r, at,
			    "chapter %u (%s): placeholder poster: put in the campaign's poster and "
			    "remove the mark",
			    c + 1, ch->id);
	}
}

static void release_list(struct rel *r, const char *key, const char *what,
                         const struct content_signoff *s, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		char p[96];
		snprintf(p, sizeof(p), "campaign.%s.%u", key, i);
		if (s[i].url && release_reserved_url(s[i].url))
			say(r, p, "%s \"%s\": %s is an example address: give the real one", what,
			    s[i].what, s[i].url);
		else if (!dated(r, s[i].confirmed, p, what))
			say(r, p, "%s \"%s\" not confirmed: %s", what, s[i].what,
			    strcmp(key, "house_rules") == 0
			        ? "the communication service and the data-protection officer sign "
			          "it off (confirmed: YYYY-MM-DD), or the text gives the law's "
			          "reason instead"
			    : strcmp(key, "claims") == 0
			        ? "an author checks it is still true (confirmed: YYYY-MM-DD), or "
			          "rewords chapter 1 so that it does not depend on today"
			        : "an author checks it is real and current (confirmed: "
			          "YYYY-MM-DD)");
	}
}

static void release_campaign(struct rel *r)
{
	const struct content_campaign *cp = r->m->campaign;
	if (!cp) {
		say(r, "id",
		    "no campaign section: --release needs the campaign's status, chapter 1's "
		    "time-bound claims, the official accounts, the contacts, the house rules and "
		    "the logo and colours confirmed by the authors (docs/module.md)");
		return;
	}
	if (strcmp(cp->status, "unconfirmed") == 0)
		say(r, "campaign.status",
		    "the campaign's status is unconfirmed: an author checks whether it still "
		    "runs and sets status: running or ended, with confirmed: YYYY-MM-DD");
	else if (!cp->confirmed)
		say(r, "campaign.status",
		    "the campaign's status (%s) has no date: add confirmed: YYYY-MM-DD",
		    cp->status);
	else
		dated(r, cp->confirmed, "campaign.confirmed", "the campaign's status");
	release_list(r, "claims", "chapter 1's claim", cp->claims, cp->n_claims);
	release_list(r, "accounts", "official account", cp->accounts, cp->n_accounts);
	release_list(r, "contacts", "contact", cp->contacts, cp->n_contacts);
	release_list(r, "house_rules", "house rule", cp->house_rules, cp->n_house_rules);
	if (!cp->brand)
		say(r, "campaign",
		    "the campaign's own logo and colours: none given (campaign.brand), the kiosk "
		    "shows its own: ask the communication service");
	else
		release_list(r, "brand", "the campaign's logo and colours", cp->brand, 1);
}

static void release_more(struct rel *r)
{
	const struct content_module *m = r->m;
	for (unsigned i = 0; i < m->n_more; i++) {
		const struct content_more *it = &m->more[i];
		char p[64];
		snprintf(p, sizeof(p), "more.%u", i);
		if (!it->offer)
			continue;
		if (!it->confirmed) {
			char o[80];
			snprintf(o, sizeof(o), "%s.offer", p);
			say(r, o,
			    "offer not confirmed: an author checks that it still runs and adds "
			    "confirmed: YYYY-MM-DD");
			continue;
		}
		char q[80];
		snprintf(q, sizeof(q), "%s.confirmed", p);
		dated(r, it->confirmed, q, "offer");
	}
}

void release_check(const struct content_module *m, const char *today, struct diag *diag)
{
	struct rel r = {.m = m,
	                .diag = diag,
	                .pos = m->file ? yamlpos_read(m->file) : NULL,
	                .today = release_days(today)};
	release_campaign(&r);
	release_qr(&r);
	release_chapters(&r);
	release_more(&r);
	yamlpos_destroy(r.pos);
}
