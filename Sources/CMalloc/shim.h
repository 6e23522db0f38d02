// The C library's allocator settings, for Rapport's executables (see `ProcessMemory`).
// <stdlib.h> first: on glibc it defines __GLIBC__, which says whether <malloc.h> has mallopt.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

/// Fixes the size from which a block gets memory of its own from the system, and so is given back
/// to the system as soon as it is freed. Returns 0 when glibc refused.
static inline int rapport_fix_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }

/// Gives the memory freed in every arena back to the system.
static inline void rapport_give_back_freed_memory(void) { (void)malloc_trim(0); }
#else
static inline int rapport_fix_mmap_threshold(int bytes) { (void)bytes; return 1; }
static inline void rapport_give_back_freed_memory(void) {}
#endif
