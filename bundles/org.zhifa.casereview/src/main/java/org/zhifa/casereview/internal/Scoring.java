package org.zhifa.casereview.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.casereview.Deduction;
import org.zhifa.api.casereview.Grade;
import org.zhifa.api.casereview.ReviewCatalogue;
import org.zhifa.api.casereview.ReviewResult.ItemScore;

/**
 * The arithmetic of a result: an item scores its points less its deductions; a deduction names a sub-item
 * and takes off at most the sub-item's points; the deductions of a sub-item together take off at most its
 * points, those of an item at most the item's points; the total is the sum of the items.
 */
final class Scoring {

    record Scored(List<ItemScore> items, List<Deduction> deductions, BigDecimal total) {}

    /** The grade thresholds: a score of at least {@code excellentFrom} is 优秀, of at least {@code passFrom} 合格. */
    record Thresholds(BigDecimal excellentFrom, BigDecimal passFrom) {
        Thresholds {
            if (passFrom.signum() < 0 || passFrom.compareTo(excellentFrom) > 0) {
                throw new IllegalArgumentException("thresholds need 0 <= passFrom <= excellentFrom, got "
                        + passFrom + " and " + excellentFrom);
            }
        }

        static Thresholds parse(String excellentFrom, String passFrom) {
            return new Thresholds(new BigDecimal(excellentFrom.strip()), new BigDecimal(passFrom.strip()));
        }

        Grade grade(BigDecimal score) {
            if (score.compareTo(excellentFrom) >= 0) {
                return Grade.EXCELLENT;
            }
            return score.compareTo(passFrom) >= 0 ? Grade.PASS : Grade.FAIL;
        }
    }

    private Scoring() {}

    static Scored score(ReviewCatalogue catalogue, List<Deduction> input) {
        Map<String, BigDecimal> bySub = new HashMap<>();
        Map<String, BigDecimal> byItem = new HashMap<>();
        List<Deduction> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Deduction d = input.get(i);
            String field = "deductions[" + i + "]";
            if (d == null) {
                throw Messages.invalid("casereview.deduction.missing", field);
            }
            String subCode = d.subItemCode() == null ? "" : d.subItemCode().strip();
            ReviewCatalogue.Item item = catalogue.itemOfSubItem(subCode).orElseThrow(() -> Messages.invalid(
                    "casereview.deduction.unknown", field + ".subItemCode", subCode, catalogue.version()));
            ReviewCatalogue.SubItem sub = item.subItem(subCode).orElseThrow();
            BigDecimal points = d.points();
            if (points == null || points.signum() <= 0 || points.stripTrailingZeros().scale() > 2) {
                throw Messages.invalid("casereview.deduction.points", field + ".points", subCode);
            }
            points = points.setScale(2);
            String reason = d.reason() == null ? "" : d.reason().strip();
            if (reason.isEmpty() || reason.length() > 1000) {
                throw Messages.invalid("casereview.deduction.reason", field + ".reason", subCode);
            }
            BigDecimal subSum = bySub.merge(subCode, points, BigDecimal::add);
            if (subSum.compareTo(sub.points()) > 0) {
                throw Messages.invalid("casereview.deduction.subitem.exceeded", field + ".points", subCode,
                        sub.points().toPlainString(), subSum.toPlainString());
            }
            BigDecimal itemSum = byItem.merge(item.code(), points, BigDecimal::add);
            if (itemSum.compareTo(item.points()) > 0) {
                throw Messages.invalid("casereview.deduction.item.exceeded", field + ".points", item.title(),
                        item.points().toPlainString(), itemSum.toPlainString());
            }
            out.add(new Deduction(subCode, item.code(), points, reason));
        }
        List<ItemScore> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (ReviewCatalogue.Item item : catalogue.items()) {
            BigDecimal score = item.points().subtract(byItem.getOrDefault(item.code(), BigDecimal.ZERO)).setScale(2);
            items.add(new ItemScore(item.code(), item.title(), item.points().setScale(2), score));
            total = total.add(score);
        }
        return new Scored(items, out, total);
    }
}
