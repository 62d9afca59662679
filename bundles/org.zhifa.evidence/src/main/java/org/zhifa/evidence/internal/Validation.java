package org.zhifa.evidence.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceDraft;

/** Input checks of the store: metadata is plain text, never markup, never a path. */
final class Validation {

    static final Pattern STEP = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final Pattern MEDIA_TYPE = Pattern.compile("(audio|video|image|application|text)/[a-z0-9][a-z0-9.+-]{0,99}");
    static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Validation() {}

    static EvidenceDraft draft(EvidenceDraft d) {
        if (d == null) {
            throw Messages.invalid("evidence.draft.missing", null);
        }
        String fileName = fileName(d.fileName());
        String mediaType = d.mediaType() == null || d.mediaType().isBlank() ? "application/octet-stream"
                : d.mediaType().trim().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw Messages.invalid("evidence.mediaType.invalid", "mediaType", shorten(mediaType));
        }
        if (d.caseId() != null && d.caseId() <= 0) {
            throw Messages.invalid("evidence.case.unknown", "caseId", d.caseId());
        }
        String step = blankToNull(d.step());
        if (step != null && !STEP.matcher(step).matches()) {
            throw Messages.invalid("evidence.step.invalid", "step", shorten(step));
        }
        if (d.caseId() != null && step == null) {
            throw Messages.invalid("evidence.step.missing", "step");
        }
        String deviceId = blankToNull(d.deviceId());
        if (deviceId != null && !DEVICE_ID.matcher(deviceId).matches()) {
            throw Messages.invalid("evidence.device.id.invalid", "deviceId", shorten(deviceId));
        }
        String place = text(d.place(), "place", 255);
        String note = text(d.note(), "note", 2000);
        if (d.recordedTo() != null && d.recordedFrom() == null) {
            throw Messages.invalid("evidence.recorded.order", "recordedFrom");
        }
        if (d.recordedFrom() != null && d.recordedTo() != null && d.recordedTo().isBefore(d.recordedFrom())) {
            throw Messages.invalid("evidence.recorded.order", "recordedTo");
        }
        Instant soon = Instant.now().plusSeconds(300);
        if (d.recordedFrom() != null && d.recordedFrom().isAfter(soon)
                || d.recordedTo() != null && d.recordedTo().isAfter(soon)) {
            throw Messages.invalid("evidence.recorded.future", "recordedFrom");
        }
        return new EvidenceDraft(fileName, mediaType, d.caseId(), step, deviceId, place, d.recordedFrom(),
                d.recordedTo(), note);
    }

    static String fileName(String name) {
        if (name == null || name.isBlank()) {
            throw Messages.invalid("evidence.fileName.missing", "fileName");
        }
        String n = name.strip();
        if (n.length() > 255) {
            throw Messages.invalid("evidence.fileName.long", "fileName", 255);
        }
        if (n.equals(".") || n.contains("..") || n.indexOf('/') >= 0 || n.indexOf('\\') >= 0 || n.indexOf(':') >= 0
                || hasControl(n) || hasMarkup(n)) {
            throw Messages.invalid("evidence.fileName.invalid", "fileName");
        }
        return n;
    }

    /** Optional free text: at most {@code max} characters, no control characters, no markup. */
    static String text(String value, String field, int max) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (v.length() > max) {
            throw Messages.invalid("evidence.text.long", field, field, max);
        }
        if (hasControl(v.replace('\n', ' ').replace('\t', ' ')) || hasMarkup(v)) {
            throw Messages.invalid("evidence.text.invalid", field, field);
        }
        return v;
    }

    static String required(String value, String field, int max) {
        String v = text(value, field, max);
        if (v == null) {
            throw Messages.invalid("evidence.field.missing", field, field);
        }
        return v;
    }

    static Device device(Device d) {
        if (d == null) {
            throw Messages.invalid("evidence.draft.missing", null);
        }
        if (d.id() == null || !DEVICE_ID.matcher(d.id()).matches()) {
            throw Messages.invalid("evidence.device.id.invalid", "id", d.id() == null ? "" : shorten(d.id()));
        }
        String type = required(d.type(), "type", 50);
        if (d.status() == null) {
            throw Messages.invalid("evidence.field.missing", "status", "status");
        }
        if (d.clockCheckedAt() != null && d.clockCheckedAt().isAfter(Instant.now().plusSeconds(300))) {
            throw Messages.invalid("evidence.device.clock.future", "clockCheckedAt");
        }
        return new Device(d.id(), type, text(d.model(), "model", 100), text(d.holder(), "holder", 100), d.status(),
                d.clockCheckedAt(), text(d.note(), "note", 2000), d.revision(), null, null);
    }

    static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    static boolean hasMarkup(String s) {
        return s.indexOf('<') >= 0 || s.indexOf('>') >= 0;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String shorten(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}<>]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
