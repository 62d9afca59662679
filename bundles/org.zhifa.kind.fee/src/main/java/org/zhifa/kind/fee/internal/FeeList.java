package org.zhifa.kind.fee.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fee list (行政事业性收费目录清单): what the bureau may charge, on which legal basis, at which
 * standard. It is data: a versioned JSON file the bureau replaces when the province publishes a new list.
 */
record FeeList(String version, String effectiveFrom, String issuer, String note, List<Item> items) {

    /** 按计量单位 (元 per unit) or 按基数百分比 (percent of a base amount in 元). */
    enum Per { UNIT, PERCENT }

    /** One fee item; the standard is {@code rateMin}..{@code rateMax} per unit (or percent); equal when fixed. */
    record Item(String code, String name, String basis, String unit, Per per, BigDecimal rateMin, BigDecimal rateMax) {

        /** The lowest and highest lawful amount for {@code quantity} units (or a base of that many 元). */
        BigDecimal[] range(BigDecimal quantity) {
            BigDecimal divisor = per == Per.PERCENT ? BigDecimal.valueOf(100) : BigDecimal.ONE;
            return new BigDecimal[] {
                    rateMin.multiply(quantity).divide(divisor, 2, RoundingMode.HALF_UP),
                    rateMax.multiply(quantity).divide(divisor, 2, RoundingMode.HALF_UP)};
        }

        /** The standard as people write it, e.g. 80元/件, 6–15元/平方米, 20%. */
        String standard() {
            String rate = rateMin.compareTo(rateMax) == 0 ? rateMin.toPlainString()
                    : rateMin.toPlainString() + "–" + rateMax.toPlainString();
            return per == Per.PERCENT ? rate + "%（基数：" + unit + "）" : rate + "元/" + unit;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static FeeList read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Parses and validates: names and codes unique, rates non-negative and ordered, every part present. */
    static FeeList read(InputStream in) throws IOException {
        FeeList list = MAPPER.readValue(in, FeeList.class);
        if (list.version() == null || list.version().isBlank() || list.items() == null || list.items().isEmpty()) {
            throw new IOException("fee list needs a version and items");
        }
        try {
            list.effectiveDate();
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            throw new IOException("fee list effectiveFrom is not a date: " + list.effectiveFrom());
        }
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Item i : list.items()) {
            if (i.code() == null || i.name() == null || i.basis() == null || i.unit() == null || i.per() == null
                    || i.rateMin() == null || i.rateMax() == null) {
                throw new IOException("fee item incomplete: " + i);
            }
            if (!names.add(i.name()) || !codes.add(i.code())) {
                throw new IOException("fee item listed twice: " + i.code() + " " + i.name());
            }
            if (i.rateMin().signum() < 0 || i.rateMin().compareTo(i.rateMax()) > 0) {
                throw new IOException("fee item " + i.code() + ": rates must be 0 ≤ rateMin ≤ rateMax");
            }
        }
        return list;
    }

    /** The day the list takes effect (yyyy-MM-dd). */
    LocalDate effectiveDate() {
        return LocalDate.parse(effectiveFrom);
    }

    Optional<Item> item(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    String[] names() {
        return items.stream().map(Item::name).toArray(String[]::new);
    }
}
