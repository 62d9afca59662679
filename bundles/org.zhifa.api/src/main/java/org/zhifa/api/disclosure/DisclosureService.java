package org.zhifa.api.disclosure;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;

/**
 * Disclosure items and the outbox (D3–D7, C1). Every change appends a record entry (object type
 * {@code disclosure}) in the same transaction. Reading needs a staff role; creating an officer;
 * approving, correcting and withdrawing a 负责人 (or 管理员); retrying the outbox a 管理员 or 负责人.
 * Refusals are {@link org.zhifa.api.common.ZhifaException}s with a code.
 */
@ProviderType
public interface DisclosureService {

    Page<DisclosureItem> items(ItemQuery query, Actor actor);

    Optional<DisclosureItem> item(long id, Actor actor);

    /** A notice, a paper decision or a catalogue version; a minor party's item is WITHHELD at once. */
    DisclosureItem create(ItemDraft draft, Actor actor);

    /** The redacted text with {@code extraMasks} added, side by side with the whole text. */
    Redaction preview(long id, List<String> extraMasks, Actor actor);

    /**
     * Approves and publishes the item's current version with {@code extraMasks}: every channel gets it
     * through the outbox. Refused for a minor party (PARTY_MINOR) and unless PENDING.
     */
    DisclosureItem approve(long id, List<String> extraMasks, Actor actor);

    /**
     * A correction on request (纠错, D7): a new version of the text; published again at once when the
     * item is published. {@code request} says who asked and why; both are recorded.
     */
    DisclosureItem correct(long id, String text, String request, Actor actor);

    /** Records that a published item must be withdrawn: due within the configured working days (3, D4). */
    DisclosureItem requestWithdrawal(long id, WithdrawalGround ground, String reason, Actor actor);

    /** Takes a published item down on every channel with a published reason (D4). */
    DisclosureItem withdraw(long id, WithdrawalGround ground, String reason, Actor actor);

    /** Withdraws every published item whose posting period has ended (D6); returns how many. */
    int expire(Actor actor);

    /** The redacted public form of the item's current version (what channels get). */
    PublicItem publicForm(long id, Actor actor);

    /**
     * @param state null for every entry not DONE, else that state
     */
    Page<OutboxEntry> outbox(OutboxState state, String channel, int offset, int limit, Actor actor);

    /** Tries a FAILED or waiting entry again now. */
    OutboxEntry retry(long outboxId, Actor actor);

    List<ChannelStatus> channels(Actor actor);
}
