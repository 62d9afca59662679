package org.zhifa.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration for component tests: an instance of a metatype {@code @ObjectClassDefinition}
 * annotation with its defaults (some overridden), and checks that the shipped {@code etc/<pid>.cfg} and
 * the feature's {@code <config>} carry exactly those defaults.
 */
public final class Configs {

    private Configs() {}

    /** The config annotation {@code type} with its default values, {@code overrides} by method name. */
    public static <A> A of(Class<A> type, Map<String, Object> overrides) {
        for (String name : overrides.keySet()) {
            try {
                type.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no " + name);
            }
        }
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (overrides.containsKey(m.getName())) {
                return overrides.get(m.getName());
            }
            if (m.getDefaultValue() != null) {
                return m.getDefaultValue();
            }
            return switch (m.getName()) {
                case "annotationType" -> type;
                case "toString" -> type.getSimpleName() + overrides;
                case "hashCode" -> System.identityHashCode(p);
                case "equals" -> p == args[0];
                default -> throw new IllegalStateException(m.getName() + " has no default");
            };
        });
        return type.cast(proxy);
    }

    public static <A> A defaults(Class<A> type) {
        return of(type, Map.of());
    }

    /** The default values of {@code type} as the text a .cfg file holds (arrays comma-separated). */
    public static Map<String, String> defaultsAsText(Class<?> type) {
        Map<String, String> m = new TreeMap<>();
        for (Method method : type.getDeclaredMethods()) {
            Object v = method.getDefaultValue();
            if (v instanceof String[] a) {
                m.put(method.getName(), String.join(",", a));
            } else if (v != null) {
                m.put(method.getName(), String.valueOf(v));
            }
        }
        return m;
    }

    /** Reads a .cfg as Karaf does: ISO-8859-1 with \\uXXXX escapes. */
    public static Map<String, String> readCfg(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return asMap(p);
    }

    /** {@code etc/<pid>.cfg} names every attribute of {@code type}, each with its default. */
    public static void assertCfgMatchesDefaults(Class<?> type, Path cfgFile) throws IOException {
        assertTrue(Files.isRegularFile(cfgFile), cfgFile + " missing");
        assertEquals(defaultsAsText(type), readCfg(cfgFile), cfgFile + " differs from the defaults of " + type.getName());
    }

    /** The feature repository's {@code <config name="pid">} holds the same values as {@code cfgFile}. */
    public static void assertFeatureConfigMatches(Path featureXml, String pid, Path cfgFile) throws IOException {
        String xml = Files.readString(featureXml);
        Matcher m = Pattern.compile("<config name=\"" + Pattern.quote(pid) + "\"[^>]*>(.*?)</config>", Pattern.DOTALL)
                .matcher(xml);
        assertTrue(m.find(), featureXml + " has no <config name=\"" + pid + "\">");
        Properties p = new Properties();
        p.load(new StringReader(m.group(1)));
        assertEquals(readCfg(cfgFile), asMap(p), "the feature's config of " + pid + " differs from " + cfgFile);
    }

    private static Map<String, String> asMap(Properties p) {
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }
}
