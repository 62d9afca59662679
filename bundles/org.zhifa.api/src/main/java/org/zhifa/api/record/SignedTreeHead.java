package org.zhifa.api.record;

import java.time.Instant;

/**
 * A signed tree head: the bureau's signed statement of the log's size and root at a time.
 *
 * @param rootHash      hex
 * @param hashAlgorithm {@code SHA-256} or {@code SM3}
 * @param keyId         hex SHA-256 of the signing public key's X.509 encoding
 * @param signature     base64 Ed25519 signature over {@link #signedBytes()}
 */
public record SignedTreeHead(String bureau, long treeSize, Instant timestamp, String rootHash,
                             String hashAlgorithm, String keyId, String signature) {

    /**
     * What is signed: the UTF-8 of {@code zhifa-sth-v1\n<bureau>\n<hashAlgorithm>\n<treeSize>\n
     * <timestamp ISO-8601 UTC millis>\n<rootHash hex>}.
     */
    public byte[] signedBytes() {
        return ("zhifa-sth-v1\n" + bureau + "\n" + hashAlgorithm + "\n" + treeSize + "\n"
                + CanonicalJson.instant(timestamp) + "\n" + rootHash).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
