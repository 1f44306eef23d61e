package org.selfkms.api.identity;

import jakarta.ejb.Local;

/** Checks console users' passwords. */
@Local
public interface ConsoleLogin {

    /**
     * @return the caller for the console session
     * @throws org.selfkms.api.error.KmsException {@code AUTH_LOGIN_FAILED} for an unknown user or a wrong
     *         password alike (no user enumeration)
     */
    Caller login(String username, char[] password);
}
