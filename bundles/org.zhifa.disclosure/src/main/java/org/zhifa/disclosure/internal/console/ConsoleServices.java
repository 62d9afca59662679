package org.zhifa.disclosure.internal.console;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.record.RecordService;

/**
 * What the disclosure views need: the service, and what optional neighbours add when installed (the kinds
 * for the kind filter and the creation form, the record for an item's history).
 */
record ConsoleServices(DisclosureService disclosure, Supplier<List<KindInfo>> kinds,
                       Supplier<Optional<RecordService>> record) {

    List<KindInfo> kindsOrNone() {
        try {
            return kinds.get();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
