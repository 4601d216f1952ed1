package org.atriumcrm.erp.internal.file;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.Charset;
import java.util.List;

import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpFailure;
import org.junit.Test;

/** The exchange files as ERPs write them (Chinese column titles, GBK, XML) and as the CRM writes them. */
public class FileFormatsTest {

    @Test
    public void readsAKingdeeStyleGbkStockExportWithChineseTitles() throws Exception {
        Charset gbk = Charset.forName("GBK");
        byte[] file = "物料编码,物料名称,仓库编码,现存量\r\nCHAIR-01,人体工学椅,WH-SH,12\r\nDESK-02,\"升降桌, 白色\",WH-SH,3.5\r\n".getBytes(gbk);
        List<Canonical> read = FileFormats.read("库存-20261207.csv", new String(file, gbk));
        assertEquals(2, read.size());
        assertEquals(Canonical.STOCK, read.get(0).kind());
        assertEquals("CHAIR-01@WH-SH", read.get(0).key());
        assertEquals("人体工学椅", read.get(0).text("name"));
        assertEquals("升降桌, 白色", read.get(1).text("name"));
        assertEquals(0, new java.math.BigDecimal("3.5").compareTo(read.get(1).decimal("quantity")));
    }

    @Test
    public void readsOrderStatusAndInvoicesAsAChineseErpExportsThem() throws Exception {
        List<Canonical> orders = FileFormats.read("订单状态-1.csv", "订单号,单据编号,单据状态,快递公司,运单号\nSO-2026-000042,XSDD000017,已出库,顺丰速运,SF1234567890\n");
        assertEquals(Canonical.ORDER_STATUS, orders.get(0).kind());
        assertEquals("SO-2026-000042", orders.get(0).key());
        assertEquals("XSDD000017", orders.get(0).text("erpNumber"));
        assertEquals("已出库", orders.get(0).text("status"));
        assertEquals("SF1234567890", orders.get(0).text("trackingNumber"));
        List<Canonical> invoices = FileFormats.read("发票-1.csv", "发票号码,源订单号,开票日期,价税合计,已收金额\nFP0001,SO-2026-000042,2026/12/07,\"2,486.00\",0\n");
        assertEquals(Canonical.INVOICE, invoices.get(0).kind());
        assertEquals("FP0001", invoices.get(0).key());
        assertEquals(0, new java.math.BigDecimal("2486").compareTo(invoices.get(0).decimal("grandTotal")));
        expectBad("invoices.csv", "salesOrderNumber,grandTotal\nSO-1,10\n", "no erpNumber column");
    }

    @Test
    public void readsProductsAsXmlWithAttributesOrElements() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <products>
                  <product sku="LAMP-9"><name>护眼台灯</name><listPrice>299.00</listPrice><currency>CNY</currency></product>
                  <product><sku>LAMP-10</sku><name>落地灯</name></product>
                </products>""";
        List<Canonical> read = FileFormats.read("anything.xml", xml);
        assertEquals(2, read.size());
        assertEquals(Canonical.PRODUCT, read.get(0).kind());
        assertEquals("LAMP-9", read.get(0).key());
        assertEquals("护眼台灯", read.get(0).text("name"));
        assertEquals("落地灯", read.get(1).text("name"));
    }

    @Test
    public void refusesMalformedFilesNamingWhatIsWrong() {
        expectBad("prices.csv", "sku,listPrice\nA-1,10\nA-2,20,30\n", "line 3");
        expectBad("prices.csv", "name,listPrice\nA,10\n", "no sku column");
        expectBad("shipments.csv", "sku,quantity\nA,1\n", "does not say what it holds");
        expectBad("stock.xml", "<stock><item><sku>A</sku>", "not well-formed");
        // an external entity is refused, not resolved (XXE)
        expectBad("stock.xml", "<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><stock><i><sku>&x;</sku></i></stock>",
                "not well-formed");
        expectBad("stock.xml", "<stock><item><quantity>1</quantity></item></stock>", "has no sku");
    }

    private static void expectBad(String name, String text, String reason) {
        try {
            FileFormats.read(name, text);
            fail(name + " was accepted");
        } catch (ErpFailure e) {
            assertTrue(e.getMessage(), e.getMessage().contains(reason));
            assertTrue(!e.retryable());
        }
    }

    @Test
    public void writesAnOrderAsXmlInGbkAndAsCsvOneRowPerLine() throws Exception {
        Canonical order = Canonical.of(Canonical.SALES_ORDER, "o-1");
        order.body().put("number", "SO-2026-000042").put("status", "confirmed").put("messageId", "0190-abc-def012345678");
        order.body().putObject("customer").put("name", "上海示例贸易有限公司 & 子公司");
        var lines = order.body().putArray("lines");
        lines.addObject().put("sku", "CHAIR-01").put("quantity", "2").put("productName", "人体工学椅");
        lines.addObject().put("sku", "DESK-02").put("quantity", "1").put("productName", "升降桌");
        String xml = FileFormats.xml(order, "GBK");
        assertTrue(xml, xml.startsWith("<?xml version=\"1.0\" encoding=\"GBK\"?>"));
        assertTrue(xml, xml.contains("<customer><name>上海示例贸易有限公司 &amp; 子公司</name></customer>"));
        assertTrue(xml, xml.contains("<lines><line><sku>CHAIR-01</sku>"));
        String csv = FileFormats.csv(order);
        String[] rows = csv.split("\r\n");
        assertEquals(csv, 3, rows.length);
        assertTrue(rows[0], rows[0].contains("number") && rows[0].contains("customer.name") && rows[0].contains("line.sku"));
        assertTrue(rows[2], rows[2].contains("DESK-02") && rows[2].contains("SO-2026-000042"));
        assertEquals("salesOrder-SO-2026-000042-def012345678", FileExchangeType.fileName(order));
    }
}
