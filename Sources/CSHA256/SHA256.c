#include "SHA256.h"

#include <stdint.h>

// swift-crypto links BoringSSL into every program that imports `Crypto`, with each symbol
// prefixed `CCryptoBoringSSL_`. Its headers are not part of swift-crypto's products, so the
// functions and the context (`struct sha256_state_st` in BoringSSL's bcm_public.h) are declared
// here. `SHA256Tests` check the results against `Crypto.SHA256` for many lengths.
//
// The context is only ever passed to BoringSSL, never read here, so it is declared with room to
// spare: a later BoringSSL whose context grew (up to 256 bytes) would still get enough stack.
typedef union {
    struct {
        uint32_t h[8];
        uint32_t Nl, Nh;
        uint8_t data[64];
        unsigned num, md_len;
    } layout;
    _Alignas(16) uint8_t room[256];
} boringssl_sha256_context;

int CCryptoBoringSSL_SHA256_Init(boringssl_sha256_context *context);
int CCryptoBoringSSL_SHA256_Update(boringssl_sha256_context *context, const void *data, size_t length);
int CCryptoBoringSSL_SHA256_Final(uint8_t out[32], boringssl_sha256_context *context);
uint8_t *CCryptoBoringSSL_SHA256(const uint8_t *data, size_t length, uint8_t out[32]);

void accrue_chain_digest(const void *previous, const void *canonical, size_t count, void *out) {
    boringssl_sha256_context context;
    CCryptoBoringSSL_SHA256_Init(&context);
    CCryptoBoringSSL_SHA256_Update(&context, previous, 32);
    CCryptoBoringSSL_SHA256_Update(&context, canonical, count);
    CCryptoBoringSSL_SHA256_Final(out, &context);
}

void accrue_sha256(const void *bytes, size_t count, void *out) {
    CCryptoBoringSSL_SHA256(bytes, count, out);
}
