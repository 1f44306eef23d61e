package org.selfkms.cli.session;

import org.selfkms.client.RestV1Session;

/**
 * A session with the server for one run, and where it came from: the cached login (a bare token, which kmsctl
 * cannot renew: a refused one means "log in again") or a credential from the environment (renewed by the
 * session itself).
 */
public record Connection(RestV1Session session, Source source) {

    public enum Source {
        /** The token that "kmsctl login" kept. */
        LOGIN,
        /** SELFKMS_SECRET_ID and SELFKMS_SECRET_KEY, logged in for this run only. */
        ENVIRONMENT
    }
}
