package org.zhifa.evidence.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhifa.api.common.Actor;
import org.zhifa.api.document.DocumentData;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceService;

/**
 * The evidence list the 笔录 and 清单 print with each item's hash (R2, 法发〔2016〕22号 art. 5, 14). Lists,
 * one row per item in upload order: {@code evidence.name}, {@code evidence.hash}, {@code evidence.recordedAt},
 * {@code evidence.device} for all of the case's items, and the same under {@code evidence.step.*} for the
 * items of the step that makes the document (e.g. the 现场检查笔录 of 调查取证).
 */
@Component(service = DocumentData.class, property = DocumentData.PROPERTY_DATA + "=evidence",
        configurationPid = "org.zhifa.evidence")
public class EvidenceDocumentData implements DocumentData {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final EvidenceService evidence;
    private final ZoneId zone;

    @Activate
    public EvidenceDocumentData(@Reference(name = "evidence") EvidenceService evidence, EvidenceConfig config) {
        this(evidence, ZoneId.of(config.zone()));
    }

    EvidenceDocumentData(EvidenceService evidence, ZoneId zone) {
        this.evidence = evidence;
        this.zone = zone;
    }

    @Override
    public Map<String, ?> fields(long caseId, String documentId, String step, Actor actor) {
        List<EvidenceItem> all = evidence.ofCase(caseId, actor);
        Map<String, Object> f = new LinkedHashMap<>();
        columns(f, "evidence.", all);
        columns(f, "evidence.step.", step == null ? List.of()
                : all.stream().filter(i -> step.equals(i.step())).toList());
        return f;
    }

    private void columns(Map<String, Object> f, String prefix, List<EvidenceItem> items) {
        List<String> name = new ArrayList<>();
        List<String> hash = new ArrayList<>();
        List<String> at = new ArrayList<>();
        List<String> device = new ArrayList<>();
        for (EvidenceItem i : items) {
            name.add(i.fileName());
            hash.add(i.hash());
            at.add(recorded(i));
            device.add(i.deviceId() == null ? "" : i.deviceId());
        }
        f.put(prefix + "name", name);
        f.put(prefix + "hash", hash);
        f.put(prefix + "recordedAt", at);
        f.put(prefix + "device", device);
    }

    /** The recording's span, its start (a photo), or the upload time when nothing else is known. */
    String recorded(EvidenceItem i) {
        if (i.recordedFrom() == null) {
            return "上传于 " + TIME.format(i.uploadedAt().atZone(zone));
        }
        String from = TIME.format(i.recordedFrom().atZone(zone));
        if (i.recordedTo() == null) {
            return from;
        }
        String to = TIME.format(i.recordedTo().atZone(zone));
        return from + " 至 " + (to.substring(0, 10).equals(from.substring(0, 10)) ? to.substring(11) : to);
    }
}
