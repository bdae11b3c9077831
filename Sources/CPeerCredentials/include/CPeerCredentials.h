#ifndef ACCRUE_PEER_CREDENTIALS_H
#define ACCRUE_PEER_CREDENTIALS_H

#include <stdint.h>

/// The layout of Linux's `struct ucred`, which Swift's Glibc module does not expose.
///
/// The daemon reads it with `getsockopt(fd, SOL_SOCKET, SO_PEERCRED, ...)` (through SwiftNIO's
/// socket option provider) to learn who is on the other end of a Unix socket connection.
typedef struct {
    int32_t pid;
    uint32_t uid;
    uint32_t gid;
} accrue_peer_credentials;

/// `SOL_SOCKET`, for the `getsockopt` level.
int accrue_sol_socket(void);

/// `SO_PEERCRED`, for the `getsockopt` option name.
int accrue_so_peercred(void);

#endif
