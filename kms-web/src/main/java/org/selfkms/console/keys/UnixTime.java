package org.selfkms.console.keys;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Key timestamps arrive as Unix seconds; the console shows them in UTC so all admins see the same value.
 * The zone is named once, in the column header, to keep the column narrow.
 */
final class UnixTime {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private UnixTime() {
    }

    static String formatUtc(long unixSeconds) {
        return UTC.format(Instant.ofEpochSecond(unixSeconds));
    }
}
