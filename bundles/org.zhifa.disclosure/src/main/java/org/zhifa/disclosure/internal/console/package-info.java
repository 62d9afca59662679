/**
 * The disclosure console (D3–D7, C1), contributed through the console's SPI and calling only
 * {@link org.zhifa.api.disclosure.DisclosureService}:
 * <ul>
 * <li>公示工作台 ({@code #!disclosure}, {@code #!disclosure/<id>} opens an item): a lazy grid of the items, late
 * rows red, those due soon amber, withdrawals due flagged; filters by text, status, type, deadline and kind;
 * the item window with the side-by-side redaction preview (the whole text left, the redacted text right,
 * masks marked; extra masks typed or selected on the left, previewed at once through
 * {@code DisclosureService.preview}), approval (负责人, 管理员; others see the button disabled with the reason),
 * correction on request, withdrawal request and withdrawal, and the item's entries in the record; manual
 * creation of a notice or a paper decision.</li>
 * <li>发布通道 ({@code #!disclosure-outbox}): the channels with their counts, the outbox with a state and
 * channel filter, retry (管理员, 负责人), and the red alarm banner, asked again at each console poll.</li>
 * <li>公示 on the case page: the case's items and their states.</li>
 * </ul>
 * Texts come from {@code messages.properties} (zh-CN, default) and {@code messages_en.properties}. Stored text is
 * only ever shown as text; the preview, the one place with HTML, escapes it before marking the masks
 * ({@link org.zhifa.disclosure.internal.console.Highlight}).
 */
package org.zhifa.disclosure.internal.console;
