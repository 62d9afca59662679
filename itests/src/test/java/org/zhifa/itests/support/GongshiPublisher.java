package org.zhifa.itests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes through the real disclosure service over its REST API, as staff do: an officer creates the item,
 * a leader approves it (the outbox then delivers it to every channel, the website among them) or withdraws it.
 */
public final class GongshiPublisher {
    /** A file published with a catalogue. */
    public record File(String name, String mediaType, byte[] content) {}

    private final Bureau bureau;

    public GongshiPublisher(Bureau bureau) {
        this.bureau = bureau;
    }

    /** A decision taken on paper (an organisation as party), still PENDING; returns the item id. */
    public long decision(String title, String caseNumber, String party, String text, LocalDate decidedOn) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "DECISION");
        b.put("kind", "penalty");
        b.put("title", title);
        b.put("caseNumber", caseNumber);
        b.put("partyName", party);
        b.put("partyPerson", false);
        b.put("partyMinor", false);
        b.put("decidedOn", decidedOn.toString());
        b.put("text", text);
        return create(b);
    }

    /** A catalogue version with its files, still PENDING; returns the item id. */
    public long catalogue(String title, List<File> files) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "CATALOGUE");
        b.put("title", title);
        b.put("decidedOn", LocalDate.now().toString());
        b.put("text", title);
        b.put("attachments", files.stream().map(f -> Map.of("name", f.name(), "mediaType", f.mediaType(),
                "content", Base64.getEncoder().encodeToString(f.content()))).toList());
        return create(b);
    }

    private long create(Map<String, Object> body) {
        HttpResponse<String> r = bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(body));
        assertEquals(201, r.statusCode(), r.body());
        return Json.parse(r.body()).get("id").asLong();
    }

    public void approve(long id) {
        HttpResponse<String> r = bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "leader",
                Json.write(Map.of("extraMasks", List.of())));
        assertEquals(200, r.statusCode(), r.body());
    }

    public void withdraw(long id, String ground, String reason) {
        HttpResponse<String> r = bureau.send("POST", "/api/v1/disclosure/items/" + id + "/withdraw", "leader",
                Json.write(Map.of("ground", ground, "reason", reason)));
        assertEquals(200, r.statusCode(), r.body());
    }
}
