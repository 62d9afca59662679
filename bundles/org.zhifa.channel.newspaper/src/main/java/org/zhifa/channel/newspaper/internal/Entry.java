package org.zhifa.channel.newspaper.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.WithdrawalGround;

/**
 * One entry of an edition: an item printed for the first time, a correction (a newer version of an item
 * printed in an earlier period) or a withdrawal notice (更正/撤销) of an item printed in an earlier period.
 * Every text comes from what the outbox delivered: the redacted public item, never the staff copy.
 */
record Entry(Kind kind, String publicId, int version, ItemType type, String title, String caseNumber, String party,
             LocalDate decidedOn, Instant publishedAt, Instant firstPublishedAt, String text, Instant withdrawnAt,
             WithdrawalGround ground, String reason) {

    enum Kind { NEW, CORRECTION, WITHDRAWAL }
}
