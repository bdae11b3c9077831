#ifndef ACCRUE_CJEMALLOC_SHIM_H
#define ACCRUE_CJEMALLOC_SHIM_H
#include <stddef.h>

/* Only jemalloc's control interface. Linking the library is what replaces malloc and free in
   the process; its header would declare them again, next to glibc's. */
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);

#endif
