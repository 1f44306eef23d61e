package org.selfkms.identity;

import org.selfkms.api.identity.Permission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a service method needs of its {@link org.selfkms.api.identity.Caller}; checked by
 * {@link AuthorizationGuard}. A method that takes a Caller and has no such annotation is refused to
 * everyone: forgetting it fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
    Permission value();
}
