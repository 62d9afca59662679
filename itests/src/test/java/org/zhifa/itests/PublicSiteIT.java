package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Officers;

/** /gongshi/ certificate lookup: no login, only public data, safe against injected markup. */
class PublicSiteIT {
    private final Bureau bureau = Bureau.shared();

    @Test
    void looksUpACertificateWithoutLoginAndShowsOnlyPublicData() {
        String cert = Officers.certificate("PUB");
        Map<String, Object> d = Officers.draft("<script>alert('x')</script>王五", cert);
        d.put("post", "秘密职务");
        d.put("area", "西渡镇\"><b>粗体</b>");
        HttpResponse<String> created = bureau.send("POST", "/api/v1/personnel", "admin", Json.write(d));
        assertEquals(201, created.statusCode(), created.body());

        HttpResponse<String> page = bureau.get("/gongshi/?no=" + cert, null);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("该执法证件有效"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;王五"), html);
        assertFalse(html.contains("<script>"), "markup must be escaped");
        assertFalse(html.contains("<b>粗体</b>"), "markup must be escaped");
        assertTrue(html.contains("土地管理、矿产资源"), html);
        assertFalse(html.contains("秘密职务"), "the post is not public data");
        assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent());

        HttpResponse<String> json = bureau.get("/api/v1/public/certificates/" + cert, null);
        assertEquals(200, json.statusCode());
        var c = Json.parse(json.body());
        assertTrue(c.get("valid").asBoolean());
        assertFalse(c.has("post") || c.has("legalQualification") || c.has("id") || c.has("createdBy"), json.body());
    }

    @Test
    void unknownDeactivatedAndMaliciousNumbers() {
        assertTrue(bureau.get("/gongshi/?no=NO-SUCH-1", null).body().contains("未查到该执法证号"));
        String evil = "\"><svg onload=alert(1)>";
        String html = bureau.get("/gongshi/?no=" + URLEncoder.encode(evil, StandardCharsets.UTF_8), null).body();
        assertFalse(html.contains("<svg"), html);
        assertTrue(bureau.get("/gongshi/?no=" + "9".repeat(200), null).body().contains("执法证号过长"));
        HttpResponse<String> traversal = bureau.get("/gongshi/..%2F..%2Fetc%2Fusers.properties", null);
        assertNotEquals(200, traversal.statusCode());
        assertFalse(traversal.body().contains("admingroup"));

        String cert = Officers.certificate("GONE");
        long id = Json.parse(bureau.send("POST", "/api/v1/personnel", "admin",
                Json.write(Officers.draft("赵六", cert))).body()).get("id").asLong();
        bureau.send("POST", "/api/v1/personnel/" + id + "/deactivate", "admin", "{\"reason\":\"退休\"}");
        assertTrue(bureau.get("/gongshi/?no=" + cert, null).body().contains("未查到该执法证号"));
        assertEquals(404, bureau.get("/api/v1/public/certificates/" + cert, null).statusCode());
        assertTrue(bureau.get("/gongshi/?lang=en&no=" + cert, null).body().contains("No such certificate number"));
    }

    @Test
    void publishesTheRecordsSignedTreeHeadAndKey() throws Exception {
        bureau.send("POST", "/api/v1/personnel", "admin", Json.write(Officers.draft("孙七", Officers.certificate("STH"))));
        String html = bureau.get("/gongshi/", null).body();
        assertTrue(html.contains("全过程记录签名树头"), html);
        long size = Long.parseLong(cell(html, "记录条数"));
        String[] root = cell(html, "根哈希").split(" ");
        String time = cell(html, "签名时间（UTC）");
        String signature = cell(html, "签名（Ed25519）");
        assertTrue(size > 0, html);

        // what the page shows is a head the bureau really signed, with the key it publishes
        Matcher pem = Pattern.compile("<pre id=\"public-key\">([^<]+)</pre>").matcher(html);
        assertTrue(pem.find(), html);
        String b64 = pem.group(1).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        String bureauCode = Json.parse(bureau.get("/api/v1/record/sth", null).body()).path("bureau").asText();
        byte[] signed = ("zhifa-sth-v1\n" + bureauCode + "\n" + root[0] + "\n" + size + "\n" + time + "\n" + root[1])
                .getBytes(StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signed);
        assertTrue(verifier.verify(Base64.getDecoder().decode(signature)), "the published head's signature verifies");
        verifier.initVerify(key);
        verifier.update(("zhifa-sth-v1\n" + bureauCode + "\n" + root[0] + "\n" + (size + 1) + "\n" + time + "\n" + root[1])
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(verifier.verify(Base64.getDecoder().decode(signature)), "a changed size does not");
    }

    private static String cell(String html, String label) {
        Matcher m = Pattern.compile("<tr><th>" + Pattern.quote(label) + "</th><td>([^<]*)</td></tr>").matcher(html);
        assertTrue(m.find(), label + " in " + html);
        return m.group(1);
    }
}
