#ifndef ACCRUE_SHA256_H
#define ACCRUE_SHA256_H

#include <stddef.h>

/// Writes SHA-256(`previous` (32 bytes) ‖ `canonical` (`count` bytes)) to the 32 bytes at `out`.
///
/// The chain rule of the event log, computed by swift-crypto's BoringSSL on a context on the
/// stack: the Swift `SHA256` type allocates and zeroizes a context object for every digest, which
/// cost the scan of a million records about a tenth of its time.
void accrue_chain_digest(const void *previous, const void *canonical, size_t count, void *out);

/// Writes SHA-256(`bytes` (`count` bytes)) to the 32 bytes at `out`, with no allocation.
void accrue_sha256(const void *bytes, size_t count, void *out);

#endif
