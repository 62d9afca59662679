package org.zhifa.api.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The texts of one bundle's resource bundle ({@code <base>.properties} zh-CN, the default, and
 * {@code <base>_en.properties}), and refusals carrying both languages with the code as the message key —
 * what every bundle's {@code Messages} class used to write out again. Also the staff-role checks every
 * service makes, with their texts from this package's own bundle.
 *
 * @since 1.2
 */
public final class Texts {

    private static final Texts COMMON = new Texts("org.zhifa.api.common.messages", Texts.class.getClassLoader());

    private final String baseName;
    private final ClassLoader loader;

    public Texts(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /** The texts of {@code baseName} on the class loader of {@code owner}'s bundle. */
    public static Texts of(Class<?> owner, String baseName) {
        return new Texts(baseName, owner.getClassLoader());
    }

    /** English for an English locale, else Chinese (never the JVM's locale); the key itself when missing. */
    public String text(Locale locale, String key, Object... args) {
        Locale bundle = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ZhifaException.text(baseName, loader, bundle, key, args);
    }

    public String zh(String key, Object... args) {
        return text(Locale.SIMPLIFIED_CHINESE, key, args);
    }

    public String en(String key, Object... args) {
        return text(Locale.ENGLISH, key, args);
    }

    /** A refusal with its message in both languages; the code doubles as the message key. */
    public ZhifaException error(ZhifaException.Kind kind, String code, String field, Object... args) {
        return new ZhifaException(kind, code, zh(code, args), en(code, args), field);
    }

    public ZhifaException invalid(String code, String field, Object... args) {
        return error(ZhifaException.Kind.INVALID, code, field, args);
    }

    public ZhifaException conflict(String code, Object... args) {
        return error(ZhifaException.Kind.CONFLICT, code, null, args);
    }

    public ZhifaException notFound(String code, String field, Object... args) {
        return error(ZhifaException.Kind.NOT_FOUND, code, field, args);
    }

    /** Refuses nobody (401 {@code UNAUTHENTICATED}) and anyone without a staff role (403 {@code FORBIDDEN_STAFF}). */
    public static void requireStaff(Actor actor) {
        if (actor == null) {
            throw COMMON.error(ZhifaException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED", null);
        }
        if (!actor.isStaff()) {
            throw COMMON.error(ZhifaException.Kind.FORBIDDEN, "FORBIDDEN_STAFF", null);
        }
    }

    /** {@link #requireStaff}, then one of {@code roles} (403 {@code FORBIDDEN_ROLE} naming them). */
    public static void requireRole(Actor actor, String... roles) {
        requireStaff(actor);
        if (Arrays.stream(roles).noneMatch(actor::has)) {
            throw new ZhifaException(ZhifaException.Kind.FORBIDDEN, "FORBIDDEN_ROLE",
                    COMMON.zh("FORBIDDEN_ROLE", roleNames(Locale.SIMPLIFIED_CHINESE, roles)),
                    COMMON.en("FORBIDDEN_ROLE", roleNames(Locale.ENGLISH, roles)), null);
        }
    }

    /** A role's display name, e.g. 负责人 / leader. */
    public static String roleName(Locale locale, String role) {
        return COMMON.text(locale, "role." + role);
    }

    private static String roleNames(Locale locale, String... roles) {
        return Arrays.stream(roles).map(r -> roleName(locale, r))
                .collect(Collectors.joining("en".equals(locale.getLanguage()) ? ", " : "、"));
    }
}
