package org.zhifa.api.disclosure;

import java.util.List;

/** A text and its redacted form, with the masks applied (for the side-by-side preview, D5). */
public record Redaction(String original, String redacted, List<Mask> masks) {
    public Redaction {
        masks = List.copyOf(masks);
    }
}
