package org.atriumcrm.printing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atriumcrm.commerce.api.Amounts;
import org.atriumcrm.commerce.api.DocumentKind;
import org.atriumcrm.commerce.api.DocumentModel;

/**
 * The document a template is checked with when it is saved and shown with in a preview: a quote-shaped model in
 * the template's language, its totals computed by {@link Amounts} like a real document's.
 */
final class SampleModel {
    /** One sample line: product, description, quantity, unit, unit price, discount %, tax rate. */
    record Line(String product, String description, String quantity, String unit, String unitPrice, String discountPercent, String taxRate) {
    }

    private static final List<Line> ZH = List.of(
            new Line("联想 ThinkPad X1 笔记本电脑", "含三年上门保修", "2", "台", "9999.00", "5", "13"),
            new Line("华为 AX3 无线路由器", null, "10", "个", "299.00", null, "13"),
            new Line("系统实施服务", "现场安装与培训", "3", "人天", "1500.00", null, "6"));
    private static final List<Line> EN = List.of(
            new Line("ThinkPad X1 laptop", "three-year on-site warranty", "2", "pcs", "9999.00", "5", "13"),
            new Line("AX3 wireless router", null, "10", "pcs", "299.00", null, "13"),
            new Line("Implementation service", "installation and training on site", "3", "days", "1500.00", null, "6"));

    private SampleModel() {
    }

    static DocumentModel of(DocumentKind kind, String locale) {
        boolean zh = PrintingTypes.ZH.equals(locale);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(DocumentModel.NUMBER, prefix(kind) + "-2026-000042");
        header.put(DocumentModel.DATE, "2026-11-22");
        header.put("validUntil", "2026-12-22");
        header.put("salesRep", zh ? "王芳" : "Fang Wang");
        Map<String, Object> customer = zh
                ? DocumentModel.party("上海云杉贸易有限公司", "上海市浦东新区世纪大道 100 号", "李明", "021-5888 6666", "liming@yunshan.example.cn", "91310115MA1K000000")
                : DocumentModel.party("Spruce Trading Ltd.", "100 Century Avenue, Pudong, Shanghai", "Ming Li", "+86 21 5888 6666", "ming.li@spruce.example", "91310115MA1K000000");
        return model(header, customer, zh ? ZH : EN, "CNY", new BigDecimal("200.00"), new BigDecimal("-0.50"),
                zh ? "付款方式：合同签订后 30 日内付清。\n交货期：收到货款后 7 个工作日内发货。" : "Payment within 30 days of signature.\nDelivery within 7 working days of payment.");
    }

    /** A model of {@code lines} whose totals are what {@link Amounts} computes (shipping taxed at 13 %). */
    static DocumentModel model(Map<String, Object> header, Map<String, Object> customer, List<Line> lines, String currency,
            BigDecimal shipping, BigDecimal adjustment, String terms) {
        List<Amounts.Line> amounts = new ArrayList<>();
        for (Line l : lines) {
            amounts.add(new Amounts.Line(new BigDecimal(l.quantity()), new BigDecimal(l.unitPrice()),
                    l.discountPercent() == null ? null : new BigDecimal(l.discountPercent()), null, new BigDecimal(l.taxRate())));
        }
        Amounts.Totals totals = Amounts.totals(amounts, shipping, new BigDecimal("13"), adjustment, currency);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("product", l.product());
            row.put("description", l.description());
            row.put("quantity", l.quantity());
            row.put("unit", l.unit());
            row.put("unitPrice", l.unitPrice());
            row.put("discount", l.discountPercent() == null ? null : l.discountPercent() + "%");
            row.put("taxRate", l.taxRate() + "%");
            row.put("net", totals.lines().get(i).net());
            rows.add(row);
        }
        return new DocumentModel(header, Map.of(), customer, rows, DocumentModel.totals(totals, currency), DocumentModel.taxes(totals), terms);
    }

    private static String prefix(DocumentKind kind) {
        return switch (kind) {
            case QUOTE -> "QUO";
            case CONTRACT -> "CON";
            case SALES_ORDER -> "SO";
            case DELIVERY_NOTE -> "DN";
            case INVOICE -> "INV";
            case PURCHASE_ORDER -> "PO";
        };
    }
}
