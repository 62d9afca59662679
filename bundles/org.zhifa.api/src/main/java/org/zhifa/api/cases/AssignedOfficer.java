package org.zhifa.api.cases;

/** An officer on a case, as assigned; {@code certificateValid} is checked on today's date. */
public record AssignedOfficer(long officerId, String name, String certificateNo, boolean certificateValid) {
}
