package org.selfkms.gate;

import org.selfkms.token.PerThreadSecureRandom;

import java.util.UUID;

/** Request ids, minted here only: by the gate for every request on a door, and for the timer's own records. */
public final class RequestIds {

    private RequestIds() {
    }

    /**
     * A random (version 4) UUID, drawn from the calling thread's DRBG: {@code UUID.randomUUID()} draws from the JDK's
     * one shared generator, on whose lock concurrent requests queued.
     */
    public static String next() {
        byte[] random = new byte[16];
        PerThreadSecureRandom.INSTANCE.nextBytes(random);
        random[6] = (byte) ((random[6] & 0x0f) | 0x40);
        random[8] = (byte) ((random[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (random[i] & 0xff);
            least = (least << 8) | (random[8 + i] & 0xff);
        }
        return new UUID(most, least).toString();
    }
}
