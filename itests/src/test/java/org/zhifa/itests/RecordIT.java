package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.InclusionProof;
import org.zhifa.api.record.Merkle;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Officers;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The record as a third party sees it: the signed tree head, proofs and public key over public REST,
 * checked client-side with {@link Merkle} and the JDK's Ed25519; verification by REST and zhifa:verify.
 */
class RecordIT {
    private final Bureau bureau = Bureau.shared();

    private static PublicKey key(String pem) throws Exception {
        String b64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theSignedTreeHeadAndProofsVerifyWithoutTrustingTheBureau() throws Exception {
        // a write through another part (the register); it reaches the record once the register is wired to it
        HttpResponse<String> created = bureau.send("POST", "/api/v1/personnel", "admin",
                Json.write(Officers.draft("记录核验员", Officers.certificate("REC"))));
        assertEquals(201, created.statusCode(), created.body());

        HttpResponse<String> r = bureau.get("/api/v1/record/sth", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode sth = Json.parse(r.body());
        long size = sth.get("treeSize").asLong();
        assertTrue(size >= 0);
        String algorithm = sth.get("hashAlgorithm").asText();
        assertEquals("SHA-256", algorithm);
        String pem = bureau.get("/api/v1/record/public-key", null).body();
        assertEquals(sth.get("publicKey").asText(), pem);
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(key(pem));
        s.update(("zhifa-sth-v1\n" + sth.get("bureau").asText() + "\n" + algorithm + "\n" + size + "\n"
                + sth.get("timestamp").asText() + "\n" + sth.get("rootHash").asText()).getBytes(StandardCharsets.UTF_8));
        assertTrue(s.verify(Base64.getDecoder().decode(sth.get("signature").asText())), "the head's signature");
        if (size == 0) {
            assertEquals(Merkle.hex(Merkle.emptyRoot(Merkle.SHA256)), sth.get("rootHash").asText());
        }

        String root = sth.get("rootHash").asText();
        for (long seq = 0; seq < size && seq < 64; seq++) {
            JsonNode p = Json.parse(bureau.get("/api/v1/record/proof/inclusion?seq=" + seq + "&size=" + size, null).body());
            InclusionProof proof = new InclusionProof(p.get("leafIndex").asLong(), p.get("treeSize").asLong(),
                    p.get("leafHash").asText(), strings(p.get("path")));
            assertTrue(Merkle.verify(Merkle.SHA256, proof, root), "entry " + seq);
        }
        JsonNode history = Json.parse(bureau.get("/api/v1/record/sth/history?limit=1000", null).body());
        assertTrue(history.get("total").asLong() >= 1);
        for (JsonNode older : history.get("items")) {
            long first = older.get("treeSize").asLong();
            JsonNode c = Json.parse(bureau.get("/api/v1/record/proof/consistency?first=" + first + "&second=" + size,
                    null).body());
            ConsistencyProof proof = new ConsistencyProof(first, size, strings(c.get("path")));
            assertTrue(Merkle.verify(Merkle.SHA256, proof, older.get("rootHash").asText(), root),
                    "head of " + first + " is a prefix of " + size);
        }
    }

    @Test
    void badProofRequestsAnswer400WithBothLanguages() {
        for (String q : new String[] {"proof/inclusion?seq=abc", "proof/inclusion", "proof/inclusion?seq=-1&size=1",
                "proof/inclusion?seq=0&size=999999999", "proof/consistency?first=5&second=2",
                "proof/consistency?second=1", "sth/history?limit=0"}) {
            HttpResponse<String> r = bureau.get("/api/v1/record/" + q, null);
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            JsonNode e = Json.parse(r.body());
            assertFalse(e.get("code").asText().isBlank(), q);
            assertFalse(e.get("message_zh").asText().isBlank(), q);
            assertFalse(e.get("message_en").asText().isBlank(), q);
        }
    }

    @Test
    void entriesNeedStaffAndVerifyingALeader() {
        assertEquals(401, bureau.get("/api/v1/record/entries?objectType=officer&objectId=1", null).statusCode());
        assertEquals(200, bureau.get("/api/v1/record/entries?objectType=officer&objectId=1", "officer").statusCode());
        assertEquals(400, bureau.get("/api/v1/record/entries?objectType=officer", "officer").statusCode());
        assertEquals(404, bureau.get("/api/v1/record/entries/999999999", "officer").statusCode());
        HttpResponse<String> refused = bureau.send("POST", "/api/v1/record/verify", "officer", null);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("RECORD_VERIFY_FORBIDDEN", Json.parse(refused.body()).get("code").asText());

        HttpResponse<String> r = bureau.send("POST", "/api/v1/record/verify", "leader", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = Json.parse(r.body());
        assertTrue(report.get("ok").asBoolean(), r.body());
        assertTrue(report.get("full").asBoolean());
        assertEquals(0, report.get("problems").size());
        JsonNode last = Json.parse(bureau.get("/api/v1/record/verification", "reviewer").body());
        assertTrue(last.get("ok").asBoolean(), last.toString());
    }

    @Test
    void zhifaVerifyPrintsTheReport() {
        String out = bureau.admin("zhifa:verify");
        assertTrue(out.contains("核验通过 OK"), out);
        assertTrue(out.contains("最新签名树头 Latest signed tree head"), out);
        // the demo officer has no shell access at all
        Bureau.Shell refused = bureau.client("officer", "officer", "zhifa:verify");
        assertNotEquals(0, refused.exit(), refused.output());
    }

    @Test
    void theRecordIsInTheOpenApiDocument() {
        JsonNode paths = Json.parse(bureau.get("/api/openapi.json", null).body()).get("paths");
        for (String p : new String[] {"/v1/record/sth", "/v1/record/sth/history", "/v1/record/proof/inclusion",
                "/v1/record/proof/consistency", "/v1/record/entries", "/v1/record/entries/{seq}", "/v1/record/verify",
                "/v1/record/verification", "/v1/record/public-key"}) {
            assertTrue(paths.has(p), p);
        }
    }
}
