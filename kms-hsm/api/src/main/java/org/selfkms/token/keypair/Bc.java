package org.selfkms.token.keypair;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * Bouncy Castle as a provider instance, asked by name only for what JDK 17 lacks (SM2 key handling, ML-KEM,
 * ML-DSA). Never registered with {@code Security.addProvider}: the application server's and other deployments'
 * provider lists stay as they are.
 */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}
