package org.zhifa.console.internal;

import java.util.function.Supplier;

import org.zhifa.api.common.Authenticator;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.RecordService;

/** What a browser session of the console uses; handed from the servlet component to each UI. */
record ConsoleServices(PersonnelService personnel, Supplier<BureauInfo> bureau, ViewRegistry views,
                       Authenticator authenticator, Supplier<RecordService> record) {

    /** The record's last verification; empty while none ran or no record is installed. */
    java.util.Optional<org.zhifa.api.record.VerificationReport> lastVerification() {
        RecordService r = record.get();
        return r == null ? java.util.Optional.empty() : r.lastVerification();
    }
}
