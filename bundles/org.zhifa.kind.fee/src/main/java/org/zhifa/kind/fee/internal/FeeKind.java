package org.zhifa.kind.fee.internal;

import static org.zhifa.api.common.ZhifaException.Kind.CONFLICT;
import static org.zhifa.api.common.ZhifaException.Kind.INVALID;
import static org.zhifa.kind.fee.internal.FeeProcedure.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.KindTexts;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TransitionCheck;

/**
 * 行政收费 (administrative fees): only items on the fee list, at no more than their standard
 * (《价格法》第四十七条: 严格控制收费项目，限定收费范围、标准); relief by the 负责人 on a stated basis.
 */
@Component(service = EnforcementKind.class, property = EnforcementKind.PROPERTY_KIND + "=fee",
        configurationPid = "org.zhifa.kind.fee")
@Designate(ocd = FeeConfig.class)
public class FeeKind implements EnforcementKind {

    static final String MESSAGES = "org.zhifa.kind.fee.internal.messages";
    private static final Logger LOG = LoggerFactory.getLogger(FeeKind.class);

    private final FeeConfig cfg;
    private final KindTexts texts;
    private final FeeList list;
    private final Procedure procedure;

    @Activate
    public FeeKind(FeeConfig cfg) {
        this(cfg, load(resolve(cfg.feeListFile())));
    }

    FeeKind(FeeConfig cfg, FeeList list) {
        this.cfg = cfg;
        this.list = list;
        this.texts = new KindTexts(MESSAGES, FeeKind.class.getClassLoader());
        this.procedure = FeeProcedure.build(texts, list, cfg);
    }

    private static FeeList load(Path file) {
        try {
            FeeList list = FeeList.read(file);
            LOG.info("Fee list {} version {} (effective {}): {} items", file, list.version(), list.effectiveFrom(),
                    list.items().size());
            return list;
        } catch (IOException e) {
            // without its list the kind cannot assess anything: do not register it
            throw new UncheckedIOException("fee list " + file + " unreadable: " + e.getMessage(), e);
        }
    }

    /** Expands {@code ${karaf.etc}} as Karaf sets it, else {@code karaf.base}/etc. */
    static Path resolve(String configured) {
        String etc = System.getProperty("karaf.etc", System.getProperty("karaf.base", ".") + "/etc");
        return Path.of(configured.replace("${karaf.etc}", etc));
    }

    @Override
    public String id() {
        return "fee";
    }

    @Override
    public String title(Locale locale) {
        return texts.text(locale, "kind.title");
    }

    @Override
    public String numberCode() {
        return "费";
    }

    @Override
    public Procedure procedure() {
        return procedure;
    }

    FeeList feeList() {
        return list;
    }

    /** Relief decisions (减免) are published, as other decisions, within 20 working days (D3). */
    /** The 减免 decision (by a 负责人): its type. */
    @Override
    public org.zhifa.api.kind.DecisionFacts decisionFacts(org.zhifa.api.kind.CaseFacts f) {
        return new org.zhifa.api.kind.DecisionFacts(f.text("reliefType").map(List::of).orElse(List.of()),
                java.util.Optional.empty(), java.util.Optional.empty(), false);
    }

    @Override
    public DisclosureRule disclosure() {
        return new DisclosureRule(REDUCED, cfg.disclosureWorkingDays(), List.of("feeItem", "assessedAmount",
                "reliefType", "payableAmount", "reliefBasis", "reliefDecidedOn"));
    }

    @Override
    public void check(TransitionCheck c) {
        switch (c.transition().id()) {
            case ASSESS -> assessment(c);
            case REDUCE -> relief(c);
            case PAY -> payment(c, c.facts().money("assessedAmount").orElseThrow());
            case PAY_AFTER_RELIEF -> payment(c, c.facts().money("payableAmount").orElseThrow());
            case CLOSE_EXEMPT -> {
                if (!EXEMPTION.equals(c.facts().text("reliefType").orElse(""))) {
                    throw texts.error(CONFLICT, "fee.close.not.exempt", null);
                }
            }
            default -> { }
        }
    }

