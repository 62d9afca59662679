package org.zhifa.kind.levy.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation answering its declared defaults, some overridden: what DS does with a .cfg. */
final class Configs {

    private Configs() {}

    static <A> A of(Class<A> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (overrides.containsKey(method.getName())) {
                return overrides.get(method.getName());
            }
            Object value = method.getDefaultValue();
            if (value == null) {
                throw new IllegalStateException("no default for " + method.getName());
            }
            return value;
        }));
    }

    static <A> A defaults(Class<A> type) {
        return of(type, Map.of());
    }
}
