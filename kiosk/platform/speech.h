/* Speech output: text read aloud by libespeak-ng in its own thread and
 * played through SDL audio (the headphone jack on real hardware). Nothing
 * here blocks the caller: requests are queued. KIOSK_SPEECH_LOG=FILE
 * appends each request as "LANG<TAB>TEXT" (what would be spoken, in
 * order) for tests, which run with SDL_AUDIODRIVER=dummy. */
#ifndef KIOSK_PLATFORM_SPEECH_H
#define KIOSK_PLATFORM_SPEECH_H

#include <stdbool.h>

struct speech;

/* Once per process (libespeak-ng cannot start again after it stopped).
 * NULL only when out of memory; a missing voice or sound card is logged
 * once and requests are then only logged. */
struct speech *speech_create(void);
void speech_destroy(struct speech *s);
/* Read text in the voice of lang ("fr", "en", "de"); interrupt drops what
 * is queued or being read first. */
void speech_say(struct speech *s, const char *lang, const char *text, bool interrupt);
/* Stop reading and drop the queue. */
void speech_stop(struct speech *s);
/* Requests taken and not yet fully synthesized (for tests and figures). */
unsigned speech_pending(struct speech *s);

#endif
