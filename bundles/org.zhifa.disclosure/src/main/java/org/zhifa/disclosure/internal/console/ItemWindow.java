package org.zhifa.disclosure.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.Redaction;
import org.zhifa.api.disclosure.WithdrawalGround;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.JavaScript;
import com.vaadin.ui.Label;
import com.vaadin.ui.TabSheet;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * One disclosure item: its facts, the side-by-side redaction preview (the whole text left, the redacted text
 * right, masks marked) with the approver's extra masks, approval, correction (D7), withdrawal (D4) and its
 * history in the record. A WITHHELD item says why. Whoever may not approve sees the button disabled and why.
 */
final class ItemWindow extends Window {

    private static final long serialVersionUID = 1L;
    /** The browser function the "mask the selected text" button calls back. */
    static final String SELECTION_FUNCTION = "zhifaDisclosureSelected";
    private static final int MAX_MASK = 200;

    private final transient ConsoleServices services;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final transient Runnable changed;
    private final boolean decider;
    private final Label error = Refusals.errorLabel("disc-item-error");
    private final Label original = new Label("", ContentMode.HTML);
    private final Label redacted = new Label("", ContentMode.HTML);
    private final Label maskCount = new Label();
    private final CssLayout extraList = new CssLayout();
    private final List<String> extras = new ArrayList<>();
    private DisclosureItem item;

    ItemWindow(ConsoleServices services, ConsoleContext context, ConsoleTexts m, DisclosureItem item,
               Runnable changed) {
        super(m.get("item.window", item.title()));
        this.services = services;
        this.context = context;
        this.m = m;
        this.changed = changed;
        this.decider = context.actor().has(Roles.LEADER) || context.actor().has(Roles.ADMIN);
        this.item = item;
        extras.addAll(item.extraMasks());
        setId("disc-item-window");
        setModal(true);
        setWidth("94%");
        setHeight("92%");
        original.setId("disc-original");
        original.addStyleName("zhifa-disc-text");
        original.setWidth("100%");
        redacted.setId("disc-redacted");
        redacted.addStyleName("zhifa-disc-text");
        redacted.setWidth("100%");
        maskCount.setId("disc-mask-count");
        extraList.setId("disc-masks");
        build();
    }

    private void build() {
        VerticalLayout body = new VerticalLayout();
        body.setWidth("100%");
        Label head = new Label(item.title());
        head.setId("disc-item-title");
        head.addStyleName(ValoTheme.LABEL_H3);
        head.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        Label facts = new Label(facts(), ContentMode.TEXT);
        facts.setId("disc-item-facts");
        facts.addStyleName("zhifa-disc-facts");
        facts.setWidth("100%");
        Label publicId = new Label(item.publicId() == null ? "" : item.publicId());
        publicId.setId("disc-item-public");
        publicId.setCaption(m.get("item.publicId"));
        publicId.addStyleName(ValoTheme.LABEL_SMALL);
        body.addComponents(head, error, facts, publicId);
        if (item.status() == ItemStatus.WITHHELD) {
            Label withheld = new Label(m.get("item.withheld", item.withheldReason() == null ? ""
                    : item.withheldReason()));
            withheld.setId("disc-item-withheld");
            withheld.addStyleName("zhifa-disc-withheld");
            withheld.setWidth("100%");
            body.addComponent(withheld);
        }
        TabSheet tabs = new TabSheet();
        tabs.setId("disc-item-tabs");
        tabs.setWidth("100%");
        tabs.addTab(approval(), m.get("tab.approve")).setId("disc-tab-approve");
        tabs.addTab(correction(), m.get("tab.correct")).setId("disc-tab-correct");
        tabs.addTab(withdrawal(), m.get("tab.withdraw")).setId("disc-tab-withdraw");
        tabs.addTab(history(), m.get("tab.history")).setId("disc-tab-history");
        Button close = new Button(m.get("action.close"), e -> close());
        close.setId("disc-item-close");
        body.addComponents(tabs, close);
        setContent(body);
        preview();
    }

