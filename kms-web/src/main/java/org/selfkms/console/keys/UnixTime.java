package org.selfkms.console.keys;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Key timestamps arrive as Unix seconds; the console shows them in UTC so all admins see the same value.
 * The zone is named once, in the column header, to keep the column narrow.
 */
public final class UnixTime {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private UnixTime() {
    }

    public static String formatUtc(long unixSeconds) {
        return UTC.format(Instant.ofEpochSecond(unixSeconds));
    }

    /** For optional times (next rotation, deletion date): 0 means "none". */
    public static String formatUtcOrDash(long unixSeconds) {
        return unixSeconds <= 0 ? "-" : formatUtc(unixSeconds);
    }
}
