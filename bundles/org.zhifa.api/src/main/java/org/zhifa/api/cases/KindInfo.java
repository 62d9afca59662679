package org.zhifa.api.cases;

import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.Procedure;

/** An installed enforcement kind as front ends show it. */
public record KindInfo(String id, String titleZh, String titleEn, String numberCode, Procedure procedure,
                       DisclosureRule disclosure) {
}
