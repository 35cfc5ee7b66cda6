/* The colours' second life: the high-contrast theme, and the list of text
 * and background pairs the screens draw, for the contrast test. */
#include "screens/ui.h"

#define HC_BLACK  RGBA(0x00, 0x00, 0x00, 0xFF)
#define HC_WHITE  RGBA(0xFF, 0xFF, 0xFF, 0xFF)
#define HC_YELLOW RGBA(0xFF, 0xD4, 0x00, 0xFF)
#define HC_GREY   RGBA(0x33, 0x33, 0x33, 0xFF)

#define COL_HEADER_BTN      RGBA(0x28, 0x44, 0x6B, 0xFF)
#define COL_HEADER_BTN_DOWN RGBA(0x2E, 0x4B, 0x75, 0xFF)
#define COL_ACCENT_DOWN     RGBA(0xB0, 0x22, 0x2E, 0xFF)
#define COL_DISABLED        RGBA(0xE4, 0xE6, 0xEA, 0xFF)
#define COL_KEY_POINTS      RGBA(0xFF, 0xF1, 0xD6, 0xFF)
#define COL_KEY_STRIPE      RGBA(0xF4, 0xA2, 0x61, 0xFF)
#define COL_OTHER_LANGS     RGBA(0xC8, 0xD3, 0xE0, 0xFF)

/* Light surfaces go black, dark ones stay dark (or go black), borders and
 * tracks go white: every text then reads white or yellow on black, or
 * white on a deep red or green. */
static const struct gfx_color_map hc_fill[] = {
    {COL_BG, HC_BLACK},
    {COL_CARD, HC_BLACK},
    {COL_CARD_DOWN, HC_GREY},
    {COL_LINE, HC_WHITE},
    {COL_MUTED, HC_WHITE},
    {COL_PRIMARY, HC_BLACK},
    {COL_PRIMARY_DOWN, HC_GREY},
    {COL_HEADER_BTN, HC_BLACK},
    {COL_HEADER_BTN_DOWN, HC_GREY},
    {COL_ACCENT, RGBA(0xB0, 0x00, 0x00, 0xFF)},
    {COL_ACCENT_DOWN, RGBA(0x70, 0x00, 0x00, 0xFF)},
    {COL_RIGHT, RGBA(0x00, 0x64, 0x00, 0xFF)},
    {COL_RIGHT_BG, RGBA(0x00, 0x2B, 0x00, 0xFF)},
    {COL_WRONG, RGBA(0xB0, 0x00, 0x00, 0xFF)},
    {COL_WRONG_BG, RGBA(0x3D, 0x00, 0x00, 0xFF)},
    {COL_DISABLED, HC_BLACK},
    {COL_KEY_POINTS, HC_BLACK},
    {COL_KEY_STRIPE, HC_YELLOW},
};

static const struct gfx_color_map hc_text[] = {
    {COL_INK, HC_WHITE},
    {COL_MUTED, HC_WHITE},
    {COL_PRIMARY, HC_YELLOW},
    {COL_RIGHT, RGBA(0x66, 0xFF, 0x66, 0xFF)},
    {COL_WRONG, RGBA(0xFF, 0x80, 0x80, 0xFF)},
    {COL_TAGLINE, HC_WHITE},
    {COL_OTHER_LANGS, HC_WHITE},
};

const struct gfx_theme ui_high_contrast = {
    .fill = hc_fill,
    .text = hc_text,
    .n_fill = sizeof(hc_fill) / sizeof(hc_fill[0]),
    .n_text = sizeof(hc_text) / sizeof(hc_text[0]),
};

/* Keep in step with the screens; `kiosk --check` measures what is really
 * drawn on every screen of the tour, this list names the pairs. */
const struct ui_pair ui_pairs[] = {
    {"body text", COL_INK, COL_BG},
    {"card and choice text", COL_INK, COL_CARD},
    {"card pressed", COL_INK, COL_CARD_DOWN},
    {"secondary text", COL_MUTED, COL_BG},
    {"titles", COL_PRIMARY, COL_BG},
    {"header title and buttons", COL_WHITE, COL_PRIMARY},
    {"header toggles", COL_WHITE, COL_HEADER_BTN},
    {"header toggles pressed", COL_WHITE, COL_HEADER_BTN_DOWN},
    {"back button", COL_PRIMARY, COL_CARD},
    {"primary button", COL_WHITE, COL_PRIMARY},
    {"primary button pressed", COL_WHITE, COL_PRIMARY_DOWN},
    {"accent button", COL_WHITE, COL_ACCENT},
    {"accent button pressed", COL_WHITE, COL_ACCENT_DOWN},
    {"ghost button", COL_PRIMARY, COL_CARD},
    {"choice shown right", COL_INK, COL_RIGHT_BG},
    {"choice shown wrong", COL_INK, COL_WRONG_BG},
    {"verdict right", COL_RIGHT, COL_RIGHT_BG},
    {"verdict wrong", COL_WRONG, COL_WRONG_BG},
    {"disabled choice", COL_MUTED, COL_DISABLED},
    {"key points heading", COL_PRIMARY, COL_KEY_POINTS},
    {"key points", COL_INK, COL_KEY_POINTS},
    {"result banner passed", COL_WHITE, COL_RIGHT},
    {"result banner not passed", COL_WHITE, COL_PRIMARY},
    {"attract tagline", COL_TAGLINE, COL_PRIMARY},
    {"attract other languages", COL_OTHER_LANGS, COL_PRIMARY},
    {"trainer figures wrong", COL_WRONG, COL_BG},
    {"trainer figures right", COL_RIGHT, COL_BG},
};
const int ui_n_pairs = sizeof(ui_pairs) / sizeof(ui_pairs[0]);
