package org.zhifa.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a contributed REST resource class that reads non-JSON request bodies (files, video) as streams
 * and enforces its own size limit: the core's body limit ({@code maxBodyBytes}) is then not applied to
 * its non-JSON bodies. JSON bodies stay limited by the core.
 *
 * @since 1.1
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StreamedBody {
}
