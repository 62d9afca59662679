package org.zhifa.rest.internal;

import java.util.IdentityHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.zhifa.api.common.Page;

/**
 * The JSON of pages the register service hands out again: it returns the very same {@link Page} instance
 * for a repeated query until the next write, so the bytes written for that instance are valid as long as
 * it is — keyed by identity, never by value. A small bound; all is dropped when it fills up.
 */
final class SerializedPages {
    static final int MAX = 256;

    private final ObjectWriter writer;
    private final Map<Page<?>, byte[]> bytes = new IdentityHashMap<>();

    SerializedPages(ObjectMapper mapper) {
        this.writer = mapper.writer();
    }

    byte[] json(Page<?> page) throws JsonProcessingException {
        synchronized (bytes) {
            byte[] known = bytes.get(page);
            if (known != null) {
                return known;
            }
        }
        byte[] json = writer.writeValueAsBytes(page);
        synchronized (bytes) {
            if (bytes.size() >= MAX) {
                bytes.clear();
            }
            bytes.put(page, json);
        }
        return json;
    }
}
