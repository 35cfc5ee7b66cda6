/* What a module may hold, named once: the content schema refuses more
 * (`kiosk --check` says where), and the flow, the session record and the
 * store size their arrays and CHECK constraints by the same numbers.
 * Macros rather than an enum: the store's schema text writes them into
 * its SQL (STORE_STR in store_schema.h). */
#ifndef KIOSK_CORE_LIMITS_H
#define KIOSK_CORE_LIMITS_H

#define CONTENT_MAX_OBJECTIVES 32
#define CONTENT_MAX_CHAPTERS   16
#define CONTENT_MAX_QUESTIONS  64
#define CONTENT_MIN_CHOICES    2
#define CONTENT_MAX_CHOICES    4

#endif
