package org.zhifa.disclosure.internal.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhifa.api.disclosure.Mask;
import org.zhifa.api.disclosure.Redaction;
import org.zhifa.api.disclosure.RedactionContext;

/** Each detector on its own, and what must never be touched. */
class RedactorTest {
    private final RedactorImpl redactor = new RedactorImpl();

    private Redaction person(String text) {
        return redact(text, new RedactionContext("郑光辉", true, List.of(), List.of(), List.of()));
    }

    private Redaction redact(String text, RedactionContext context) {
        Redaction r = redactor.redact(text, context);
        DecisionsRedactionTest.assertMasksDescribe(r);
        return r;
    }

    private static void hidden(Redaction r, String... gone) {
        for (String g : gone) {
            assertFalse(r.redacted().contains(g), () -> "«" + g + "» still shows in " + r.redacted());
        }
    }

    private static void unchanged(Redaction r) {
        assertEquals(r.original(), r.redacted(), () -> "touched: " + r.masks());
        assertTrue(r.masks().isEmpty());
    }

    // --- ID numbers

    @Test
    void hidesAnIdNumberWithAValidCheckDigitWhereverItStands() {
        Redaction r = person("另查明其持有430408199511101063号证件。");
        // 43040819951110106X is the valid one; find the check digit of this variant by the scheme
        assertTrue(Checks.residentId18("43040819951110106X"));
        Redaction valid = person("另查明其持有43040819951110106X号证件，又持有43040819951110106x。");
        assertEquals("另查明其持有******************号证件，又持有******************。", valid.redacted());
        assertEquals("ID_NUMBER", valid.masks().get(0).category());
        // a bad check digit without context is not an ID number, and 18 digits are no phone or account either
        unchanged(r);
    }

    @Test
    void hidesAnIdNumberWithABadCheckDigitWhenIntroducedAsOne() {
        Redaction r = person("当事人：郑光辉，身份证号：430408199511101061。");
        assertFalse(Checks.residentId18("430408199511101061"));
        assertEquals("当事人：郑光辉，身份证号：******************。", r.redacted());
        assertEquals("ID_NUMBER", r.masks().get(0).category());
    }

    @Test
    void hidesAnOldFifteenDigitIdNumber() {
        Redaction r = person("原身份证430408751110106，现已换发。");
        assertEquals("原身份证***************，现已换发。", r.redacted());
        unchanged(person("编号为430408751310106的档案。")); // month 13: no birth date, no ID number
    }

    // --- phones

    @ParameterizedTest
    @ValueSource(strings = {"13802428382", "138 0242 8382", "138-0242-8382", "+86 138 0242 8382", "+8613802428382",
        "0086-13802428382", "0734-4064027", "0734 4064027", "（0734）4064027", "(0734)-4064027", "010-62345678"})
    void hidesPhonesInEveryNotation(String phone) {
        Redaction r = person("如有疑问请联络" + phone + "。");
        assertEquals("如有疑问请联络****。", r.redacted(), () -> phone + " → " + r.masks());
        assertEquals("PHONE", r.masks().get(0).category());
    }

    @Test
    void readsFullWidthDigitsAndDashes() {
        Redaction r = person("公民身份号码：４３０４０８１９９５１１１０１０６Ｘ，电话０７３４－４０６４０２７，手机１３８０２４２８３８２。");
        assertEquals("公民身份号码：******************，电话****，手机****。", r.redacted());
        assertEquals(List.of("ID_NUMBER", "PHONE", "PHONE"), r.masks().stream().map(Mask::category).toList());
    }

    @Test
    void hidesALandlineWithoutAreaCodeWhenCalledAPhone() {
        assertEquals("联系电话：****；传真：****。", person("联系电话：4064027；传真：84064027。").redacted());
        unchanged(person("共计4064027元。"));
    }

    @Test
    void hidesAMobileGluedToAnExtension() {
        hidden(person("手机13802428382-2。"), "13802428382");
    }

    // --- bank accounts

