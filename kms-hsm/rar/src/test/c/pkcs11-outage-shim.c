/*
 * A PKCS#11 module for outage tests: it forwards every call to a real token library (SoftHSM2 in CI) and,
 * while a marker file exists, answers as a token that has been pulled out or whose network HSM went away -
 * slot without CKF_TOKEN_PRESENT, CKR_TOKEN_NOT_PRESENT for new sessions and logins, CKR_DEVICE_REMOVED for
 * operations - without touching the real token. Removing the file brings the token back.
 *
 * Why a shim: SoftHSM2 cannot lose and regain a token inside a running process (its slot list is fixed at
 * C_Initialize and a token whose directory disappears stays invalid), so the only way to prove that the KMS
 * recovers without a restart is to make the token disappear at the PKCS#11 boundary, as a real device does.
 *
 * Environment: KMS_SHIM_TARGET (library to forward to; default Debian's SoftHSM2), KMS_SHIM_OUTAGE_FILE
 * (marker file; no outage when unset). Build: gcc -shared -fPIC -I/usr/include/p11-kit-1 -o shim.so this.c -ldl
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <p11-kit/pkcs11.h>

static CK_FUNCTION_LIST real;
static CK_FUNCTION_LIST shim;
static int loaded;

static int token_out(void) {
    const char *marker = getenv("KMS_SHIM_OUTAGE_FILE");
    return marker != NULL && access(marker, F_OK) == 0;
}

static CK_RV shim_GetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO_PTR info) {
    CK_RV rv = real.C_GetSlotInfo(slot, info);
    if (rv == CKR_OK && token_out()) {
        info->flags &= ~CKF_TOKEN_PRESENT;
    }
    return rv;
}

/* Calls that need the token present. */
#define ABSENT(name, params, args) \
    static CK_RV shim_##name params { return token_out() ? CKR_TOKEN_NOT_PRESENT : real.C_##name args; }
/* Calls on an open session: the device is gone under it. */
#define REMOVED(name, params, args) \
    static CK_RV shim_##name params { return token_out() ? CKR_DEVICE_REMOVED : real.C_##name args; }

ABSENT(GetTokenInfo, (CK_SLOT_ID s, CK_TOKEN_INFO_PTR i), (s, i))
ABSENT(GetMechanismList, (CK_SLOT_ID s, CK_MECHANISM_TYPE_PTR m, CK_ULONG_PTR n), (s, m, n))
ABSENT(GetMechanismInfo, (CK_SLOT_ID s, CK_MECHANISM_TYPE t, CK_MECHANISM_INFO_PTR i), (s, t, i))
ABSENT(OpenSession, (CK_SLOT_ID s, CK_FLAGS f, void *a, CK_NOTIFY n, CK_SESSION_HANDLE_PTR h), (s, f, a, n, h))
REMOVED(GetSessionInfo, (CK_SESSION_HANDLE h, CK_SESSION_INFO_PTR i), (h, i))
REMOVED(Login, (CK_SESSION_HANDLE h, CK_USER_TYPE u, CK_UTF8CHAR_PTR p, CK_ULONG l), (h, u, p, l))
REMOVED(CreateObject, (CK_SESSION_HANDLE h, CK_ATTRIBUTE_PTR t, CK_ULONG c, CK_OBJECT_HANDLE_PTR o), (h, t, c, o))
REMOVED(CopyObject, (CK_SESSION_HANDLE h, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_PTR t, CK_ULONG c, CK_OBJECT_HANDLE_PTR n), (h, o, t, c, n))
REMOVED(DestroyObject, (CK_SESSION_HANDLE h, CK_OBJECT_HANDLE o), (h, o))
REMOVED(GetAttributeValue, (CK_SESSION_HANDLE h, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_PTR t, CK_ULONG c), (h, o, t, c))
REMOVED(SetAttributeValue, (CK_SESSION_HANDLE h, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_PTR t, CK_ULONG c), (h, o, t, c))
REMOVED(FindObjectsInit, (CK_SESSION_HANDLE h, CK_ATTRIBUTE_PTR t, CK_ULONG c), (h, t, c))
REMOVED(FindObjects, (CK_SESSION_HANDLE h, CK_OBJECT_HANDLE_PTR o, CK_ULONG m, CK_ULONG_PTR c), (h, o, m, c))
REMOVED(EncryptInit, (CK_SESSION_HANDLE h, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE k), (h, m, k))
REMOVED(Encrypt, (CK_SESSION_HANDLE h, CK_BYTE_PTR d, CK_ULONG l, CK_BYTE_PTR o, CK_ULONG_PTR ol), (h, d, l, o, ol))
REMOVED(EncryptUpdate, (CK_SESSION_HANDLE h, CK_BYTE_PTR d, CK_ULONG l, CK_BYTE_PTR o, CK_ULONG_PTR ol), (h, d, l, o, ol))
REMOVED(EncryptFinal, (CK_SESSION_HANDLE h, CK_BYTE_PTR o, CK_ULONG_PTR ol), (h, o, ol))
REMOVED(DecryptInit, (CK_SESSION_HANDLE h, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE k), (h, m, k))
REMOVED(Decrypt, (CK_SESSION_HANDLE h, CK_BYTE_PTR d, CK_ULONG l, CK_BYTE_PTR o, CK_ULONG_PTR ol), (h, d, l, o, ol))
REMOVED(DecryptUpdate, (CK_SESSION_HANDLE h, CK_BYTE_PTR d, CK_ULONG l, CK_BYTE_PTR o, CK_ULONG_PTR ol), (h, d, l, o, ol))
REMOVED(DecryptFinal, (CK_SESSION_HANDLE h, CK_BYTE_PTR o, CK_ULONG_PTR ol), (h, o, ol))
REMOVED(GenerateKey, (CK_SESSION_HANDLE h, CK_MECHANISM_PTR m, CK_ATTRIBUTE_PTR t, CK_ULONG c, CK_OBJECT_HANDLE_PTR k), (h, m, t, c, k))
REMOVED(GenerateKeyPair, (CK_SESSION_HANDLE h, CK_MECHANISM_PTR m, CK_ATTRIBUTE_PTR pt, CK_ULONG pc, CK_ATTRIBUTE_PTR st, CK_ULONG sc, CK_OBJECT_HANDLE_PTR pk, CK_OBJECT_HANDLE_PTR sk), (h, m, pt, pc, st, sc, pk, sk))
REMOVED(SignInit, (CK_SESSION_HANDLE h, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE k), (h, m, k))
REMOVED(Sign, (CK_SESSION_HANDLE h, CK_BYTE_PTR d, CK_ULONG l, CK_BYTE_PTR s, CK_ULONG_PTR sl), (h, d, l, s, sl))
REMOVED(VerifyInit, (CK_SESSION_HANDLE h, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE k), (h, m, k))
REMOVED(Verify, (CK_SESSION_HANDLE h, CK_BYTE_PTR d, CK_ULONG l, CK_BYTE_PTR s, CK_ULONG sl), (h, d, l, s, sl))
REMOVED(WrapKey, (CK_SESSION_HANDLE h, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE w, CK_OBJECT_HANDLE k, CK_BYTE_PTR o, CK_ULONG_PTR ol), (h, m, w, k, o, ol))
REMOVED(UnwrapKey, (CK_SESSION_HANDLE h, CK_MECHANISM_PTR m, CK_OBJECT_HANDLE u, CK_BYTE_PTR w, CK_ULONG wl, CK_ATTRIBUTE_PTR t, CK_ULONG c, CK_OBJECT_HANDLE_PTR k), (h, m, u, w, wl, t, c, k))
REMOVED(GenerateRandom, (CK_SESSION_HANDLE h, CK_BYTE_PTR r, CK_ULONG l), (h, r, l))

CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list) {
    if (list == NULL) {
        return CKR_ARGUMENTS_BAD;
    }
    if (!loaded) {
        const char *target = getenv("KMS_SHIM_TARGET");
        void *library = dlopen(target != NULL ? target : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW | RTLD_LOCAL);
        CK_C_GetFunctionList get = library == NULL ? NULL : (CK_C_GetFunctionList) dlsym(library, "C_GetFunctionList");
        CK_FUNCTION_LIST_PTR target_list = NULL;
        if (get == NULL || get(&target_list) != CKR_OK || target_list == NULL) {
            return CKR_GENERAL_ERROR;
        }
        memcpy(&real, target_list, sizeof real);
        memcpy(&shim, target_list, sizeof shim);
#define OVERRIDE(name) shim.C_##name = shim_##name
        OVERRIDE(GetSlotInfo); OVERRIDE(GetTokenInfo); OVERRIDE(GetMechanismList); OVERRIDE(GetMechanismInfo);
        OVERRIDE(OpenSession); OVERRIDE(GetSessionInfo); OVERRIDE(Login);
        OVERRIDE(CreateObject); OVERRIDE(CopyObject); OVERRIDE(DestroyObject);
        OVERRIDE(GetAttributeValue); OVERRIDE(SetAttributeValue);
        OVERRIDE(FindObjectsInit); OVERRIDE(FindObjects);
        OVERRIDE(EncryptInit); OVERRIDE(Encrypt); OVERRIDE(EncryptUpdate); OVERRIDE(EncryptFinal);
        OVERRIDE(DecryptInit); OVERRIDE(Decrypt); OVERRIDE(DecryptUpdate); OVERRIDE(DecryptFinal);
        OVERRIDE(GenerateKey); OVERRIDE(GenerateKeyPair);
        OVERRIDE(SignInit); OVERRIDE(Sign); OVERRIDE(VerifyInit); OVERRIDE(Verify);
        OVERRIDE(WrapKey); OVERRIDE(UnwrapKey); OVERRIDE(GenerateRandom);
        shim.C_GetFunctionList = C_GetFunctionList;
        loaded = 1;
    }
    *list = &shim;
    return CKR_OK;
}
