// A hint to the processor to start reading memory that will be needed soon (see the engine's
// `Rules.arrive`). It changes no result: only when the memory arrives in the cache.
#include <stddef.h>

static inline void rapport_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#else
    (void)address;
#endif
}