    @Test
    void hidesABankAccountByItsLuhnCheckOrTheWordsBeforeIt() {
        assertTrue(Checks.luhn("6222021234567890128"));
        assertEquals("退款至*******************。", person("退款至6222021234567890128。").redacted());
        assertEquals("卡号：*******************", person("卡号：6756 8641 0699 0852").redacted());
        Redaction r = person("开户银行账号：43001500061052500123。");
        assertEquals("开户银行账号：********************。", r.redacted());
        assertEquals("BANK_ACCOUNT", r.masks().get(0).category());
        unchanged(person("宗地编号6756864106990852。")); // 16 digits, no Luhn, no bank words: not an account
    }

    // --- e-mail

    @Test
    void hidesEmailAddresses() {
        assertEquals("来信请寄****或****。", person("来信请寄deng.guoqiang@example.com或13802428382@qq.com。").redacted());
    }

    // --- addresses

    @Test
    void hidesAPersonsAddressDownToTheCounty() {
        assertEquals("住址：湖南省衡阳市常宁市****\n", person("住址：湖南省衡阳市常宁市宜阳街道枫林村4组70号\n").redacted());
        assertEquals("家庭住址为衡南县****，", person("家庭住址为衡南县云集街道枫林村3组，").redacted());
        assertEquals("证人邓某某，住衡阳县****）", person("证人邓国强，住衡阳县西渡镇新塘村5组12号）").redacted());
        assertEquals("现居住于****。", person("现居住于枫林村3组。").redacted());
        Redaction r = person("住址：湖南省衡阳市蒸湘区联合街道华新社区5栋302室");
        assertEquals("住址：湖南省衡阳市蒸湘区****", r.redacted());
        assertEquals("ADDRESS", r.masks().get(0).category());
    }

    @Test
    void keepsThePlaceOfTheOffence() {
        unchanged(person("经查，当事人于2025年5月未经批准擅自占用湖南省衡阳市衡南县云集街道枫林村集体土地411平方米建设厂房。"));
        unchanged(person("在衡阳县西渡镇新塘村5组建住宅一栋，占地120平方米。"));
    }

    @Test
    void keepsAnOrganisationsDomicileButNotAWitnesssAddress() {
        String text = "当事人：湖南永兴建材有限责任公司\n住所：湖南省衡阳市衡山县开云镇枫林村14组75号\n"
                + "经查，证人何永福（住所：衡山县开云镇枫林村3组）称……";
        Redaction r = redact(text, new RedactionContext("湖南永兴建材有限责任公司", false, List.of(), List.of(), List.of()));
        assertTrue(r.redacted().contains("住所：湖南省衡阳市衡山县开云镇枫林村14组75号"));
        hidden(r, "开云镇枫林村3组", "何永福");
        // the same line of a natural person goes
        hidden(person("当事人：郑光辉\n住所：湖南省衡阳市衡山县开云镇枫林村14组75号\n"), "枫林村14组75号");
    }

    // --- health

    @Test
    void hidesHealthDataByClause() {
        Redaction r = person("当事人称其患有尿毒症，需长期透析，故未及时拆除。");
        assertEquals("****，需长期透析，故未及时拆除。", r.redacted());
        assertEquals("HEALTH", r.masks().get(0).category());
        hidden(person("其妻子怀孕七个月，"), "怀孕七个月");
        hidden(person("当事人系肢体二级残疾，"), "二级残疾");
        hidden(person("经医院诊断为抑郁症。"), "抑郁症");
        hidden(person("HIV阳性"), "HIV阳性");
        // a law's title is law, not health data
        unchanged(person("依据《中华人民共和国残疾人保障法》第五十条。"));
    }

    // --- names

    @Test
    void hidesOtherPeopleFoundByTheirRole() {
        Redaction r = person("证人邓国强的证言、村民委员会主任余雪梅到场见证，委托代理人欧阳娜娜、法定代表人王五称，"
                + "由叶志明陪同，其妻子李秀英在场。邓国强另称……");
        assertEquals("证人邓某某的证言、村民委员会主任余某某到场见证，委托代理人欧阳某某、法定代表人王某某称，"
                + "由叶某某陪同，其妻子李某某在场。邓某某另称……", r.redacted());
        assertTrue(r.masks().stream().allMatch(m -> m.category().equals("NAME")));
    }

