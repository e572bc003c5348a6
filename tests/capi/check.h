/* A tiny check harness for the C tests of the ABI (C99, no dependencies). */
#ifndef YR_CAPI_TEST_CHECK_H
#define YR_CAPI_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yrkesresan/yrkesresan.h>

static int check_failures = 0;
static int check_count = 0;

#define CHECK(cond)                                                                   \
    do {                                                                              \
        ++check_count;                                                                \
        if (!(cond)) {                                                                \
            ++check_failures;                                                         \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                             \
    } while (0)

/* The call returned `code`, and the thread's last error agrees. */
#define CHECK_CODE(call, want)                                                                             \
    do {                                                                                                   \
        int rc_ = (call);                                                                                  \
        const yr_error *e_ = yr_error_last();                                                              \
        ++check_count;                                                                                     \
        if (rc_ != (want) || e_ == NULL || e_->code != (want) || e_->kind == NULL || e_->message == NULL || \
            e_->path == NULL || e_->problems == NULL || ((want) != YR_OK && e_->message[0] == '\0')) {     \
            ++check_failures;                                                                              \
            fprintf(stderr, "%s:%d: %s returned %d (last error %d %s: %s), expected %d\n", __FILE__,      \
                    __LINE__, #call, rc_, e_ ? e_->code : 0, e_ ? e_->kind : "?", e_ ? e_->message : "?",  \
                    (int)(want));                                                                          \
        }                                                                                                  \
    } while (0)

#define CHECK_STR(actual, expected)                                                                     \
    do {                                                                                                \
        const char *a_ = (actual);                                                                      \
        ++check_count;                                                                                  \
        if (a_ == NULL || strcmp(a_, (expected)) != 0) {                                                \
            ++check_failures;                                                                           \
            fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #actual,      \
                    a_ ? a_ : "(null)", (expected));                                                    \
        }                                                                                               \
    } while (0)

static int check_report(const char *name) {
    /* The plain closing line: N passed, N failed. */
    printf("%s: %d passed, %d failed\n", name, check_count - check_failures, check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif
