/* The seat, where the kiosk draws straight on the display card without
 * cage (KIOSK_DIRECT=1, set by kiosk-cage; SDL's kmsdrm driver). Under
 * cage, cage holds the seat through seatd: the text console (tty1) is in
 * graphics mode and its keyboard off, so keys reach no console and
 * Ctrl+Alt+F2 switches to no other one. Without cage nobody would: typed
 * keys would be echoed on tty1 behind the kiosk, and Ctrl+Alt+Fn would
 * hand the keyboard to a login prompt no one can see. So the kiosk takes
 * the seat itself, through libseat and seatd, as cage does; the input
 * devices and the card it still opens itself (SDL). */
#ifndef KIOSK_PLATFORM_SEAT_H
#define KIOSK_PLATFORM_SEAT_H

struct seat;

/* Without KIOSK_DIRECT=1 (set by kiosk-cage without cage, on a card or a
 * bare framebuffer): NULL, nothing done. Else the seat, opened and
 * active; NULL (logged with libseat's own reason) if seatd cannot give it,
 * and the kiosk runs anyway. */
struct seat *seat_take(void);
/* Hands the seat back: seatd gives the console back its text mode and
 * keyboard. NULL does nothing. */
void seat_release(struct seat *s);

#endif
