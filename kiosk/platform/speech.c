/* One worker thread owns libespeak-ng (which is not thread-safe): it takes
 * requests from a queue, synthesizes them (AUDIO_OUTPUT_SYNCHRONOUS) and
 * queues the samples on an SDL audio device. A newer "interrupt" bumps a
 * generation number that makes the synthesis callback abort. */
#include "platform/speech.h"

#include <SDL.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

enum { QUEUE_MAX = 32 };

struct request {
	char lang[8];
	char *text;
};

struct speech {
	SDL_Thread *thread;
	SDL_mutex *lock;
	SDL_cond *wake;
	struct request queue[QUEUE_MAX];
	unsigned head, count;
	bool quit;
	unsigned generation; /* bumped by interrupt and stop */
	unsigned busy;       /* requests taken by the worker, not finished */
	FILE *log;

	/* Worker thread only. */
	int rate;
	bool broken;
	SDL_AudioDeviceID dev;
	unsigned synth_generation;
	char voice[8];
};

static int on_samples(short *wav, int n, espeak_EVENT *ev)
{
	struct speech *s = ev ? ev->user_data : NULL;
	if (!s)
		return 0;
	SDL_LockMutex(s->lock);
	bool stale = s->generation != s->synth_generation || s->quit;
	SDL_UnlockMutex(s->lock);
	if (stale)
		return 1; /* abort this synthesis */
	if (wav && n > 0 && s->dev)
		SDL_QueueAudio(s->dev, wav, (Uint32)n * sizeof(short));
	return 0;
}

static void worker_start(struct speech *s)
{
	s->rate =
	    espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, NULL, espeakINITIALIZE_DONT_EXIT);
	if (s->rate <= 0) {
		log_err("speech", "libespeak-ng cannot start (is espeak-ng-data installed?): "
		                  "speech output is off");
		s->broken = true;
		return;
	}
	espeak_SetSynthCallback(on_samples);
	espeak_SetParameter(espeakRATE, 160, 0);
	SDL_AudioSpec want = {
	    .freq = s->rate, .format = AUDIO_S16SYS, .channels = 1, .samples = 1024};
	SDL_AudioSpec have;
	SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
	if (!dev) {
		log_err("speech", "cannot open the audio output: %s", SDL_GetError());
		s->broken = true;
		return;
	}
	SDL_PauseAudioDevice(dev, 0);
	SDL_LockMutex(s->lock);
	s->dev = dev;
	SDL_UnlockMutex(s->lock);
}

static void synthesize(struct speech *s, struct request *r, unsigned gen)
{
	if (strcmp(s->voice, r->lang) != 0) {
		if (espeak_SetVoiceByName(r->lang) != EE_OK)
			log_warn("speech", "no espeak-ng voice for '%s'", r->lang);
		snprintf(s->voice, sizeof(s->voice), "%s", r->lang);
	}
	s->synth_generation = gen;
	size_t len = strlen(r->text) + 1;
	if (espeak_Synth(r->text, len, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, s) != EE_OK)
		log_warn("speech", "synthesis failed");
}

static int worker(void *data)
{
	struct speech *s = data;
	bool started = false;
	SDL_LockMutex(s->lock);
	for (;;) {
		while (!s->quit && s->count == 0)
			SDL_CondWait(s->wake, s->lock);
		if (s->quit)
			break;
		struct request r = s->queue[s->head];
		s->head = (s->head + 1) % QUEUE_MAX;
		s->count--;
		s->busy++;
		unsigned gen = s->generation;
		SDL_UnlockMutex(s->lock);
		if (!started) {
			/* Started on first use: a kiosk nobody asks to speak opens no sound device.
			 */
			worker_start(s);
			started = true;
		}
		if (!s->broken)
			synthesize(s, &r, gen);
		free(r.text);
		SDL_LockMutex(s->lock);
		s->busy--;
	}
	SDL_UnlockMutex(s->lock);
	if (started && !s->broken)
		espeak_Terminate();
	if (s->dev)
		SDL_CloseAudioDevice(s->dev);
	return 0;
}

struct speech *speech_create(void)
{
	struct speech *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	const char *log = getenv("KIOSK_SPEECH_LOG");
	if (log && *log && !(s->log = fopen(log, "a")))
		log_warn("speech", "cannot write %s", log);
	if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
		log_warn("speech", "no audio: %s", SDL_GetError());
	s->lock = SDL_CreateMutex();
	s->wake = SDL_CreateCond();
	s->thread = s->lock && s->wake ? SDL_CreateThread(worker, "speech", s) : NULL;
	if (!s->thread) {
		log_err("speech", "cannot start the speech thread: %s", SDL_GetError());
		/* Requests are still logged; nothing is read. */
	}
	return s;
}

static void drop_queue(struct speech *s)
{
	while (s->count) {
		free(s->queue[s->head].text);
		s->head = (s->head + 1) % QUEUE_MAX;
		s->count--;
	}
	s->generation++;
}

void speech_destroy(struct speech *s)
{
	if (!s)
		return;
	if (s->thread) {
		SDL_LockMutex(s->lock);
		s->quit = true;
		drop_queue(s);
		SDL_CondSignal(s->wake);
		SDL_UnlockMutex(s->lock);
		SDL_WaitThread(s->thread, NULL);
	}
	drop_queue(s);
	if (s->wake)
		SDL_DestroyCond(s->wake);
	if (s->lock)
		SDL_DestroyMutex(s->lock);
	if (s->log)
		fclose(s->log);
	SDL_QuitSubSystem(SDL_INIT_AUDIO);
	free(s);
}

static void write_log(struct speech *s, const char *lang, const char *text)
{
	if (!s->log)
		return;
	fprintf(s->log, "%s\t", lang);
	for (const char *p = text; *p; p++)
		fputc(*p == '\n' || *p == '\t' ? ' ' : *p, s->log);
	fputc('\n', s->log);
	fflush(s->log);
}

void speech_say(struct speech *s, const char *lang, const char *text, bool interrupt)
{
	if (!s || !text || !*text)
		return;
	if (interrupt)
		speech_stop(s);
	write_log(s, lang, text);
	if (!s->thread)
		return;
	char *copy = strdup(text);
	if (!copy)
		return;
	SDL_LockMutex(s->lock);
	if (s->count == QUEUE_MAX) {
		free(s->queue[s->head].text); /* the oldest goes: what is on screen now matters */
		s->head = (s->head + 1) % QUEUE_MAX;
		s->count--;
	}
	struct request *r = &s->queue[(s->head + s->count) % QUEUE_MAX];
	snprintf(r->lang, sizeof(r->lang), "%s", lang ? lang : "en");
	r->text = copy;
	s->count++;
	SDL_CondSignal(s->wake);
	SDL_UnlockMutex(s->lock);
}

void speech_stop(struct speech *s)
{
	if (!s || !s->thread)
		return;
	SDL_LockMutex(s->lock);
	drop_queue(s);
	SDL_AudioDeviceID dev = s->dev;
	SDL_UnlockMutex(s->lock);
	if (dev)
		SDL_ClearQueuedAudio(dev); /* what was already synthesized */
}

unsigned speech_pending(struct speech *s)
{
	if (!s || !s->lock)
		return 0;
	SDL_LockMutex(s->lock);
	unsigned n = s->count + s->busy;
	SDL_UnlockMutex(s->lock);
	return n;
}
