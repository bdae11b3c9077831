#ifndef ACCRUE_CLMDB_SHIM_H
#define ACCRUE_CLMDB_SHIM_H
#include <lmdb.h>
#endif
