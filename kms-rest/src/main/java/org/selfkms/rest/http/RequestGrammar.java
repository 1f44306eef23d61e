package org.selfkms.rest.http;

import jakarta.ws.rs.core.MediaType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Whether a request's path, query string, {@code Content-Type}, {@code Accept} and {@code Accept-Language} can be read. RESTEasy
 * parses them before any application code runs, and a value it cannot parse ends in an HTML error page (a path whose
 * %-escapes are not UTF-8, Content-Type, Accept-Language), an internal error (a query string whose %-escapes are not
 * hexadecimal) or an unexpected exception (a quality value such as {@code q=x} in Accept) - each with a stack
 * trace in the server log, which a client could repeat at will. Checked here first, with RESTEasy's own media-type
 * parser and the grammars of RFC 9110 (quality values, section 12.4.2; language ranges, section 12.5.4).
 */
final class RequestGrammar {

    private static final Pattern QUALITY = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");
    private static final Pattern LANGUAGE_RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final String PATH_PROBLEM = "The request path is not UTF-8 in %-encoding";
    private static final String QUERY_PROBLEM = "The query string is not UTF-8 in %-encoding";
    /** Longer header values are refused unread. */
    static final int MAX_CHARS = 1024;

    private RequestGrammar() {
    }

    /** Why the raw (still %-encoded) request path cannot be used, or empty if it can. */
    static Optional<String> pathProblem(String rawPath) {
        return utf8InPercentEncoding(rawPath) ? Optional.empty() : Optional.of(PATH_PROBLEM);
    }

    /** Why the raw (still %-encoded) query string cannot be used, or empty if it can (or there is none). */
    static Optional<String> queryProblem(String rawQuery) {
        return rawQuery == null || utf8InPercentEncoding(rawQuery) ? Optional.empty() : Optional.of(QUERY_PROBLEM);
    }

    private static boolean utf8InPercentEncoding(String raw) {
        if (raw.chars().allMatch(c -> c != '%' && c < 0x80)) {
            return true; // every request of the SDKs: nothing to decode
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return false;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Why the Content-Type value cannot be used, or empty if it can (or is absent). */
    static Optional<String> contentTypeProblem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return value.length() > MAX_CHARS || parsed(value).isEmpty()
                ? Optional.of("The Content-Type header is not a media type") : Optional.empty();
    }

    /** Why the Accept value cannot be used, or empty if it can (or is absent). */
    static Optional<String> acceptProblem(String value) {
        return listProblem(value, "Accept", range -> {
            Optional<MediaType> type = parsed(range);
            if (type.isEmpty()) {
                return Optional.of("The Accept header is not a list of media ranges");
            }
            String quality = type.get().getParameters().get("q");
            return quality == null || QUALITY.matcher(quality).matches() ? Optional.empty()
                    : Optional.of("The Accept header has a quality value that is not a number from 0 to 1");
        });
    }

    /** Why the Accept-Language value cannot be used, or empty if it can (or is absent). */
    static Optional<String> acceptLanguageProblem(String value) {
        return listProblem(value, "Accept-Language", element -> {
            String[] parts = element.split(";", -1);
            if (!LANGUAGE_RANGE.matcher(parts[0].trim()).matches()) {
                return Optional.of("The Accept-Language header is not a list of language ranges");
            }
            for (int i = 1; i < parts.length; i++) {
                String[] parameter = parts[i].trim().split("=", 2);
                if (parameter.length != 2 || !parameter[0].trim().equalsIgnoreCase("q")
                        || !QUALITY.matcher(parameter[1].trim()).matches()) {
                    return Optional.of("The Accept-Language header has a parameter that is not a quality value from 0 to 1");
                }
            }
            return Optional.empty();
        });
    }

    /** The first problem of the comma-separated elements of a header (empty elements are allowed, RFC 9110 5.6.1). */
    private static Optional<String> listProblem(String value, String header, Function<String, Optional<String>> element) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > MAX_CHARS) {
            return Optional.of("The " + header + " header is too long");
        }
        for (String each : value.split(",")) {
            if (!each.isBlank()) {
                Optional<String> problem = element.apply(each.trim());
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<MediaType> parsed(String value) {
        try {
            return Optional.of(MediaType.valueOf(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
