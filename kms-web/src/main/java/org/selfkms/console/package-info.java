/**
 * The SelfKMS admin console: a Vaadin Flow UI that is a thin client of the {@code kms-ejb-api} services.
 * Packages are cut by feature: {@code di} (CDI for views without vaadin-cdi), {@code auth} (login, session,
 * route guard), {@code layout} (the application frame), {@code keys} (key list and lifecycle actions),
 * {@code feedback} (notifications and the session error handler), {@code token} (token overview and
 * domain-key rotation).
 */
package org.selfkms.console;