    @Test
    void hidesSeveralWitnessesInARow() {
        hidden(person("证人邓国强、吴海军和余文斌的证言"), "邓国强", "吴海军", "余文斌");
    }

    @Test
    void keepsThePartyAndTheOfficers() {
        Redaction r = redact("当事人郑光辉的陈述，证人郑光辉之子郑小明作证，执法人员王建国、李四陪同。",
                new RedactionContext("郑光辉", true, List.of(), List.of("王建国", "李四"), List.of()));
        assertEquals("当事人郑光辉的陈述，证人郑光辉之子郑某某作证，执法人员王建国、李四陪同。", r.redacted());
    }

    @Test
    void hidesKnownNamesEverywhereEvenWithoutARole() {
        Redaction r = redact("经与马金凤核实，马金凤认可。", new RedactionContext(null, true, List.of("马金凤"), List.of(), List.of()));
        assertEquals("经与马某某核实，马某某认可。", r.redacted());
    }

    @Test
    void leavesNamesAlreadyPseudonymised() {
        unchanged(person("证人邓某某的证言及主任余某到场见证。"));
    }

    // --- never touched

    @Test
    void neverTouchesCodesAmountsAreasDatesAndCaseNumbers() {
        String text = "衡自然资罚〔2026〕61号，统一社会信用代码：914304006HKGX6C90E、91110000600037341L，"
                + "统一社会信用代码：914304001234567890，罚款人民币8220元（每平方米20元），占地411.5平方米，"
                + "2026年6月6日，2026-06-06，依据第七十七条、第44条，湘（2026）衡阳县不动产权第0012345号，"
                + "共计1234567890123元。";
        Redaction r = person(text);
        unchanged(r);
    }

    // --- markup

    @Test
    void passesMarkupThroughAsText() {
        String text = "<script>alert('x')</script>证人<b>邓国强</b>电话<img src=x onerror=alert(1)>13802428382";
        Redaction r = person(text);
        assertEquals("<script>alert('x')</script>证人<b>邓国强</b>电话<img src=x onerror=alert(1)>****", r.redacted());
        Redaction named = person("<i>证人邓国强的证言</i>&amp;");
        assertEquals("<i>证人邓某某的证言</i>&amp;", named.redacted());
    }

    // --- overlaps, extra masks, keep names

    @Test
    void mergesOverlappingSpansIntoOneMask() {
        // the name of an extra mask runs into the phone after it: one mask hides both
        Redaction r = redact("联系人邓国强13802428382。",
                new RedactionContext("郑光辉", true, List.of(), List.of(), List.of("强1380")));
        hidden(r, "邓国强", "13802428382", "邓国");
        assertEquals(1, r.masks().size(), () -> r.masks().toString());
        Mask m = r.masks().get(0);
        assertEquals("MANUAL", m.category());
        assertEquals("联系人".length(), m.start());
        // a health clause swallows the name inside it
        Redaction h = person("证人邓国强患有心脏病，");
        assertEquals(1, h.masks().size());
        assertEquals("****，", h.redacted());
    }

    @Test
    void masksWhatTheApproverAddsEverywhere() {
        Redaction r = redact("涉案挖掘机（车牌湘D12345）由湘D12345号车运出，另有张三丰作业。",
                new RedactionContext("郑光辉", true, List.of(), List.of(), List.of("湘D12345", "张三丰")));
        assertEquals("涉案挖掘机（车牌****）由****号车运出，另有张某某作业。", r.redacted());
        assertTrue(r.masks().stream().allMatch(m -> m.category().equals("MANUAL")));
    }

    @Test
    void keepsKeepNamesFoundByContext() {
        Redaction r = redact("负责人王建国、证人邓国强到场。",
                new RedactionContext("郑光辉", true, List.of(), List.of("王建国"), List.of()));
        assertEquals("负责人王建国、证人邓某某到场。", r.redacted());
    }

    @Test
    void emptyAndNullTextsAreNothingToHide() {
        assertEquals("", redactor.redact(null, null).redacted());
        assertEquals("", redactor.redact("", null).redacted());
        assertEquals("住址：****", redactor.redact("住址：枫林村4组70号", null).redacted());
    }
}
