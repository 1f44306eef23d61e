package org.selfkms.identity;

/**
 * A credential's TC3 signing key for the date and service it was last used with. Deriving it takes three HMACs of
 * the four a signature check needs, and a client signs with the same date and service all day, so the cached
 * credential keeps it. It is no more sensitive than the SecretKey the same cache entry holds, and goes with it when
 * the credential is invalidated.
 */
public final class Tc3SigningKey {

    private record Scope(String date, String service, byte[] key) {
    }

    private volatile Scope last;

    byte[] forScope(byte[] secret, String date, String service) {
        Scope scope = last;
        if (scope != null && scope.date().equals(date) && scope.service().equals(service)) {
            return scope.key();
        }
        byte[] key = Tc3Signature.signingKey(secret, date, service);
        last = new Scope(date, service, key);
        return key;
    }

    @Override
    public String toString() {
        return "Tc3SigningKey[...]";
    }
}
