package org.selfkms.gate;

import java.util.UUID;

/** Request ids, minted here only: by the gate for every request on a door, and for the timer's own records. */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