    private String facts() {
        DisclosureItem i = item;
        StringBuilder s = new StringBuilder();
        s.append(m.get("item.facts.status", m.status(i.status()), m.get("type." + i.type().name()),
                i.kindTitleZh() == null ? m.get("item.none") : i.kindTitleZh(), i.version()));
        s.append('\n').append(m.get("item.facts.case", nz(i.caseNumber()), nz(i.partyName()),
                m.get(i.partyPerson() ? "party.person" : "party.organisation")));
        s.append('\n').append(m.get("item.facts.dates", ConsoleTexts.date(i.decidedOn()),
                ConsoleTexts.date(i.dueOn()), m.flags(i).isEmpty() ? "" : "（" + m.flags(i) + "）"));
        s.append('\n').append(m.get("item.facts.created", nz(i.createdBy()), m.time(i.createdAt())));
        if (i.publishedAt() != null) {
            s.append('\n').append(m.get("item.facts.published", nz(i.approvedBy()), m.time(i.publishedAt()),
                    i.postUntil() == null ? m.get("item.noEnd") : i.postUntil().toString()));
        }
        if (i.withdrawalDueOn() != null || i.withdrawnAt() != null) {
            s.append('\n').append(m.get("item.facts.withdrawal",
                    i.withdrawalGround() == null ? "" : m.get("ground." + i.withdrawalGround().name()),
                    nz(i.withdrawalReason()), ConsoleTexts.date(i.withdrawalDueOn()), m.time(i.withdrawnAt())));
        }
        if (i.major()) {
            s.append('\n').append(m.get("item.facts.major"));
        }
        return s.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------------ approval and preview

    private VerticalLayout approval() {
        VerticalLayout left = new VerticalLayout(caption("preview.original"), original);
        left.setMargin(false);
        VerticalLayout right = new VerticalLayout(caption("preview.redacted"), redacted);
        right.setMargin(false);
        HorizontalLayout sideBySide = new HorizontalLayout(left, right);
        sideBySide.setId("disc-preview");
        sideBySide.setWidth("100%");
        sideBySide.setExpandRatio(left, 1);
        sideBySide.setExpandRatio(right, 1);

        TextField typed = new TextField(m.get("mask.typed"));
        typed.setId("disc-mask-text");
        typed.setMaxLength(MAX_MASK);
        typed.setWidth("18em");
        Button add = new Button(m.get("mask.add"), e -> Refusals.act(context, error, () -> {
            addMask(typed.getValue());
            typed.clear();
        }));
        add.setId("disc-mask-add");
        Button selection = new Button(m.get("mask.selection"), e -> JavaScript.getCurrent()
                .execute(SELECTION_FUNCTION + "(window.zhifaDisclosureSelection || '')"));
        selection.setId("disc-mask-selection");
        selection.setDescription(m.get("mask.selection.hint"));
        watchSelection();
        HorizontalLayout maskBar = new HorizontalLayout(typed, add, selection);
        maskBar.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        extraList.addStyleName("zhifa-wrap");
        showExtras();

        Button approve = new Button(m.get("approve.button"), e -> approve());
        approve.setId("disc-approve");
        approve.addStyleName(ValoTheme.BUTTON_PRIMARY);
        HorizontalLayout approveBar = new HorizontalLayout(approve);
        approveBar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        String why = approveRefusal();
        if (why != null) {
            approve.setEnabled(false);
            approve.setDescription(why);
            Label reason = new Label(why);
            reason.setId("disc-approve-reason");
            reason.addStyleName("zhifa-text-soon");
            approveBar.addComponent(reason);
        }
        Label hint = new Label(m.get("preview.hint"));
        hint.addStyleName(ValoTheme.LABEL_SMALL);
        VerticalLayout v = new VerticalLayout(hint, sideBySide, maskCount, maskBar, extraList, approveBar);
        v.setWidth("100%");
        return v;
    }

    private Label caption(String key) {
        Label l = new Label(m.get(key));
        l.addStyleName(ValoTheme.LABEL_BOLD);
        return l;
    }

    /** Why this user cannot approve now, or null when the button is live (the service is still the judge). */
    private String approveRefusal() {
        if (!decider) {
            return m.get("approve.notDecider");
        }
        if (item.partyMinor() || item.status() == ItemStatus.WITHHELD) {
            return m.get("approve.minor");
        }
        if (item.status() != ItemStatus.PENDING) {
            return m.get("approve.notPending", m.status(item.status()));
        }
        return null;
    }

    /** Remembers the last text selected in the whole text, for the "mask the selection" button. */
    private void watchSelection() {
        JavaScript js = JavaScript.getCurrent();
        if (js == null) {
            return;
        }
        js.addFunction(SELECTION_FUNCTION, args -> {
            String picked = args.length() > 0 && args.get(0) != null ? args.getString(0) : "";
            Refusals.act(context, error, () -> addMask(picked));
        });
        js.execute("if(!window.zhifaDisclosureWatch){window.zhifaDisclosureWatch=true;"
                + "document.addEventListener('selectionchange',function(){var s=window.getSelection();"
                + "var el=document.getElementById('disc-original');"
                + "if(s&&el&&s.rangeCount>0&&!s.isCollapsed&&el.contains(s.anchorNode)){"
                + "window.zhifaDisclosureSelection=s.toString();}});}"
                + "window.zhifaDisclosureSelection='';");
    }

    private void addMask(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw ConsoleTexts.invalid("mask.empty", "mask");
        }
        if (v.length() > MAX_MASK) {
            throw ConsoleTexts.invalid("mask.tooLong", "mask", MAX_MASK);
        }
        if (!item.text().contains(v)) {
            throw ConsoleTexts.invalid("mask.notInText", "mask", v);
        }
        if (!extras.contains(v)) {
            extras.add(v);
        }
        showExtras();
        preview();
    }

