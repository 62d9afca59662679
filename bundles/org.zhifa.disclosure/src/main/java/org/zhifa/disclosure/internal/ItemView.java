package org.zhifa.disclosure.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.WithdrawalGround;

import com.fasterxml.jackson.databind.JsonNode;

/** An item's rows folded into what staff see: the latest version, the status of the latest event that sets one. */
final class ItemView {
    private ItemView() {}

    /** The fold of an item's events. */
    record Folded(ItemStatus status, List<String> extraMasks, String approvedBy, Instant publishedAt, LocalDate postUntil,
                  LocalDate withdrawalDueOn, WithdrawalGround ground, String reason, Instant withdrawnAt,
                  String withheldReason) {}

    static Folded fold(List<Store.EventRow> events) {
        ItemStatus status = ItemStatus.PENDING;
        List<String> masks = List.of();
        String approvedBy = null;
        Instant publishedAt = null;
        LocalDate postUntil = null;
        LocalDate withdrawalDue = null;
        WithdrawalGround ground = null;
        String reason = null;
        Instant withdrawnAt = null;
        String withheld = null;
        for (Store.EventRow e : events) {
            if (e.status() != null) {
                status = e.status();
            }
            JsonNode d = e.data();
            switch (e.type()) {
                case "APPROVED" -> {
                    masks = Store.strings(d.get("extraMasks"));
                    approvedBy = e.actor();
                    publishedAt = e.at();
                    postUntil = date(d.get("postUntil"));
                }
                case "WITHHELD" -> withheld = text(d.get("reason"));
                case "WITHDRAWAL_REQUESTED" -> {
                    withdrawalDue = date(d.get("dueOn"));
                    ground = WithdrawalGround.valueOf(d.get("ground").asText());
                    reason = text(d.get("reason"));
                }
                case "WITHDRAWN", "EXPIRED" -> {
                    ground = WithdrawalGround.valueOf(d.get("ground").asText());
                    reason = text(d.get("reason"));
                    withdrawnAt = e.at();
                }
                default -> { }
            }
        }
        return new Folded(status, masks, approvedBy, publishedAt, postUntil, withdrawalDue, ground, reason, withdrawnAt,
                withheld);
    }

    static DisclosureItem view(Store.ItemRow r, Store.VersionRow latest, List<Store.EventRow> events, LocalDate today,
                               WorkingDays days, Settings settings) {
        Folded f = fold(events);
        boolean publishLate = f.status() == ItemStatus.PENDING && today.isAfter(r.dueOn());
        boolean withdrawalOpen = f.status() == ItemStatus.PUBLISHED && f.withdrawalDueOn() != null;
        boolean withdrawalLate = withdrawalOpen && today.isAfter(f.withdrawalDueOn());
        boolean late = publishLate || withdrawalLate;
        boolean soon = !late && ((f.status() == ItemStatus.PENDING && days.between(today, r.dueOn()) <= settings.warningWorkingDays())
                || (withdrawalOpen && days.between(today, f.withdrawalDueOn()) <= settings.warningWorkingDays()));
        return new DisclosureItem(r.id(), r.publicId(), r.type(), r.caseId(), r.caseNumber(), r.kind(), r.kindTitleZh(),
                r.title(), r.partyName(), r.partyPerson(), r.partyMinor(), r.decidedOn(), r.dueOn(), f.status(),
                latest.version(), latest.text(), r.knownNames(), f.extraMasks(), r.major(), r.createdBy(), r.createdAt(),
                f.approvedBy(), f.publishedAt(), f.postUntil(), f.withdrawalDueOn(), f.ground(), f.reason(),
                f.withdrawnAt(), f.withheldReason(), late, soon);
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
