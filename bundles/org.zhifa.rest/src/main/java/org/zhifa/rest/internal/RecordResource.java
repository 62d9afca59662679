package org.zhifa.rest.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.InclusionProof;
import org.zhifa.api.record.Problem;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationReport;
import org.zhifa.api.rest.RestResource;

/**
 * /api/v1/record — the whole-process record (R3). Tree heads, proofs and the public key are public, so
 * anyone can check the bureau's log without trusting it; entries need a staff role, verification a
 * 负责人 or 管理员 (the service checks). Contributed: it comes and goes with the record.
 */
@Component(service = Object.class, property = RestResource.PROPERTY_RESOURCE + "=true")
@Path("v1/record")
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {
    private final RecordService record;

    @Activate
    public RecordResource(@Reference(name = "record") RecordService record) {
        this.record = record;
    }

    /** A signed tree head as JSON; {@code timestamp} exactly as signed (ISO-8601 UTC, milliseconds). */
    static Map<String, Object> head(SignedTreeHead h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bureau", h.bureau());
        m.put("treeSize", h.treeSize());
        m.put("timestamp", CanonicalJson.instant(h.timestamp()));
        m.put("rootHash", h.rootHash());
        m.put("hashAlgorithm", h.hashAlgorithm());
        m.put("keyId", h.keyId());
        m.put("signature", h.signature());
        return m;
    }

    @GET
    @Path("sth")
    @PublicAccess
    public Map<String, Object> latest() {
        Map<String, Object> m = head(record.latestTreeHead());
        m.put("publicKey", record.publicKeyPem());
        return m;
    }

    @GET
    @Path("sth/history")
    @PublicAccess
    public Map<String, Object> history(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        Page<SignedTreeHead> page = record.treeHeads(Params.integer(offset, "offset", 0), Params.integer(limit, "limit", 50));
        List<Map<String, Object>> items = page.items().stream().map(RecordResource::head).toList();
        return Map.of("items", items, "total", page.total(), "offset", page.offset(), "limit", page.limit());
    }

    @GET
    @Path("proof/inclusion")
    @PublicAccess
    public InclusionProof inclusion(@QueryParam("seq") String seq, @QueryParam("size") String size) {
        long s = required(seq, "seq");
        long n = size == null || size.isBlank() ? record.latestTreeHead().treeSize() : required(size, "size");
        return record.inclusion(s, n);
    }

    @GET
    @Path("proof/consistency")
    @PublicAccess
    public ConsistencyProof consistency(@QueryParam("first") String first, @QueryParam("second") String second) {
        long a = required(first, "first");
        long b = second == null || second.isBlank() ? record.latestTreeHead().treeSize() : required(second, "second");
        return record.consistency(a, b);
    }

    @GET
    @Path("public-key")
    @PublicAccess
    @Produces("application/x-pem-file")
    public String publicKey() {
        return record.publicKeyPem();
    }

    /** One entry with its stored leaf hash. */
    public record Entry(RecordEntry entry, String leafHash) {}

    @GET
    @Path("entries/{seq}")
    public Entry entry(@Context HttpServletRequest rc, @PathParam("seq") String seq) {
        long s = required(seq, "seq");
        RecordEntry e = record.entry(s, actor(rc)).orElseThrow(() -> Params.notFound("RECORD_ENTRY_NOT_FOUND", s));
        return new Entry(e, record.leafHash(s));
    }

    @GET
    @Path("entries")
    public Page<RecordEntry> entries(@Context HttpServletRequest rc, @QueryParam("objectType") String objectType,
                                     @QueryParam("objectId") String objectId, @QueryParam("offset") String offset,
                                     @QueryParam("limit") String limit) {
        if (objectType == null || objectType.isBlank()) {
            throw Params.invalid("objectType", objectType == null ? "" : objectType);
        }
        if (objectId == null || objectId.isBlank()) {
            throw Params.invalid("objectId", objectId == null ? "" : objectId);
        }
        return record.entries(objectType.strip(), objectId.strip(), Params.integer(offset, "offset", 0),
                Params.integer(limit, "limit", 50), actor(rc));
    }

    /** A verification report with its verdict. */
    public record Report(boolean ok, boolean full, Instant started, Instant finished, long fromSeq, long treeSize,
                         String rootHash, long evidenceFiles, List<Problem> problems) {
        static Report of(VerificationReport r) {
            return new Report(r.ok(), r.full(), r.started(), r.finished(), r.fromSeq(), r.treeSize(), r.rootHash(),
                    r.evidenceFiles(), r.problems());
        }
    }

    @POST
    @Path("verify")
    public Report verify(@Context HttpServletRequest rc) {
        return Report.of(record.verify(null, actor(rc)));
    }

    @GET
    @Path("verification")
    public Response lastVerification(@Context HttpServletRequest rc) {
        Actor actor = actor(rc);
        if (!actor.isStaff()) {
            ErrorBody b = ErrorBody.of("RECORD_STAFF_ONLY", null);
            throw new ZhifaException(ZhifaException.Kind.FORBIDDEN, b.code(), b.message_zh(), b.message_en(), null);
        }
        // 204 until the first run since the start: nothing to report is not an error
        return record.lastVerification().map(r -> Response.ok(Report.of(r)).build())
                .orElseGet(() -> Response.noContent().build());
    }

    private static long required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw Params.invalid(name, value == null ? "" : value);
        }
        return Params.id(value, name);
    }

    private static Actor actor(HttpServletRequest rc) {
        return CasesResource.actor(rc);
    }
}
