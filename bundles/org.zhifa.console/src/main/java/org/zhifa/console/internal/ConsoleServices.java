package org.zhifa.console.internal;

import java.util.function.Supplier;

import org.zhifa.api.common.Authenticator;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.personnel.PersonnelService;

/** What a browser session of the console uses; handed from the servlet component to each UI. */
record ConsoleServices(PersonnelService personnel, Supplier<BureauInfo> bureau, ViewRegistry views,
                       Authenticator authenticator) {
}
