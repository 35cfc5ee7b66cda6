/* The one main of every unit test binary: run the suite with Check's
 * verbosity from CK_VERBOSITY, exit non-zero if a test failed. */
#ifndef KIOSK_TESTS_CHECK_MAIN_H
#define KIOSK_TESTS_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

static inline int check_main(Suite *s)
{
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
