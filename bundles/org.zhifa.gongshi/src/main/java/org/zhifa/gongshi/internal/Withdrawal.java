package org.zhifa.gongshi.internal;

import java.time.Instant;

import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.WithdrawalGround;

/** One row of the public takedown log (D4). */
record Withdrawal(long id, String publicId, int version, ItemType type, String title, String caseNumber,
                  String kindTitle, WithdrawalGround ground, String reason, Instant withdrawnAt) {
}
