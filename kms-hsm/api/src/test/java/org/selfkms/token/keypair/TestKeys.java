package org.selfkms.token.keypair;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

/** One key pair per spec for the whole test run (RSA-3072 generation takes a while), made by {@link PrivateKeys#generate}. */
final class TestKeys {

    static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<KeyPairSpec, KeyPair> PAIRS = new EnumMap<>(KeyPairSpec.class);

    private TestKeys() {
    }

    static synchronized KeyPair pair(KeyPairSpec spec) {
        return PAIRS.computeIfAbsent(spec, s -> PrivateKeys.generate(s, RANDOM));
    }

    static byte[] publicKey(KeyPairSpec spec) {
        return pair(spec).getPublic().getEncoded();
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