    private void showExtras() {
        extraList.removeAllComponents();
        if (extras.isEmpty()) {
            Label none = new Label(m.get("mask.none"));
            none.addStyleName(ValoTheme.LABEL_SMALL);
            extraList.addComponent(none);
            return;
        }
        for (int i = 0; i < extras.size(); i++) {
            String v = extras.get(i);
            Button remove = new Button(m.get("mask.remove", v), e -> {
                extras.remove(v);
                showExtras();
                preview();
            });
            remove.setCaptionAsHtml(false);
            remove.setId("disc-mask-remove-" + i);
            remove.addStyleName(ValoTheme.BUTTON_SMALL);
            extraList.addComponent(remove);
        }
    }

    /** Asks the service for the redaction with the current extra masks and shows it side by side. */
    void preview() {
        try {
            Redaction r = services.disclosure().preview(item.id(), List.copyOf(extras), context.actor());
            original.setValue(Highlight.original(r, this::category));
            redacted.setValue(Highlight.redacted(r, this::category));
            long manual = r.masks().stream().filter(x -> Highlight.MANUAL.equals(x.category())).count();
            maskCount.setValue(m.get("preview.count", r.masks().size(), manual));
            error.setVisible(false);
        } catch (ZhifaException e) {
            original.setValue(Highlight.escape(item.text()));
            redacted.setValue("");
            maskCount.setValue("");
            error.setValue(m.message(e));
            error.setVisible(true);
        }
    }

    private String category(String c) {
        String t = m.get("mask." + c);
        return t.equals("mask." + c) ? c : t;
    }

    private void approve() {
        Refusals.act(context, error, () -> {
            DisclosureItem done = services.disclosure().approve(item.id(), List.copyOf(extras), context.actor());
            context.notify(m.get("approve.done", done.title(), m.status(done.status())), false);
            reload(done);
        });
    }

    private void reload(DisclosureItem fresh) {
        item = services.disclosure().item(fresh.id(), context.actor()).orElse(fresh);
        extras.clear();
        extras.addAll(item.extraMasks());
        setCaption(m.get("item.window", item.title()));
        build();
        changed.run();
    }

    // ------------------------------------------------------------------ correction (D7)

    private VerticalLayout correction() {
        Label err = Refusals.errorLabel("disc-correct-error");
        TextArea text = new TextArea(m.get("correct.text"));
        text.setId("disc-correct-text");
        text.setWidth("100%");
        text.setRows(10);
        text.setMaxLength(200_000);
        text.setValue(nz(item.text()));
        TextArea request = new TextArea(m.get("correct.request"));
        request.setId("disc-correct-request");
        request.setWidth("100%");
        request.setRows(2);
        request.setMaxLength(2_000);
        Button correct = new Button(m.get("correct.button"), e -> Refusals.act(context, err, () -> {
            if (request.getValue() == null || request.getValue().isBlank()) {
                throw ConsoleTexts.invalid("correct.request.required", "request");
            }
            DisclosureItem done = services.disclosure().correct(item.id(), text.getValue(), request.getValue(),
                    context.actor());
            context.notify(m.get("correct.done", done.version()), false);
            reload(done);
        }));
        correct.setId("disc-correct");
        correct.addStyleName(ValoTheme.BUTTON_PRIMARY);
        VerticalLayout v = new VerticalLayout(new Label(m.get("correct.hint")), err, text, request,
                gated(correct, "disc-correct-reason"));
        v.setWidth("100%");
        return v;
    }

    /** A button only a 负责人 or 管理员 may use: disabled for others, with the reason beside it. */
    private HorizontalLayout gated(Button button, String reasonId) {
        HorizontalLayout bar = new HorizontalLayout(button);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        if (!decider) {
            button.setEnabled(false);
            button.setDescription(m.get("approve.notDecider"));
            Label reason = new Label(m.get("approve.notDecider"));
            reason.setId(reasonId);
            reason.addStyleName("zhifa-text-soon");
            bar.addComponent(reason);
        }
        return bar;
    }

