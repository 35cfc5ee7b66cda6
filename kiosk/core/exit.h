/* Exit codes of every program and mode (docs/reference.md): kiosk, its
 * --check, --hash-pin and script modes, kiosk-report and kiosk-export. */
#ifndef KIOSK_CORE_EXIT_H
#define KIOSK_CORE_EXIT_H

enum kiosk_exit {
	EXIT_OK = 0,
	EXIT_INTERNAL = 1,  /* it could not be done: the reason is logged */
	EXIT_BAD_INPUT = 2, /* arguments, settings or content */
	EXIT_SCRIPT = 3,    /* a script's expect or press failed */
};

#endif
