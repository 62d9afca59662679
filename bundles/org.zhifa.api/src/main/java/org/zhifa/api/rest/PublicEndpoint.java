package org.zhifa.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every method) of a contributed REST resource that the anonymous public may call: the
 * REST layer asks no login for it, and its method finds no {@link RequestActor} in the request. Only for what
 * is public anyway (a drawn draw's file, a public page's data); everything else needs a staff login.
 *
 * @since 1.2
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {
}
