package org.zhifa.shell.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.CaseTimer;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;

/** What the case commands share: the engine may be absent, and refusals read the same everywhere. */
final class CaseShell {
    /** The 即将到期 window when none is given, as the engine's default (dueSoonWorkingDays). */
    static final int DEFAULT_WITHIN = 3;
    /** The bureau's day (the case engine's default zone). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CaseShell() {}

    /** The engine, or a clear refusal when the zhifa-cases feature is not installed. */
    static CaseService engine(CaseService cases) {
        if (cases == null) {
            throw new IllegalStateException("案件办理模块未安装（feature:install zhifa-cases） / "
                    + "the case engine is not installed (feature:install zhifa-cases)");
        }
        return cases;
    }

    static Actor actor() {
        return ShellActor.current();
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A case by id (digits) or by case number (案号). */
    static CaseFile find(CaseService cases, String idOrNumber, Actor actor) {
        String key = idOrNumber == null ? "" : idOrNumber.strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("请给出案件编号或案号 / give a case id or number");
        }
        try {
            return (key.matches("\\d{1,18}") ? cases.find(Long.parseLong(key), actor) : cases.findByNumber(key, actor))
                    .orElseThrow(() -> new IllegalArgumentException("案件不存在 / no such case: " + key));
        } catch (ZhifaException e) {
            throw ShellErrors.of(e);
        }
    }

    /** 逾期 / 进行中 / 已完成 / 逾期完成 of a timer on {@code today}. */
    static String state(CaseTimer t, LocalDate today) {
        if (t.metOn() != null) {
            return t.metOn().isAfter(t.dueOn()) ? "逾期完成 MET LATE" : "已完成 MET";
        }
        if (t.dueOn().isBefore(today)) {
            return "!! 逾期 OVERDUE";
        }
        return "进行中 RUNNING";
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value, String zh, String en) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("未知的" + zh + " / unknown " + en + ": " + value);
        }
    }

    static String orEmpty(Object o) {
        return o == null ? "" : o.toString();
    }
}
