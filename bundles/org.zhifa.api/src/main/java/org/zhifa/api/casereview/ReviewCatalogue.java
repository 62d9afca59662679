package org.zhifa.api.casereview;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scoring items of a case-file review (评查标准), as configured: items (执法主体, 事实认定, 证据 …)
 * with their points, each split into sub-items that say what is deducted for. A round is scored with
 * the version it was created with, even after the bureau ships a newer one.
 *
 * @param version     the catalogue's version, e.g. {@code 2026-1}; stored with every round
 * @param title       its name, e.g. 行政执法案卷评查标准
 */
public record ReviewCatalogue(String version, String title, String effectiveFrom, List<Item> items) {
    public ReviewCatalogue {
        items = List.copyOf(items);
    }

    /** Points of the whole catalogue: the sum of its items. */
    public BigDecimal total() {
        return items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Optional<Item> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The sub-item with this code and the item it belongs to. */
    public Optional<Item> itemOfSubItem(String subItemCode) {
        return items.stream().filter(i -> i.subItems().stream().anyMatch(s -> s.code().equals(subItemCode)))
                .findFirst();
    }

    /** A scoring item, e.g. 证据 (20 points). */
    public record Item(String code, String title, BigDecimal points, List<SubItem> subItems) {
        public Item {
            subItems = List.copyOf(subItems);
        }

        public Optional<SubItem> subItem(String code) {
            return subItems.stream().filter(s -> s.code().equals(code)).findFirst();
        }
    }

    /** What may be deducted under an item, at most {@code points}, e.g. 证据未注明来源 (5 points). */
    public record SubItem(String code, String title, BigDecimal points) {}
}
