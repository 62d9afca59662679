package org.zhifa.record.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The bureau's Ed25519 key for signed tree heads: the private key as PKCS#8 PEM (mode 600), the public
 * key as X.509 SubjectPublicKeyInfo PEM beside it ({@code <file>.pub.pem}); both created on first start.
 */
final class SigningKey {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String publicPem;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicPem = pem("PUBLIC KEY", publicKey.getEncoded());
        this.keyId = keyId(publicKey);
    }

    /** Loads the key of {@code file}, or creates and writes one when neither file exists. */
    static SigningKey loadOrCreate(Path file) {
        Path pub = publicFile(file);
        try {
            if (!Files.exists(file)) {
                if (Files.exists(pub)) {
                    throw new IllegalStateException("the record's public key " + pub + " is there but its private key "
                            + file + " is missing; restore it or move the public key away to start a new key");
                }
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.createDirectories(file.toAbsolutePath().getParent());
                write(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
                write(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
                return new SigningKey(pair.getPrivate(), pair.getPublic());
            }
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(file), "PRIVATE KEY")));
            if (!Files.exists(pub)) {
                throw new IllegalStateException("the record's private key " + file + " has no public key " + pub);
            }
            PublicKey publicKey = publicKey(Files.readString(pub));
            SigningKey key = new SigningKey(priv, publicKey);
            byte[] probe = "zhifa-key-check".getBytes(StandardCharsets.UTF_8);
            if (!verify(publicKey, probe, key.sign(probe))) {
                throw new IllegalStateException("the record's keys " + file + " and " + pub + " do not belong together");
            }
            return key;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or create the record's signing key " + file + ": " + e, e);
        }
    }

    static Path publicFile(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(base + ".pub.pem");
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        try {
            if (secret) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " appeared while creating the key", e);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
    }

    String sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code signature} (base64) is {@code key}'s Ed25519 signature of {@code data}. */
    static boolean verify(PublicKey key, byte[] data, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    }

    /** Hex SHA-256 of the key's X.509 encoding. */
    static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("no " + type + " in PEM");
        }
        return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
    }

    PublicKey publicKey() {
        return publicKey;
    }

    String publicPem() {
        return publicPem;
    }

    String keyId() {
        return keyId;
    }
}
