package org.zhifa.documents.internal;

import java.lang.annotation.Annotation;

/** Configurations for tests, as SCR would make them from etc/org.zhifa.documents.cfg. */
final class Configs {
    private Configs() {}

    static final DocumentsConfig DEFAULT = with(null, "");

    static DocumentsConfig with(String[] fontFiles, String family) {
        return new DocumentsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DocumentsConfig.class;
            }

            @Override
            public String[] fontFiles() {
                return fontFiles != null ? fontFiles : (String[]) defaultOf("fontFiles");
            }

            @Override
            public String fontFamily() {
                return family;
            }

            @Override
            public float fontSize() {
                return (Float) defaultOf("fontSize");
            }
        };
    }

    /** The annotation's default (it has class retention, so no instance can be read from a class). */
    static Object defaultOf(String attribute) {
        try {
            return DocumentsConfig.class.getMethod(attribute).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
