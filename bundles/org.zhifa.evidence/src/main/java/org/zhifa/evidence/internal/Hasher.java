package org.zhifa.evidence.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

import org.zhifa.api.common.ZhifaException;

/** The content hash of the bureau's log: SHA-256 from the JDK, or SM3 from BouncyCastle's lightweight API. */
final class Hasher {

    /** An incremental digest. */
    interface Digest {
        void update(byte[] b, int off, int len);

        byte[] finish();
    }

    private final String algorithm;
    private final Supplier<Digest> factory;

    private Hasher(String algorithm, Supplier<Digest> factory) {
        this.algorithm = algorithm;
        this.factory = factory;
    }

    static Hasher of(String algorithm) {
        if ("SHA-256".equalsIgnoreCase(algorithm)) {
            return new Hasher("SHA-256", () -> {
                try {
                    MessageDigest md = MessageDigest.getInstance("SHA-256");
                    return new Digest() {
                        @Override
                        public void update(byte[] b, int off, int len) {
                            md.update(b, off, len);
                        }

                        @Override
                        public byte[] finish() {
                            return md.digest();
                        }
                    };
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        if ("SM3".equalsIgnoreCase(algorithm)) {
            try {
                Class.forName("org.bouncycastle.crypto.digests.SM3Digest", false, Hasher.class.getClassLoader());
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                throw Messages.error(ZhifaException.Kind.UNAVAILABLE, "evidence.sm3.unavailable", null);
            }
            return new Hasher("SM3", Sm3::new);
        }
        throw new IllegalArgumentException("unknown hash algorithm " + algorithm);
    }

    String algorithm() {
        return algorithm;
    }

    Digest digest() {
        return factory.get();
    }

    /** Hex length of a hash: both algorithms give 256 bits. */
    static boolean looksLikeHash(String s) {
        return s != null && s.matches("[0-9a-f]{64}");
    }

    /** Kept apart so the BouncyCastle classes load only for SM3 bureaus. */
    private static final class Sm3 implements Digest {
        private final org.bouncycastle.crypto.digests.SM3Digest d = new org.bouncycastle.crypto.digests.SM3Digest();

        @Override
        public void update(byte[] b, int off, int len) {
            d.update(b, off, len);
        }

        @Override
        public byte[] finish() {
            byte[] out = new byte[d.getDigestSize()];
            d.doFinal(out, 0);
            return out;
        }
    }
}