    /** 核定: the item is on the list, the amount within its standard for the quantity. */
    private void assessment(TransitionCheck c) {
        String name = c.value("feeItem").orElseThrow();
        FeeList.Item item = list.item(name)
                .orElseThrow(() -> texts.error(INVALID, "fee.item.unlisted", "feeItem", name, list.version()));
        BigDecimal quantity;
        try {
            quantity = new BigDecimal(c.value("quantity").orElseThrow().trim());
        } catch (NumberFormatException e) {
            throw texts.error(INVALID, "fee.quantity.invalid", "quantity", c.value("quantity").orElse(""));
        }
        if (quantity.signum() <= 0) {
            throw texts.error(INVALID, "fee.quantity.invalid", "quantity", quantity.toPlainString());
        }
        BigDecimal amount = c.money("assessedAmount").orElseThrow();
        BigDecimal[] range = item.range(quantity);
        if (amount.compareTo(range[1]) > 0) {
            throw texts.error(INVALID, "fee.amount.above", "assessedAmount", amount.toPlainString(),
                    range[1].toPlainString(), item.standard(), quantity.toPlainString(), item.basis());
        }
        if (amount.compareTo(range[0]) < 0) {
            throw texts.error(INVALID, "fee.amount.below", "assessedAmount", amount.toPlainString(),
                    range[0].toPlainString(), item.standard(), quantity.toPlainString(), item.basis());
        }
        LocalDate on = c.date("assessedOn").orElseThrow();
        if (on.isBefore(list.effectiveDate())) {
            throw texts.error(INVALID, "fee.list.not.effective", "assessedOn", on, list.version(), list.effectiveDate());
        }
        c.date("paymentDeadline").ifPresent(d -> {
            if (d.isBefore(on)) {
                throw texts.error(INVALID, "fee.deadline.order", "paymentDeadline", d, on);
            }
        });
    }

    /** 减免: 减收 lowers the amount, 免收 makes it nil; never more than assessed. */
    private void relief(TransitionCheck c) {
        BigDecimal assessed = c.facts().money("assessedAmount").orElseThrow();
        BigDecimal payable = c.money("payableAmount").orElseThrow();
        if (EXEMPTION.equals(c.value("reliefType").orElseThrow())) {
            if (payable.signum() != 0) {
                throw texts.error(INVALID, "fee.relief.exempt.amount", "payableAmount", payable.toPlainString());
            }
        } else if (payable.signum() <= 0 || payable.compareTo(assessed) >= 0) {
            throw texts.error(INVALID, "fee.relief.reduce.amount", "payableAmount", payable.toPlainString(),
                    assessed.toPlainString());
        }
        LocalDate assessedOn = c.facts().date("assessedOn").orElseThrow();
        LocalDate decided = c.date("reliefDecidedOn").orElseThrow();
        if (decided.isBefore(assessedOn)) {
            throw texts.error(INVALID, "fee.relief.order", "reliefDecidedOn", decided, assessedOn);
        }
    }

    /** 缴纳: exactly what is payable, after the assessment. */
    private void payment(TransitionCheck c, BigDecimal payable) {
        BigDecimal paid = c.money("paidAmount").orElseThrow();
        if (paid.compareTo(payable) != 0) {
            throw texts.error(INVALID, "fee.paid.amount", "paidAmount", paid.toPlainString(), payable.toPlainString());
        }
        if (payable.signum() == 0) {
            throw texts.error(CONFLICT, "fee.paid.nothing", null);
        }
        LocalDate on = c.date("paidOn").orElseThrow();
        LocalDate assessedOn = c.facts().date("assessedOn").orElseThrow();
        if (on.isBefore(assessedOn)) {
            throw texts.error(INVALID, "fee.paid.order", "paidOn", on, assessedOn);
        }
    }
}
