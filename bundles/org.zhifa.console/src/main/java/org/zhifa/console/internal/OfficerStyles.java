package org.zhifa.console.internal;

import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.Officer;

/** Row highlighting of the register: expired red, expiring amber, deactivated grey. */
final class OfficerStyles {

    static final String EXPIRED = "zhifa-expired";
    static final String EXPIRING = "zhifa-expiring";
    static final String INACTIVE = "zhifa-inactive";

    /** Injected once per page; the valo theme stays stock. */
    static final String CSS = String.join("\n",
            ".v-grid-row." + EXPIRED + ":not(.v-grid-row-selected) > td { background-color: #fdecea; color: #b71c1c; }",
            ".v-grid-row." + EXPIRING + ":not(.v-grid-row-selected) > td { background-color: #fff4e0; color: #8a5300; }",
            ".v-grid-row." + INACTIVE + ":not(.v-grid-row-selected) > td { background-color: #f2f2f2; color: #9e9e9e; }",
            ".v-grid-row." + INACTIVE + " > td { font-style: italic; }",
            ".zhifa-legend { font-size: 13px; padding: 2px 8px; border-radius: 3px; }",
            ".zhifa-legend." + EXPIRED + " { background-color: #fdecea; color: #b71c1c; }",
            ".zhifa-legend." + EXPIRING + " { background-color: #fff4e0; color: #8a5300; }",
            ".zhifa-legend." + INACTIVE + " { background-color: #f2f2f2; color: #9e9e9e; font-style: italic; }",
            ".zhifa-header { background-color: #1f4e79; color: #fff; padding: 6px 16px; }",
            ".zhifa-header .v-label { color: #fff; }",
            ".zhifa-header .v-button-link { color: #fff; }",
            ".zhifa-header .zhifa-bureau { font-size: 18px; font-weight: 600; }",
            ".zhifa-menu { background-color: #f4f6f8; border-right: 1px solid #dde1e6; padding: 8px 0; }",
            ".zhifa-menu .v-button { text-align: left; width: 100%; border-radius: 0; }",
            ".zhifa-menu .v-button.zhifa-selected { background: #dbe7f3; font-weight: 600; }",
            ".zhifa-login { background-color: #f4f6f8; }",
            ".zhifa-content { overflow: auto; }",
            ".zhifa-login-error { color: #b71c1c; }",
            ".v-select-optiongroup-horizontal.zhifa-categories { white-space: normal; }",
            ".v-select-optiongroup-horizontal.zhifa-categories .v-select-option { margin: 2px 12px 2px 0; }");

    private OfficerStyles() {}

    /** The row style of an officer, or null for a normal row. */
    static String rowStyle(Officer officer) {
        if (!officer.active() || officer.status() == CertificateStatus.INACTIVE) {
            return INACTIVE;
        }
        if (officer.status() == CertificateStatus.EXPIRED) {
            return EXPIRED;
        }
        if (officer.status() == CertificateStatus.EXPIRING) {
            return EXPIRING;
        }
        return null;
    }
}
