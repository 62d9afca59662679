package org.zhifa.api.spotcheck;

import java.util.List;

/**
 * One public source of randomness announced before the draw (RFC 3797 §3.1), e.g. the numbers of a
 * government lottery drawn on a named day after the draw was announced.
 *
 * @param label   what it is, for people (not part of the key), e.g. 2026-12-01 福利彩票“双色球”开奖号码
 * @param values  its values as published; integers are written without leading zeros, other values are
 *                upper-cased with white space removed
 * @param ordered false when the source's values have no order of their own (lottery balls): they are then
 *                sorted, as RFC 3797 §4 does
 */
public record SeedSource(String label, List<String> values, boolean ordered) {
    public SeedSource {
        values = List.copyOf(values);
    }
}
