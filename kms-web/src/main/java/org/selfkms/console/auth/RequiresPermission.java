package org.selfkms.console.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.selfkms.api.identity.Permission;

/**
 * The permission a logged-in user needs to see a view at all. {@link LoginGuard} shows {@link ForbiddenView} instead
 * to anyone without it, so a page opened by its address never shows controls the service would refuse. The service
 * still checks every call: this only decides what is shown.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequiresPermission {

    Permission value();
}
