package org.zhifa.city.internal;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The bodies of docs/city-api.md (wire format v1), read strictly: unknown fields, wrong types and trailing
 * tokens are refused. Dates and instants stay text here and are checked by {@link Checks}, so a refusal names
 * the field.
 */
final class Wire {
    private Wire() {}

    static final ObjectMapper JSON = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.Integer}) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.Integer,
                    t == LogicalType.Integer ? CoercionAction.TryConvert : CoercionAction.Fail);
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.Boolean,
                    t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return m;
    }

    record Bureau(String code, String name) {}

    record FileBody(String name, String contentType, String sha256, String base64) {}

    /** §4 one item version. */
    record Item(Integer schemaVersion, String publicId, Integer version, String type, String kind, String kindTitleZh,
                String title, String caseNumber, String partyName, String decidedOn, String publishedAt,
                String postUntil, String text, String pdf, List<FileBody> attachments, Bureau bureau) {}

    /** §5 a withdrawal. */
    record Withdrawal(Integer schemaVersion, Integer version, String withdrawnAt, String ground, String reason) {}

    /** §6 a signed tree head as the record signs it. */
    record TreeHead(String bureau, Long treeSize, String timestamp, String rootHash, String hashAlgorithm,
                    String keyId, String signature, String algorithm) {}

    record Consistency(Long fromSize, Long toSize, List<String> path) {}

    record TreeHeadPush(Integer schemaVersion, TreeHead treeHead, Consistency consistency) {}

    record KindCount(String kind, String kindTitleZh, Long filed, Long decided, Long disclosed, Long withdrawn) {}

    record Totals(Long filed, Long decided, Long disclosed, Long withdrawn) {}

    /** §7 one month's counts. */
    record Statistics(Integer schemaVersion, String month, String generatedAt, Bureau bureau, List<KindCount> kinds,
                      Totals totals) {}

    /** Registration of a county by city IT (管理员). */
    record CountyDraft(String code, String name, String publicKeyPem, String certificateSha256, Boolean issueToken,
                       Boolean active, String reason) {}

    record Acknowledgement(String reason) {}
}
