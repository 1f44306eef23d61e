package org.selfkms.gate;

import org.jboss.logging.MDC;

/**
 * Puts the id of the request being served into the logging MDC as {@value #KEY}, so that every line logged while it
 * is served carries it (WildFly's pattern and JSON formatters print it: docs/operations.md, "Logs"). Through JBoss
 * Logging, which WildFly gives every deployment; where it is absent (Payara need not have it) this does nothing.
 */
final class RequestLogContext {

    static final String KEY = "requestId";
    private static final boolean AVAILABLE = available();

    private RequestLogContext() {
    }

    /** @return what the MDC held before, for {@link #leave} */
    static Object enter(String requestId) {
        return AVAILABLE ? JBossMdc.put(requestId) : null;
    }

    /** Restores what the MDC held before the request (normally nothing). */
    static void leave(Object outer) {
        if (AVAILABLE) {
            JBossMdc.restore(outer);
        }
    }

    private static boolean available() {
        try {
            Class.forName("org.jboss.logging.MDC", true, RequestLogContext.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }

    /** The only class that names JBoss Logging: loaded only where it is present. */
    private static final class JBossMdc {

        static Object put(String requestId) {
            return MDC.put(KEY, requestId);
        }

        static void restore(Object outer) {
            if (outer == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, outer);
            }
        }
    }
}
