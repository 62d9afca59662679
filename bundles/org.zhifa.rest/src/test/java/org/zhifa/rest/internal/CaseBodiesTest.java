package org.zhifa.rest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The case request bodies under the API's strict mapping, and rendered documents. */
class CaseBodiesTest {
    private final ObjectMapper mapper = JsonMapper.create();

    @Test
    void fieldValuesAreScalarsKeptExactly() throws JsonProcessingException {
        CasesResource.Move m = mapper.readValue("{\"transition\":\"decideOnSpot\",\"fields\":{\"fineAmount\":200.01,"
                + "\"days\":60,\"waived\":true,\"facts\":\"<b>占地</b>\",\"none\":null}}", CasesResource.Move.class);
        assertEquals(Map.of("fineAmount", "200.01", "days", "60", "waived", "true", "facts", "<b>占地</b>"),
                FieldValues.text(m.fields()));
        CasesResource.Move big = mapper.readValue("{\"fields\":{\"fineAmount\":123456789012.34}}", CasesResource.Move.class);
        assertEquals("123456789012.34", FieldValues.text(big.fields()).get("fineAmount"));
    }

    @Test
    void structuresAsFieldValuesAreRefusedWithTheirName() throws JsonProcessingException {
        CasesResource.Move m = mapper.readValue("{\"fields\":{\"facts\":{\"a\":1}}}", CasesResource.Move.class);
        ZhifaException e = assertThrows(ZhifaException.class, () -> FieldValues.text(m.fields()));
        assertEquals("WRONG_TYPE", e.code());
        assertEquals("fields.facts", e.field());
        CasesResource.Move list = mapper.readValue("{\"fields\":{\"facts\":[1]}}", CasesResource.Move.class);
        assertThrows(ZhifaException.class, () -> FieldValues.text(list.fields()));
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefused() {
        assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"transition\":\"x\",\"colour\":1}", CasesResource.Move.class));
        assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"officers\":[\"1\"]}", CasesResource.Filing.class));
        assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"simple\":\"yes\"}", CasesResource.Filing.class));
        assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"approved\":1}", CasesResource.RecusalDecision.class));
        assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"party\":{\"type\":\"ROBOT\"}}", CasesResource.Filing.class));
    }

    @Test
    void aRenderedDocumentIsStreamedFromMemoryOrAFile() throws Exception {
        for (int size : new int[] {10, RenderedDocument.IN_MEMORY + 10}) {
            byte[] data = new byte[size];
            for (int i = 0; i < size; i++) {
                data[i] = (byte) i;
            }
            RenderedDocument doc = new RenderedDocument();
            doc.write(data, 0, 5);
            doc.write(data, 5, size - 5);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.body().write(out);
            assertArrayEquals(data, out.toByteArray());
        }
    }
}
