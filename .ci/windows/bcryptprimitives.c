/* Test-harness shim for Wine 8 only. Wine 8 has no bcryptprimitives.dll, whose ProcessPrng
 * Rust's standard library calls for random bytes, so no Rust program starts under it.
 * Real Windows (8 and later) ships this DLL, so this file is never part of what trh ships:
 * .ci/windows/wine-runner builds it into the test Wine prefix's system32, beside no .exe. */
#include <windows.h>

/* RtlGenRandom, exported by advapi32 under this name. */
__declspec(dllimport) BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
