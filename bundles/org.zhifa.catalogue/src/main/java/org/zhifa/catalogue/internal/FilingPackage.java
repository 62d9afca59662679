package org.zhifa.catalogue.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.common.Actor;
import org.zhifa.api.document.DocumentRenderer;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The filing package (备案, D8) for the city legal office: {@code catalogues/<type>-v<n>.pdf|xlsx} of every
 * catalogue in force, {@code flowcharts/<kind>.svg|png} of every installed kind, and {@code manifest.json}
 * (written last) naming each file with its size and SHA-256.
 */
final class FilingPackage {
    private final String bureau;
    private final String bureauName;
    private final DocumentRenderer renderer;
    private final Flowcharts flowcharts;

    FilingPackage(String bureau, String bureauName, DocumentRenderer renderer, Flowcharts flowcharts) {
        this.bureau = bureau;
        this.bureauName = bureauName;
        this.renderer = renderer;
        this.flowcharts = flowcharts;
    }

    void write(List<CatalogueVersion> inForce, Map<String, Flowcharts.Chart> charts, Instant now, LocalDate day,
               Actor actor, OutputStream out) {
        List<Map<String, Object>> files = new ArrayList<>();
        List<Map<String, Object>> catalogues = new ArrayList<>();
        List<Map<String, Object>> flows = new ArrayList<>();
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (CatalogueVersion v : inForce) {
                String stem = "catalogues/" + v.type().fileName() + "-v" + v.number();
                put(zip, stem + ".pdf", Render.pdf(v, bureauName, renderer), files);
                put(zip, stem + ".xlsx", Render.xlsx(v), files);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("type", v.type().name());
                c.put("titleZh", Render.title(v.type()));
                c.put("id", v.id());
                c.put("version", v.number());
                c.put("revision", v.revision());
                c.put("effectiveFrom", v.effectiveFrom().toString());
                c.put("items", v.items().size());
                c.put("reviewedBy", v.reviewedBy());
                c.put("publishedBy", v.publishedBy());
                c.put("publishedAt", v.publishedAt() == null ? null : v.publishedAt().toString());
                c.put("correctionOf", v.correctionOf());
                c.put("files", List.of(stem + ".pdf", stem + ".xlsx"));
                catalogues.add(c);
            }
            for (Map.Entry<String, Flowcharts.Chart> e : charts.entrySet()) {
                String stem = "flowcharts/" + e.getKey();
                put(zip, stem + ".svg", flowcharts.svg(e.getValue()), files);
                put(zip, stem + ".png", flowcharts.png(e.getValue()), files);
                flows.add(Map.of("kind", e.getKey(), "titleZh", e.getValue().title(),
                        "files", List.of(stem + ".svg", stem + ".png")));
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", "zhifa-filing-package/1");
            manifest.put("titleZh", Messages.zh("filing.title"));
            manifest.put("bureau", Map.of("code", bureau, "name", bureauName));
            manifest.put("day", day.toString());
            manifest.put("generatedAt", now.toString());
            manifest.put("generatedBy", actor.user());
            manifest.put("catalogues", catalogues);
            manifest.put("flowcharts", flows);
            manifest.put("files", files);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(Items.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, List<Map<String, Object>> files)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", name);
        f.put("bytes", content.length);
        f.put("sha256", Items.hash(content));
        files.add(f);
    }
}
