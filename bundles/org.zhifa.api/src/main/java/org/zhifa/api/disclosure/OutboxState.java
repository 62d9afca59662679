package org.zhifa.api.disclosure;

/** An outbox entry's state: waiting for its first try or its channel, retrying after a failure, pending on
 * the far side, delivered, or failed until a manual retry. */
public enum OutboxState { WAITING, RETRYING, PENDING, DONE, FAILED }
