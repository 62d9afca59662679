package org.zhifa.record.internal;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.zhifa.api.record.Merkle;

/** SM3 (GB/T 32905-2016, 国密) from BouncyCastle's lightweight API; a new digest per call, so thread-safe. */
final class Sm3Hasher implements Merkle.Hasher {
    static final Sm3Hasher INSTANCE = new Sm3Hasher();

    @Override
    public String algorithm() {
        return "SM3";
    }

    @Override
    public byte[] hash(byte[]... parts) {
        SM3Digest d = new SM3Digest();
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    /** The hasher of a stored algorithm name. */
    static Merkle.Hasher of(String algorithm) {
        return switch (algorithm) {
            case "SHA-256" -> Merkle.SHA256;
            case "SM3" -> INSTANCE;
            default -> throw new IllegalArgumentException("hash algorithm " + algorithm + " is not SHA-256 or SM3");
        };
    }
}
