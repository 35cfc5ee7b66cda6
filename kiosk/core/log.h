/* One way to log: a line on stderr with its journal priority ("<3>gfx: ..."),
 * which journald reads as the level (sd-daemon(3)). Debug lines are written
 * only with KIOSK_DEBUG=1 in the environment: per-session events go there,
 * so that the journal cannot be matched to a person (PRIVACY.md). */
#ifndef KIOSK_CORE_LOG_H
#define KIOSK_CORE_LOG_H

enum log_prio { LOG_P_ERR = 3, LOG_P_WARN = 4, LOG_P_NOTICE = 5, LOG_P_INFO = 6, LOG_P_DEBUG = 7 };

void log_msg(enum log_prio prio, const char *unit, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define log_err(unit, ...)    log_msg(LOG_P_ERR, unit, __VA_ARGS__)
#define log_warn(unit, ...)   log_msg(LOG_P_WARN, unit, __VA_ARGS__)
#define log_notice(unit, ...) log_msg(LOG_P_NOTICE, unit, __VA_ARGS__)
#define log_info(unit, ...)   log_msg(LOG_P_INFO, unit, __VA_ARGS__)
#define log_debug(unit, ...)  log_msg(LOG_P_DEBUG, unit, __VA_ARGS__)

#endif
