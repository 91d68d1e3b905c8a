// Word count: the same algorithm as word_count.ember, with an
// open-addressing table of malloc'ed strings (FNV-1a hashes).
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *key;
  long count;
} Slot;

static Slot *slots;
static size_t capacity = 1024, used;

static uint64_t hash(const char *s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (; *s; ++s)
    h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
  return h;
}

static Slot *find(Slot *table, size_t size, const char *key) {
  size_t i = hash(key) & (size - 1);
  while (table[i].key && strcmp(table[i].key, key) != 0)
    i = (i + 1) & (size - 1);
  return &table[i];
}

static void grow(void) {
  size_t size = capacity * 2;
  Slot *table = calloc(size, sizeof(Slot));
  for (size_t i = 0; i < capacity; ++i)
    if (slots[i].key)
      *find(table, size, slots[i].key) = slots[i];
  free(slots);
  slots = table;
  capacity = size;
}

int main(void) {
  slots = calloc(capacity, sizeof(Slot));
  long seed = 12345;
  char word[32];
  for (int i = 0; i < 2000000; ++i) {
    seed = (seed * 1103515245 + 12345) % 2147483648L;
    snprintf(word, sizeof word, "w%ld", seed % 50000);
    if ((used + 1) * 4 > capacity * 3)
      grow();
    Slot *slot = find(slots, capacity, word);
    if (!slot->key) {
      slot->key = strdup(word);
      ++used;
    }
    ++slot->count;
  }
  long most = 0, total = 0;
  for (size_t i = 0; i < capacity; ++i)
    if (slots[i].key) {
      total += slots[i].count;
      if (slots[i].count > most)
        most = slots[i].count;
      free(slots[i].key);
    }
  free(slots);
  printf("%zu %ld %ld\n", used, total, most);
  return 0;
}
