#define _GNU_SOURCE
#include "CPeerCredentials.h"

#include <sys/socket.h>

_Static_assert(sizeof(accrue_peer_credentials) == sizeof(struct ucred),
               "accrue_peer_credentials must mirror struct ucred");
_Static_assert(__builtin_offsetof(accrue_peer_credentials, uid) == __builtin_offsetof(struct ucred, uid),
               "uid offset differs from struct ucred");
_Static_assert(__builtin_offsetof(accrue_peer_credentials, gid) == __builtin_offsetof(struct ucred, gid),
               "gid offset differs from struct ucred");

int accrue_sol_socket(void) { return SOL_SOCKET; }

int accrue_so_peercred(void) { return SO_PEERCRED; }
