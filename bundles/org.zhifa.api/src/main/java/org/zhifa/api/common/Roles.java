package org.zhifa.api.common;

import java.util.List;

/** The JAAS role names zhifa checks. Display names live in resource bundles. */
public final class Roles {
    /** 执法人员 — enforcement officer. */
    public static final String OFFICER = "zhifa-officer";
    /** 法制审核人员 — legal reviewer. */
    public static final String REVIEWER = "zhifa-reviewer";
    /** 负责人 — bureau leader. */
    public static final String LEADER = "zhifa-leader";
    /** 管理员 — administrator. */
    public static final String ADMIN = "zhifa-admin";

    /** Every staff role; any of them may read staff data. */
    public static final List<String> STAFF = List.of(OFFICER, REVIEWER, LEADER, ADMIN);

    private Roles() {}
}