    // ------------------------------------------------------------------ withdrawal (D4)

    private VerticalLayout withdrawal() {
        Label err = Refusals.errorLabel("disc-withdraw-error");
        ComboBox<WithdrawalGround> ground = new ComboBox<>(m.get("withdraw.ground"));
        ground.setId("disc-withdraw-ground");
        ground.setItems(WithdrawalGround.values());
        ground.setItemCaptionGenerator(g -> m.get("ground." + g.name()));
        ground.setTextInputAllowed(false);
        ground.setPageLength(0);
        ground.setWidth("20em");
        if (item.withdrawalGround() != null) {
            ground.setValue(item.withdrawalGround());
        }
        TextArea reason = new TextArea(m.get("withdraw.reason"));
        reason.setId("disc-withdraw-reason");
        reason.setWidth("100%");
        reason.setRows(3);
        reason.setMaxLength(2_000);
        if (item.withdrawalReason() != null) {
            reason.setValue(item.withdrawalReason());
        }
        Button request = new Button(m.get("withdraw.request"), e -> Refusals.act(context, err, () -> {
            DisclosureItem done = services.disclosure().requestWithdrawal(item.id(), chosen(ground),
                    reason.getValue(), context.actor());
            context.notify(m.get("withdraw.requested", ConsoleTexts.date(done.withdrawalDueOn())), false);
            reload(done);
        }));
        request.setId("disc-withdraw-request");
        Button withdraw = new Button(m.get("withdraw.button"), e -> Refusals.act(context, err, () -> {
            DisclosureItem done = services.disclosure().withdraw(item.id(), chosen(ground), reason.getValue(),
                    context.actor());
            context.notify(m.get("withdraw.done", m.status(done.status())), false);
            reload(done);
        }));
        withdraw.setId("disc-withdraw");
        withdraw.addStyleName(ValoTheme.BUTTON_DANGER);
        HorizontalLayout bar = gated(request, "disc-withdraw-reason-refused");
        bar.addComponent(withdraw, 1);
        withdraw.setEnabled(decider);
        VerticalLayout v = new VerticalLayout(new Label(m.get("withdraw.hint")), err, ground, reason, bar);
        v.setWidth("100%");
        return v;
    }

    private static WithdrawalGround chosen(ComboBox<WithdrawalGround> ground) {
        if (ground.getValue() == null) {
            throw ConsoleTexts.invalid("withdraw.ground.required", "ground");
        }
        return ground.getValue();
    }

    // ------------------------------------------------------------------ versions and record

    private VerticalLayout history() {
        Grid<RecordEntry> grid = new Grid<>();
        grid.setId("disc-history");
        grid.setWidth("100%");
        grid.setHeightByRows(6);
        grid.addColumn(RecordEntry::seq).setCaption(m.get("history.seq")).setId("seq").setWidth(90);
        grid.addColumn(e -> m.time(e.at())).setCaption(m.get("history.at")).setWidth(180);
        grid.addColumn(RecordEntry::actor).setCaption(m.get("history.actor")).setWidth(120);
        grid.addColumn(e -> {
            String t = m.get("record." + e.entryType());
            return t.equals("record." + e.entryType()) ? e.entryType() : t;
        }).setCaption(m.get("history.what")).setId("what").setWidth(180);
        grid.addColumn(RecordEntry::payload).setCaption(m.get("history.payload")).setId("payload");
        Label note = new Label(m.get("history.version", item.version()));
        note.setId("disc-item-version");
        Optional<RecordService> record = services.record().get();
        if (record.isEmpty()) {
            note.setValue(note.getValue() + m.get("history.noRecord"));
        } else {
            try {
                Page<RecordEntry> page = record.get().entries("disclosure", Long.toString(item.id()), 0, 200,
                        context.actor());
                if (page.items().isEmpty() && item.publicId() != null) {
                    page = record.get().entries("disclosure", item.publicId(), 0, 200, context.actor());
                }
                grid.setItems(page.items());
            } catch (ZhifaException e) {
                note.setValue(note.getValue() + m.get("label.separator") + m.message(e));
            }
        }
        VerticalLayout v = new VerticalLayout(note, grid);
        v.setWidth("100%");
        return v;
    }

    /** For tests: the masks the approver added so far. */
    List<String> extras() {
        return List.copyOf(extras);
    }
}
