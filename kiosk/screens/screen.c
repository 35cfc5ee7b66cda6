#include "screens/screen.h"

static const struct screen_ops *const screen_table[SCR_COUNT] = {
    [SCR_ATTRACT] = &screen_attract,
    [SCR_LANGUAGE] = &screen_language,
    [SCR_HOME] = &screen_home,
    [SCR_CHAPTER] = &screen_chapter,
    [SCR_VIDEO] = &screen_video,
    [SCR_QUIZ] = &screen_quiz,
    [SCR_RESULT] = &screen_result,
    [SCR_STILL_THERE] = &screen_still_there,
    [SCR_TRAINER_PIN] = &screen_trainer_pin,
    [SCR_TRAINER] = &screen_trainer,
};

const struct screen_ops *screen_ops_of(enum screen_id s)
{
	return screen_table[s];
}
