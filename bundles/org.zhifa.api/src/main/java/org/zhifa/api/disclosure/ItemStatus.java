package org.zhifa.api.disclosure;

/**
 * Where a disclosure item stands.
 * <ul>
 * <li>PENDING — waiting for approval; its deadline runs</li>
 * <li>PUBLISHED — approved and handed to the outbox for every channel</li>
 * <li>WITHHELD — never published online (the party is a minor, D5); the reason is recorded</li>
 * <li>WITHDRAWN — taken down with a published reason (D4)</li>
 * <li>EXPIRED — its posting period ended and it left the public channels (D6)</li>
 * </ul>
 */
public enum ItemStatus { PENDING, PUBLISHED, WITHHELD, WITHDRAWN, EXPIRED }
