package org.zhifa.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** The two hash algorithms a bureau's log may use: SHA-256 (the JDK) and SM3 (国密, BouncyCastle). */
abstract class Hashing {
    static final String SHA256 = "SHA-256";
    static final String SM3 = "SM3";

    /** Null for an algorithm this verifier does not know. */
    static Hashing of(String algorithm) {
        if (SHA256.equalsIgnoreCase(algorithm)) {
            return new Hashing() {
                private final MessageDigest md = sha256();

                @Override void update(byte[] b, int off, int len) { md.update(b, off, len); }

                @Override byte[] digest() { return md.digest(); }
            };
        }
        if (SM3.equalsIgnoreCase(algorithm)) {
            return new Hashing() {
                private final SM3Digest d = new SM3Digest();

                @Override void update(byte[] b, int off, int len) { d.update(b, off, len); }

                @Override byte[] digest() {
                    byte[] out = new byte[d.getDigestSize()];
                    d.doFinal(out, 0);
                    return out;
                }
            };
        }
        return null;
    }

    abstract void update(byte[] b, int off, int len);

    /** Finishes and resets. */
    abstract byte[] digest();

    final Hashing update(byte[] b) {
        update(b, 0, b.length);
        return this;
    }

    final Hashing update(byte b) {
        return update(new byte[] {b});
    }

    /** Hashes a stream to its end; returns {hash, size}. */
    final Object[] stream(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            update(buf, 0, n);
            size += n;
        }
        return new Object[] {hex(digest()), size};
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] unhex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance(SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
