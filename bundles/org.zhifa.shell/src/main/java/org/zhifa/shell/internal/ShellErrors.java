package org.zhifa.shell.internal;

import org.zhifa.api.common.ZhifaException;

/** Turns a refusal into the shell's error: Chinese and English text, so the client exits non-zero. */
final class ShellErrors {
    private ShellErrors() {}

    static IllegalArgumentException of(ZhifaException e) {
        return new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
    }
}
