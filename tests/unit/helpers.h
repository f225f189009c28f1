/*
 * helpers.h - what every unit test includes: cmocka and the library.
 */
#ifndef WT_TEST_HELPERS_H
#define WT_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "wiretrace.h"

#endif
