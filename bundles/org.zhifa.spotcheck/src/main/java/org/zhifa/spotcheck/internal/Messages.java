package org.zhifa.spotcheck.internal;

import org.zhifa.api.common.Texts;

/** Texts of this bundle: {@code messages.properties} is zh-CN (the default), {@code messages_en} English. */
final class Messages {
    static final Texts T = Texts.of(Messages.class, "org.zhifa.spotcheck.internal.messages");

    private Messages() {}
}
