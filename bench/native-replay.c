/*
 * native-replay: replays a heap trace with the real glibc malloc/free/realloc and prints
 * the operations per second: the hardware reference for memscope's replay speed.
 *
 *   cc -O2 -o native-replay bench/native-replay.c
 *   ./native-replay trace.slots [repeats]
 *
 * Input is the "slots" form bench/traces.ts writes from any trace memscope reads: block ids
 * are already turned into small integers (a slot is reused once its block is freed), so the
 * timed loop is nothing but the allocator calls and an array index:
 *
 *   memscope-slots v1 <events> <slots>
 *   a <slot> <size>              malloc
 *   f <slot>                     free
 *   r <slot> <new slot> <size>   realloc (the old slot is free afterwards unless it is the same)
 *
 * The whole trace is loaded before timing. Each new block gets one byte written, so the
 * allocator's pages are really touched, as in the program that made the trace.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct op {
  char kind;
  unsigned slot, new_slot;
  size_t size;
};

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *file, long line, const char *what) {
  fprintf(stderr, "native-replay: %s:%ld: expected %s\n", file, line, what);
  exit(2);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s TRACE.slots [REPEATS]\n", argv[0]);
    return 2;
  }
  const char *path = argv[1];
  int repeats = argc > 2 ? atoi(argv[2]) : 5;
  FILE *in = fopen(path, "r");
  if (!in) {
    perror(path);
    return 2;
  }
  unsigned long events, slots;
  if (fscanf(in, "memscope-slots v1 %lu %lu\n", &events, &slots) != 2) die(path, 1, "the header 'memscope-slots v1 <events> <slots>'");
  struct op *ops = malloc(events * sizeof *ops);
  void **blocks = calloc(slots, sizeof *blocks);
  if (!ops || !blocks) return 3;
  for (unsigned long i = 0; i < events; i++) {
    struct op *o = &ops[i];
    long line = (long) i + 2;
    if (fscanf(in, " %c", &o->kind) != 1) die(path, line, "an operation (a, f or r)");
    int ok;
    switch (o->kind) {
      case 'a': ok = fscanf(in, "%u %zu", &o->slot, &o->size) == 2; break;
      case 'f': ok = fscanf(in, "%u", &o->slot) == 1; break;
      case 'r': ok = fscanf(in, "%u %u %zu", &o->slot, &o->new_slot, &o->size) == 3; break;
      default: ok = 0;
    }
    if (!ok || o->slot >= slots || (o->kind == 'r' && o->new_slot >= slots)) die(path, line, "slot numbers below the header's count and a size");
  }
  fclose(in);

  double best = 1e30;
  for (int r = 0; r < repeats; r++) {
    double start = now_seconds();
    for (unsigned long i = 0; i < events; i++) {
      const struct op *o = &ops[i];
      switch (o->kind) {
        case 'a': {
          char *p = malloc(o->size ? o->size : 1);
          *(volatile char *) p = 1;
          blocks[o->slot] = p;
          break;
        }
        case 'f':
          free(blocks[o->slot]);
          blocks[o->slot] = NULL;
          break;
        case 'r': {
          char *p = realloc(blocks[o->slot], o->size ? o->size : 1);
          *(volatile char *) p = 1;
          blocks[o->slot] = NULL;
          blocks[o->new_slot] = p;
          break;
        }
      }
    }
    double seconds = now_seconds() - start;
    if (seconds < best) best = seconds;
    for (unsigned long s = 0; s < slots; s++) { /* blocks live at the end of the trace: not timed */
      free(blocks[s]);
      blocks[s] = NULL;
    }
  }
  printf("events %lu\nbest_seconds %.6f\nops_per_second %.0f\n", events, best, events / best);
  return 0;
}
