package org.zhifa.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.Reviewer;

/**
 * Puts the demo user {@code reviewer} in the legal reviewers' register (法律职业资格, one training), so that
 * the demo bureau can review a major decision at once. Runs when legal review is installed and its
 * register is empty.
 */
@Component(immediate = true)
public class DemoReviewers {
    private static final Logger LOG = LoggerFactory.getLogger(DemoReviewers.class);
    private static final Actor LOADER = new Actor("demo-loader", Set.of(Roles.ADMIN));

    @Activate
    public DemoReviewers(@Reference LegalReviewService review) {
        if (!review.reviewers(LOADER).isEmpty()) {
            return;
        }
        review.saveReviewer(new Reviewer("reviewer", "刘法审", "政策法规科", true, "A20214304210001", true, 0, List.of()),
                LOADER);
        review.addTraining("reviewer", new Reviewer.Training(LocalDate.of(2026, 3, 12), new BigDecimal("16"),
                "新修订《行政处罚法》与重大执法决定法制审核"), LOADER);
        LOG.info("demo bureau: registered the demo legal reviewer");
    }
}
