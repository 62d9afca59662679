package org.zhifa.api.personnel;

/** State of an officer's enforcement certificate (执法证) on a given day. */
public enum CertificateStatus {
    /** 有效 */
    VALID,
    /** 即将到期: valid, but expires within the configured warning period. */
    EXPIRING,
    /** 已过期 */
    EXPIRED,
    /** 尚未生效 */
    NOT_YET_VALID,
    /** 已注销: the officer was deactivated. */
    INACTIVE;

    /** Whether the holder may act as an enforcement officer with it. */
    public boolean mayAct() {
        return this == VALID || this == EXPIRING;
    }
}
