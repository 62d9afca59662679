package org.zhifa.gongshi.internal;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.site.PublicFrame;
import org.zhifa.api.site.PublicSection;

/**
 * The site's page frame, for its own pages and for the sections other bundles serve under /gongshi/ (e.g.
 * 双随机抽查): their links join the navigation while they are registered.
 */
@Component(service = {PublicFrame.class, Frame.class})
public class Frame implements PublicFrame {
    private final BureauInfo bureau;
    private final List<PublicSection> sections = new CopyOnWriteArrayList<>();

    @Activate
    public Frame(@Reference BureauInfo bureau) {
        this.bureau = bureau;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSection(PublicSection s) {
        sections.add(s);
    }

    void removeSection(PublicSection s) {
        sections.remove(s);
    }

    @Override
    public Map<String, String> headers() {
        return Html.headers((String) null);
    }

    @Override
    public void open(PrintWriter w, Locale locale, String title, String currentSection) {
        open(w, Texts.of(locale), title, currentSection);
    }

    void open(PrintWriter w, Texts t, String title, String currentSection) {
        List<PublicSection> sorted = sections.stream().sorted(Comparator.comparing(PublicSection::id)).toList();
        Html.open(w, t, bureau.name(), title, currentSection, sorted);
    }

    @Override
    public void close(PrintWriter w, Locale locale) {
        Html.close(w, Texts.of(locale));
    }
}
