package org.selfkms.api.key;

/**
 * Who created a key, as Tencent's {@code Role} list filter says it: the customer ({@code Role 0}, owner
 * {@code user}) or an integrated service on the customer's behalf ({@code Role 1}, owner = the service).
 */
public enum KeyRole {
    USER,
    SERVICE
}
