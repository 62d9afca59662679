package org.zhifa.city.internal;

import java.util.Locale;

/** A refusal of a request with its HTTP status, stable code and the texts in Chinese and English. */
class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String messageZh;
    final String messageEn;
    /** The input field at fault, or null. */
    String field;

    Refusal(int status, String code, Object... args) {
        super(code + ": " + Texts.of(Locale.ENGLISH).get("error." + code, args));
        this.status = status;
        this.code = code;
        this.messageZh = Texts.of(Locale.ROOT).get("error." + code, args);
        this.messageEn = Texts.of(Locale.ENGLISH).get("error." + code, args);
    }

    /** The same refusal, naming the field at fault. */
    Refusal at(String field) {
        this.field = field;
        return this;
    }
}
