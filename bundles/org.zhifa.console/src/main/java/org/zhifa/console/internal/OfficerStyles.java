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
            ".zhifa-alarm { background-color: #c62828; padding: 6px 16px; }",
            ".zhifa-alarm .v-label { color: #fff; font-weight: 600; }",
            ".zhifa-alarm .v-button-link { color: #fff; text-decoration: underline; }",
            ".zhifa-content { overflow: auto; }",
            ".zhifa-login-error { color: #b71c1c; }",
            ".v-select-optiongroup-horizontal.zhifa-categories { white-space: normal; }",
            ".v-select-optiongroup-horizontal.zhifa-categories .v-select-option { margin: 2px 12px 2px 0; }",
            // case screens: due badges, read-only banner, timeline
            ".zhifa-badge { font-size: 13px; padding: 2px 8px; border-radius: 10px; }",
            ".zhifa-badge.zhifa-due-overdue, .v-grid-cell.zhifa-due-overdue { background-color: #c62828; color: #fff; font-weight: 600; }",
            ".zhifa-badge.zhifa-due-soon, .v-grid-cell.zhifa-due-soon { background-color: #ffb300; color: #3e2723; font-weight: 600; }",
            ".zhifa-badge.zhifa-due-normal, .v-grid-cell.zhifa-due-normal { background-color: #e8f5e9; color: #1b5e20; }",
            ".zhifa-badge.zhifa-open { background-color: #dbe7f3; color: #1f4e79; }",
            ".zhifa-badge.zhifa-closed { background-color: #e0e0e0; color: #424242; }",
            ".v-grid-row.zhifa-readonly-row > td { color: #9e9e9e; font-style: italic; }",
            ".zhifa-banner { background-color: #fdecea; color: #b71c1c; border: 1px solid #ef9a9a; padding: 8px 12px; font-weight: 600; white-space: normal; }",
            ".zhifa-text-overdue { color: #b71c1c; font-weight: 600; }",
            ".zhifa-text-soon { color: #8a5300; font-weight: 600; }",
            ".zhifa-wrap { flex-wrap: wrap; }",
            ".zhifa-event { border-left: 3px solid #1f4e79; padding: 4px 10px; margin: 6px 0; background: #f8f9fb; }",
            ".zhifa-event-head { font-weight: 600; }",
            ".zhifa-event-fields { font-family: inherit; white-space: pre-wrap; color: #37474f; margin: 0; }");

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
