/*
 * native-replay: replays a heap trace with the real glibc malloc/free/realloc and prints
 * the operations per second: the hardware reference for memscope's replay speed.
 *
 *   cc -O2 -o native-replay bench/native-replay.c -lz
 *   ./native-replay trace.slots [repeats]      replay only (the trace loaded first)
 *   ./native-replay --mtrace trace.mtrace.gz   end to end, as `memscope replay` does: inflate,
 *                                              parse each line, map addresses to blocks, replay
 *   ./native-replay --generate N               write an N-event mtrace to stdout (a seeded,
 *                                              program-like workload) for traces of any size
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
#include <stdint.h>
#include <zlib.h>

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

/* Address -> block, open addressing; an address of 0 marks an empty slot. */
static uint64_t *keys;
static void **vals;
static size_t cap, used;

static size_t find(uint64_t key) {
  size_t i = (size_t) ((key >> 4) * 0x9e3779b97f4a7c15ull) & (cap - 1);
  while (keys[i] != 0 && keys[i] != key) i = (i + 1) & (cap - 1);
  return i;
}

static void put(uint64_t key, void *val) {
  size_t i = find(key);
  if (keys[i] == 0) {
    keys[i] = key;
    if (++used * 2 > cap) { /* grow, rehashing the live entries */
      uint64_t *ok = keys; void **ov = vals; size_t oc = cap;
      cap *= 2; used = 0;
      keys = calloc(cap, sizeof *keys); vals = calloc(cap, sizeof *vals);
      for (size_t j = 0; j < oc; j++) if (ok[j] != 0 && ov[j] != NULL) { size_t k = find(ok[j]); keys[k] = ok[j]; vals[k] = ov[j]; used++; }
      free(ok); free(ov);
      i = find(key);
      keys[i] = key;
      used++;
    }
  }
  vals[i] = val;
}

static void *take(uint64_t key) {
  size_t i = find(key);
  if (keys[i] == 0) return NULL;
  void *p = vals[i];
  vals[i] = NULL; /* a dead entry keeps its key, as memscope's tables keep tombstones */
  return p;
}

/* Reads "0x<hex>" or "0" at *s; advances *s past it. */
static uint64_t hex(const char **s) {
  const char *p = *s;
  uint64_t v = 0;
  if (p[0] == '0' && p[1] == 'x') p += 2;
  for (;; p++) {
    int c = *p, d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else break;
    v = v * 16 + d;
  }
  *s = p;
  return v;
}

/* mtrace text (gzip or plain) to glibc, line by line: what `memscope replay` does, natively. */
static int replay_mtrace(const char *path) {
  gzFile in = gzopen(path, "rb");
  if (!in) { perror(path); return 2; }
  gzbuffer(in, 1 << 18);
  cap = 1 << 16; used = 0;
  keys = calloc(cap, sizeof *keys); vals = calloc(cap, sizeof *vals);
  char line[4096];
  uint64_t pending = 0;
  unsigned long events = 0;
  double start = now_seconds();
  while (gzgets(in, line, sizeof line)) {
    const char *p = line;
    if (p[0] == '@') { p = strrchr(line, ']'); if (!p) continue; p += 2; }
    char op = p[0];
    p += 2;
    if (op == '+') {
      if (p[0] == '(') continue; /* (nil): malloc failed */
      uint64_t a = hex(&p); p++;
      size_t size = hex(&p);
      char *b = malloc(size ? size : 1);
      *(volatile char *) b = 1;
      put(a, b);
      events++;
    } else if (op == '-') {
      free(take(hex(&p)));
      events++;
    } else if (op == '<') {
      pending = hex(&p);
    } else if (op == '>') {
      uint64_t a = hex(&p); p++;
      size_t size = hex(&p);
      char *b = realloc(take(pending), size ? size : 1);
      *(volatile char *) b = 1;
      put(a, b);
      events++;
    }
  }
  gzclose(in);
  double seconds = now_seconds() - start;
  printf("events %lu\nseconds %.6f\nevents_per_second %.0f\n", events, seconds, events / seconds);
  return 0;
}

/*
 * A seeded workload in mtrace form: sizes mostly small, lifetimes mostly short, a live set
 * that swings between ~1k and ~50k blocks, a realloc now and then. Addresses are made up
 * (distinct while live, reused after free), as glibc's are.
 */
static int generate(unsigned long n) {
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  #define RAND() (seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17, seed)
  size_t cap_live = 1 << 17, live = 0;
  uint64_t *addr = malloc(cap_live * sizeof *addr);
  uint64_t *spare = malloc((n < 1000000 ? n : 1000000) * sizeof *spare + 8);
  size_t spares = 0, spare_cap = n < 1000000 ? n : 1000000;
  uint64_t next = 0x55550000;
  static char out[1 << 16];
  size_t at = 0;
  fputs("= Start\n", stdout);
  for (unsigned long i = 0; i < n; i++) {
    double phase = (double) (i % 2000000) / 2000000.0;
    size_t target = 1000 + (size_t) (49000 * (phase < 0.5 ? phase * 2 : 2 - phase * 2));
    uint64_t r = RAND();
    if (at > sizeof out - 128) { fwrite(out, 1, at, stdout); at = 0; }
    if (live > 0 && r % 100 < 3) { /* realloc a random block */
      size_t k = (RAND() >> 11) % live;
      uint64_t fresh = spares ? spare[--spares] : (next += 0x40);
      size_t size = 16 + (RAND() >> 20) % 2000;
      at += sprintf(out + at, "@ ./gen:[0x401000] < 0x%lx\n@ ./gen:[0x401000] > 0x%lx 0x%zx\n", (unsigned long) addr[k], (unsigned long) fresh, size);
      if (spares < spare_cap) spare[spares++] = addr[k];
      addr[k] = fresh;
    } else if (live == 0 || (r >> 8) % (2 * target) > live) {
      uint64_t a = spares ? spare[--spares] : (next += 0x40);
      uint64_t s = RAND();
      size_t size = s % 10 < 7 ? 8 + (s >> 8) % 120 : s % 10 < 9 ? 128 + (s >> 8) % 4000 : 4096 + (s >> 8) % 60000;
      if (live == cap_live) { cap_live *= 2; addr = realloc(addr, cap_live * sizeof *addr); }
      addr[live++] = a;
      at += sprintf(out + at, "@ ./gen:[0x401000] + 0x%lx 0x%zx\n", (unsigned long) a, size);
    } else { /* young blocks die first, mostly */
      size_t k = (RAND() % 10 < 7) ? live - 1 - (RAND() >> 9) % (live < 64 ? live : 64) : (RAND() >> 9) % live;
      at += sprintf(out + at, "@ ./gen:[0x401010] - 0x%lx\n", (unsigned long) addr[k]);
      if (spares < spare_cap) spare[spares++] = addr[k];
      addr[k] = addr[--live];
    }
  }
  fwrite(out, 1, at, stdout);
  fputs("= End\n", stdout);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--mtrace") == 0) return replay_mtrace(argv[2]);
  if (argc == 3 && strcmp(argv[1], "--generate") == 0) return generate(strtoul(argv[2], NULL, 10));
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
