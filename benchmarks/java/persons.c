/*
 * persons/s through the C ABI, the baseline of the Java benchmark
 * (scripts/bench-java.sh): reads "as_of<TAB>person record" lines, evaluates
 * every record on one shared program with N threads (yr_evaluate_r, as the
 * Java binding calls it), and prints persons/s.
 *
 *   persons RECORDS.tsv THREADS ROUNDS
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yrkesresan/yrkesresan.h>

typedef struct { char as_of[11]; char *person; size_t size; } record;

static record *records;
static size_t count;
static int rounds;
static int threads;
static yr_program *program;

static void *work(void *arg) {
    size_t first = (size_t)arg;
    int r;
    size_t i;
    for (r = 0; r < rounds; ++r) {
        for (i = first; i < count; i += (size_t)threads) {
            char *out = NULL, *error = NULL;
            size_t size = 0;
            if (yr_evaluate_r(program, records[i].person, records[i].size, records[i].as_of, NULL, 0, &out, &size,
                              &error) != YR_OK) {
                fprintf(stderr, "record %zu: %s\n", i, error != NULL ? error : "?");
                exit(1);
            }
            yr_string_free(out);
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    FILE *f;
    char *line = NULL;
    size_t cap = 0, allocated = 0;
    ssize_t n;
    pthread_t pool[64];
    struct timespec t0, t1;
    int t;
    double seconds;
    if (argc != 4 || (f = fopen(argv[1], "r")) == NULL) {
        fprintf(stderr, "usage: persons RECORDS.tsv THREADS ROUNDS\n");
        return 2;
    }
    threads = atoi(argv[2]);
    rounds = atoi(argv[3]);
    if (threads < 1 || threads > 64) return 2;
    while ((n = getline(&line, &cap, f)) > 11) {
        if (count == allocated) {
            allocated = allocated ? 2 * allocated : 1024;
            records = realloc(records, allocated * sizeof *records);
        }
        memcpy(records[count].as_of, line, 10);
        records[count].as_of[10] = '\0';
        records[count].size = (size_t)n - 11 - (line[n - 1] == '\n');
        records[count].person = malloc(records[count].size);
        memcpy(records[count].person, line + 11, records[count].size);
        ++count;
    }
    fclose(f);
    if (yr_program_load("gr-barn-unga", NULL, 0, &program) != YR_OK) return 1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (t = 0; t < threads; ++t) pthread_create(&pool[t], NULL, work, (void *)(size_t)t);
    for (t = 0; t < threads; ++t) pthread_join(pool[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("C     %2d threads  %8.0f persons/s\n", threads, (double)count * rounds / seconds);
    yr_program_free(program);
    return 0;
}
