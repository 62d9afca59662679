package org.zhifa.disclosure.internal.redact;

/** The categories of {@link org.zhifa.api.disclosure.Mask}. */
final class Categories {
    static final String ID_NUMBER = "ID_NUMBER";
    static final String PHONE = "PHONE";
    static final String BANK_ACCOUNT = "BANK_ACCOUNT";
    static final String ADDRESS = "ADDRESS";
    static final String EMAIL = "EMAIL";
    static final String HEALTH = "HEALTH";
    static final String NAME = "NAME";
    static final String MANUAL = "MANUAL";

    /** Phones, e-mail addresses, health data and the hidden part of an address read as this. */
    static final String HIDDEN = "****";

    private Categories() {
    }

    /** ID numbers and bank accounts are hidden whole, one star a character, so forms keep their layout. */
    static String stars(int length) {
        return "*".repeat(length);
    }

    /** 邓国强 → 邓某某, 欧阳娜娜 → 欧阳某某: the surname stays, as in published judgments. */
    static String name(String name) {
        return name.substring(0, Math.max(1, Surnames.at(name, 0))) + "某某";
    }
}
