/*
 * yr-c-client: reads a person record (docs/contract.md) from a file, evaluates it
 * against a program through the C ABI and prints the evaluation document.
 *
 *   yr-c-client [--program ID] [--overlay FILE]... [--as-of YYYY-MM-DD]
 *               [--lang sv|en] [--certificate COMPONENT] PERSON.json
 *
 * With --certificate it issues that component's certificate (intyg) instead,
 * or says which requirements are still missing.
 *
 * --as-of defaults to today's local date: the library itself never reads a
 * clock, so "today" is the client's to choose.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yrkesresan/yrkesresan.h>

#define MAX_OVERLAYS 16

/* Reads a whole file into a NUL-terminated buffer the caller frees. */
static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t size = 0;
    size_t capacity = 0;
    size_t n;
    if (f == NULL) return NULL;
    do {
        if (capacity - size < 4096) {
            char *bigger = (char *)realloc(text, capacity + 65536);
            if (bigger == NULL) {
                free(text);
                fclose(f);
                return NULL;
            }
            text = bigger;
            capacity += 65536;
        }
        n = fread(text + size, 1, capacity - size - 1, f);
        size += n;
    } while (n > 0);
    fclose(f);
    text[size] = '\0';
    return text;
}

/* Prints the thread's last error: kind, where, what. */
static int fail(const char *what) {
    const yr_error *e = yr_error_last();
    fprintf(stderr, "yr-c-client: %s: %s (%s) at '%s': %s\n", what, yr_error_string(e->code), e->kind, e->path,
            e->message);
    return 1;
}

static int usage(void) {
    fprintf(stderr,
            "usage: yr-c-client [--program ID] [--overlay FILE]... [--as-of YYYY-MM-DD] [--lang sv|en]\n"
            "                   [--certificate COMPONENT] PERSON.json\n");
    return 2;
}

int main(int argc, char **argv) {
    const char *program_id = "gr-barn-unga";
    const char *overlay_paths[MAX_OVERLAYS];
    char *overlays[MAX_OVERLAYS];
    size_t overlay_count = 0;
    const char *person_path = NULL;
    const char *component = NULL;
    char as_of[11];
    yr_evaluate_options options = YR_EVALUATE_OPTIONS_INIT;
    yr_program *program = NULL;
    char *person = NULL;
    char *evaluation = NULL;
    int status = 1;
    int i;
    size_t k;

    {
        time_t now = time(NULL);
        strftime(as_of, sizeof as_of, "%Y-%m-%d", localtime(&now));
    }
    for (i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(arg, "--program") == 0 && value != NULL) {
            program_id = value;
            ++i;
        } else if (strcmp(arg, "--overlay") == 0 && value != NULL && overlay_count < MAX_OVERLAYS) {
            overlay_paths[overlay_count++] = value;
            ++i;
        } else if (strcmp(arg, "--as-of") == 0 && value != NULL && strlen(value) == 10) {
            memcpy(as_of, value, 11);
            ++i;
        } else if (strcmp(arg, "--lang") == 0 && value != NULL) {
            if (strcmp(value, "en") == 0) options.language = YR_LANGUAGE_EN;
            else if (strcmp(value, "sv") == 0) options.language = YR_LANGUAGE_SV;
            else return usage();
            ++i;
        } else if (strcmp(arg, "--certificate") == 0 && value != NULL) {
            component = value;
            ++i;
        } else if (arg[0] != '-' && person_path == NULL) {
            person_path = arg;
        } else {
            return usage();
        }
    }
    if (person_path == NULL) return usage();

    if (yr_version_number() != YR_VERSION_NUMBER)
        fprintf(stderr, "yr-c-client: note: built with yrkesresan %s, running with %s\n", YR_VERSION_STRING,
                yr_version_string());

    for (k = 0; k < overlay_count; ++k) overlays[k] = NULL;
    for (k = 0; k < overlay_count; ++k) {
        overlays[k] = read_file(overlay_paths[k]);
        if (overlays[k] == NULL) {
            fprintf(stderr, "yr-c-client: cannot read %s\n", overlay_paths[k]);
            goto done;
        }
    }
    person = read_file(person_path);
    if (person == NULL) {
        fprintf(stderr, "yr-c-client: cannot read %s\n", person_path);
        goto done;
    }

    if (yr_program_load(program_id, (const char *const *)overlays, overlay_count, &program) != YR_OK) {
        fail("loading the program");
        goto done;
    }
    if (component != NULL) {
        if (yr_certificate_issue(program, person, as_of, component, NULL, &evaluation) != YR_OK) {
            fail(person_path);
            if (yr_error_last()->code == YR_ENOTMET)
                fprintf(stderr, "yr-c-client: missing: %s\n", yr_error_last()->problems);
            goto done;
        }
    } else if (yr_evaluate(program, person, as_of, &options, &evaluation) != YR_OK) {
        fail(person_path);
        goto done;
    }
    printf("%s\n", evaluation);
    status = 0;

done:
    yr_string_free(evaluation); /* NULL is a no-op, as for the frees below */
    yr_program_free(program);
    free(person);
    for (k = 0; k < overlay_count; ++k) free(overlays[k]);
    return status;
}
