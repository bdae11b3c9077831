#ifndef ACCRUE_PEER_CREDENTIALS_H
#define ACCRUE_PEER_CREDENTIALS_H

#include <stdint.h>

/// Reads the credentials of the process on the other end of a connected Unix socket.
///
/// Swift's Glibc module does not expose `struct ucred`, so this shim calls
/// `getsockopt(fd, SOL_SOCKET, SO_PEERCRED, ...)` and copies the fields out.
/// Returns 0 on success, or -1 with `errno` set.
int accrue_peer_credentials(int fd, int32_t *pid, uint32_t *uid, uint32_t *gid);

#endif
