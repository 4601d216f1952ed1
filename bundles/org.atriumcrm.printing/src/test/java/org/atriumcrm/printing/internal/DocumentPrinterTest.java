package org.atriumcrm.printing.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;
import org.junit.Test;

/** A Chinese quote printed with the default template and read back from the PDF with PDFBox's text extraction. */
public class DocumentPrinterTest {
    private static final DocumentPrinter.Letterhead LETTERHEAD = new DocumentPrinter.Letterhead(
            DocumentModel.party("杭州云帆科技有限公司", "杭州市西湖区文三路 90 号", null, "0571-8888 0000", "sales@yunfan.example.cn", "91330106MA2B000000"),
            null);

    static String template(String locale) throws IOException {
        try (InputStream in = DocumentPrinter.class.getResourceAsStream("/templates/default." + locale + ".xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static DocumentModel chineseQuote() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(DocumentModel.NUMBER, "QUO-2026-000007");
        header.put(DocumentModel.DATE, "2026-11-22");
        return SampleModel.model(header, DocumentModel.party("北京红星电子商贸有限公司", "北京市朝阳区建国路 88 号", "张伟", "010-6500 1234", null, null),
                List.of(new SampleModel.Line("海尔冰箱 BCD-470", "对开门，一级能效", "3", "台", "4599.00", "10", "13"),
                        new SampleModel.Line("格力空调 KFR-35GW", null, "12", "套", "3299.50", null, "13"),
                        new SampleModel.Line("上门安装服务", null, "15", "次", "200.00", null, "6")),
                "CNY", new BigDecimal("150.00"), null, "付款方式：款到发货。");
    }

    @Test
    public void chineseQuoteReadsBackWithItsLinesAndGrandTotal() throws Exception {
        DocumentModel model = chineseQuote();
        byte[] pdf = DocumentPrinter.print(template("zh-CN"), DocumentKind.QUOTE, "zh-CN", model, LETTERHEAD);
        assertTrue(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        String text = text(pdf);
        assertTrue(text, text.contains("报价单"));
        assertTrue(text, text.contains("杭州云帆科技有限公司"));
        assertTrue(text, text.contains("北京红星电子商贸有限公司"));
        assertTrue(text, text.contains("QUO-2026-000007"));
        // each line: product, quantity, unit, unit price and net on one line of the table, in order
        List<String> lines = text.lines().map(String::strip).toList();
        // the first line's description wraps in its cell: product and description come first, then the figures
        assertTrue(text, text.contains("1 海尔冰箱 BCD-470\n对开门，一级能效\n3 台 4599.00 10% 13% 12417.30")
                || text.contains("1 海尔冰箱 BCD-470\r\n对开门，一级能效\r\n3 台 4599.00 10% 13% 12417.30"));
        assertTrue(text, lines.stream().anyMatch(l -> l.matches("2 格力空调 KFR-35GW 12 套 3299.50 13% 39594.00")));
        assertTrue(text, lines.stream().anyMatch(l -> l.matches("3 上门安装服务 15 次 200.00 6% 3000.00")));
        // 12417.30 + 39594.00 + 3000.00 = 55011.30; tax 13 % on 52161.30 = 6780.97, 6 % on 3000 = 180.00; + 150 shipping
        assertEquals("55011.30", model.totals().get("subtotal").toString());
        assertEquals("62122.27", model.totals().get("grandTotal").toString());
        assertTrue(text, lines.stream().anyMatch(l -> l.equals("合计（CNY） 62122.27")));
        assertTrue(text, lines.stream().anyMatch(l -> l.equals("税额（13%） 6780.97")));
        assertTrue(text, text.contains("付款方式：款到发货。"));
    }

    @Test
    public void theFontIsEmbeddedAsASubset() throws Exception {
        byte[] pdf = DocumentPrinter.print(template("zh-CN"), DocumentKind.QUOTE, "zh-CN", chineseQuote(), LETTERHEAD);
        try (PDDocument doc = PDDocument.load(pdf)) {
            for (org.apache.pdfbox.cos.COSName name : doc.getPage(0).getResources().getFontNames()) {
                PDFont f = doc.getPage(0).getResources().getFont(name);
                assertTrue(f.getName(), f.isEmbedded());
                assertTrue("a subset's name has a tag: " + f.getName(), f.getName().matches("[A-Z]{6}\\+.*"));
            }
        }
        assertTrue("a subset, not the 9 MB font: " + pdf.length, pdf.length < 300_000);
    }

    @Test
    public void everyDefaultTemplatePrintsItsSample() throws Exception {
        for (String locale : List.of("zh-CN", "en")) {
            for (DocumentKind kind : DocumentKind.values()) {
                String text = text(DocumentPrinter.print(template(locale), kind, locale, SampleModel.of(kind, locale), LETTERHEAD));
                assertTrue(kind + " " + locale + ": " + text, text.contains(kind.title(locale)));
                assertTrue(text, text.contains(SampleModel.of(kind, locale).totals().get("grandTotal").toString()));
            }
        }
    }

    @Test
    public void longTablesContinueOnTheNextPageWithTheirHeader() throws Exception {
        List<SampleModel.Line> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            many.add(new SampleModel.Line("配件" + i, null, "1", "个", "1.00", null, "13"));
        }
        DocumentModel model = SampleModel.model(Map.of(DocumentModel.NUMBER, "QUO-1"), Map.of(), many, "CNY", null, null, null);
        byte[] pdf = DocumentPrinter.print(template("zh-CN"), DocumentKind.QUOTE, "zh-CN", model, LETTERHEAD);
        try (PDDocument doc = PDDocument.load(pdf)) {
            assertTrue(doc.getNumberOfPages() > 1);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(doc);
            assertTrue(second, second.contains("产品 / 说明"));
        }
        String text = text(pdf);
        for (int i = 1; i <= 120; i++) {
            assertTrue("line " + i, text.contains(" 配件" + i + " "));
        }
    }

    @Test
    public void brokenTemplatesAreRefusedWithTheEnginesMessage() {
        assertRefused("<document><p>{{#lines}}{{product}}</p></document>", "is not a valid template");
        assertRefused("<document><p>{{customer.name}</p></document>", "is not a valid template");
        assertRefused("<document><p>{{{customer.name}}}</p></document>", "is not a valid template");
        assertRefused("<document><p>unclosed</document>", "line 1");
        assertRefused("<document><blink>x</blink></document>", "unknown element <blink>");
        assertRefused("<document><table><tr><td>a</td></tr><tr><td>a</td><td>b</td></tr></table></document>", "row 2");
    }

    @Test
    public void valuesAreDataNotMarkup() throws Exception {
        Map<String, Object> customer = DocumentModel.party("<b>A & B</b> 贸易", "第一行\n第二行", null, null, null, null);
        DocumentModel model = new DocumentModel(Map.of(), Map.of(), customer, List.of(), Map.of(), List.of(), null);
        String text = text(DocumentPrinter.print(template("zh-CN"), DocumentKind.INVOICE, "zh-CN", model, LETTERHEAD));
        assertTrue(text, text.contains("客户：<b>A & B</b> 贸易"));
        assertTrue(text, text.contains("地址：第一行\n第二行") || text.contains("地址：第一行\r\n第二行"));
    }

    private static void assertRefused(String body, String expected) {
        try {
            DocumentPrinter.print(body, DocumentKind.QUOTE, "zh-CN", SampleModel.of(DocumentKind.QUOTE, "zh-CN"), LETTERHEAD);
            fail("printed: " + body);
        } catch (DocumentPrinter.PrintException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(expected));
        }
    }
}
