package org.atriumcrm.erp.internal.file;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpFailure;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The files of the file exchange. Coming in: CSV with a header row (English member names or the column titles
 * Chinese ERPs export: 物料编码, 名称, 单价, 仓库, 数量…) or XML ({@code <products><product><sku>…}, members as child
 * elements or attributes), the kind named by the file name ({@code products…}, {@code prices…}, {@code stock…}, or
 * 产品 / 价格 / 库存) or by the XML root. Going out: one XML document per message (its JSON shape as elements, lists
 * as repeated children), or CSV (an order one row per line, other messages one row).
 */
public final class FileFormats {
    /** Column titles as Chinese ERPs (Kingdee, U8) export them, mapped to the canonical members. */
    private static final Map<String, String> ALIASES = aliases();

    private FileFormats() {
    }

    private static Map<String, String> aliases() {
        Map<String, String> a = new LinkedHashMap<>();
        for (String s : new String[] {"编码", "物料编码", "产品编码", "商品编码", "存货编码", "sku", "code", "default_code"}) {
            a.put(s, "sku");
        }
        for (String s : new String[] {"名称", "物料名称", "产品名称", "商品名称", "存货名称"}) {
            a.put(s, "name");
        }
        for (String s : new String[] {"规格型号", "规格", "型号"}) {
            a.put(s, "model");
        }
        for (String s : new String[] {"单位", "计量单位"}) {
            a.put(s, "unit");
        }
        for (String s : new String[] {"单价", "价格", "零售价", "销售单价", "price", "list_price"}) {
            a.put(s, "listPrice");
        }
        for (String s : new String[] {"币种", "币别"}) {
            a.put(s, "currency");
        }
        for (String s : new String[] {"成本", "成本价"}) {
            a.put(s, "cost");
        }
        for (String s : new String[] {"仓库", "仓库编码"}) {
            a.put(s, "warehouse");
        }
        for (String s : new String[] {"数量", "库存", "库存数量", "现存量", "qty", "on_hand"}) {
            a.put(s, "quantity");
        }
        a.put("启用", "active");
        for (String s : new String[] {"订单号", "销售订单号", "CRM订单号"}) {
            a.put(s, "number");
        }
        for (String s : new String[] {"单据编号", "ERP单号", "发票号", "发票号码"}) {
            a.put(s, "erpNumber");
        }
        for (String s : new String[] {"状态", "单据状态", "订单状态"}) {
            a.put(s, "status");
        }
        for (String s : new String[] {"承运商", "物流公司", "快递公司"}) {
            a.put(s, "carrier");
        }
        for (String s : new String[] {"运单号", "物流单号", "快递单号"}) {
            a.put(s, "trackingNumber");
        }
        for (String s : new String[] {"价税合计", "发票金额", "金额"}) {
            a.put(s, "grandTotal");
        }
        a.put("已收金额", "paidAmount");
        a.put("开票日期", "issueDate");
        a.put("到期日", "dueDate");
        a.put("源订单号", "salesOrderNumber");
        return a;
    }

    /** The inbound kind a file's name announces, or null. */
    public static String kindOf(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.startsWith("product") || n.startsWith("产品") || n.startsWith("物料")) {
            return Canonical.PRODUCT;
        }
        if (n.startsWith("price") || n.startsWith("价格")) {
            return Canonical.PRICE;
        }
        if (n.startsWith("stock") || n.startsWith("inventory") || n.startsWith("库存")) {
            return Canonical.STOCK;
        }
        if (n.startsWith("order") || n.startsWith("订单")) {
            return Canonical.ORDER_STATUS;
        }
        if (n.startsWith("invoice") || n.startsWith("发票")) {
            return Canonical.INVOICE;
        }
        return null;
    }

    /** The messages of one inbound file; a malformed file or line is an {@link ErpFailure} naming the line. */
    public static List<Canonical> read(String fileName, String text) throws ErpFailure {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".xml") || trimmed.startsWith("<")) {
            return xml(fileName, text);
        }
        String kind = kindOf(fileName);
        if (kind == null) {
            throw ErpFailure.bad(fileName + ": the name does not say what it holds (products…, prices…, stock…, orders…, invoices…)");
        }
        return csv(fileName, kind, text);
    }

    private static List<Canonical> csv(String fileName, String kind, String text) throws ErpFailure {
        List<Canonical> messages = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames();
            List<String> members = new ArrayList<>();
            for (String h : header) {
                String key = h.trim();
                members.add(ALIASES.getOrDefault(key, ALIASES.getOrDefault(key.toLowerCase(Locale.ROOT), key)));
            }
            String keyMember = Canonical.keyMember(kind);
            if (!members.contains(keyMember)) {
                throw ErpFailure.bad(fileName + ": no " + keyMember + " column in the header " + header);
            }
            Iterator<CSVRecord> rows = parser.iterator();
            while (rows.hasNext()) {
                CSVRecord row;
                try {
                    row = rows.next();
                } catch (IllegalStateException | java.io.UncheckedIOException e) {
                    throw ErpFailure.bad(fileName + ": malformed CSV after line " + parser.getCurrentLineNumber() + ": " + e.getMessage());
                }
                if (row.size() != header.size()) {
                    throw ErpFailure.bad(fileName + " line " + parser.getCurrentLineNumber() + ": " + row.size() + " values for " + header.size() + " columns");
                }
                Canonical m = Canonical.of(kind, null);
                for (int i = 0; i < members.size(); i++) {
                    m.body().put(members.get(i), row.get(i));
                }
                if (m.text(keyMember) == null) {
                    throw ErpFailure.bad(fileName + " line " + parser.getCurrentLineNumber() + ": no " + keyMember);
                }
                messages.add(new Canonical(kind, key(kind, m), m.body()));
            }
        } catch (IOException e) {
            throw ErpFailure.bad(fileName + ": not readable as CSV: " + e.getMessage());
        }
        return messages;
    }

    private static String key(String kind, Canonical m) {
        return kind.equals(Canonical.STOCK) && m.text("warehouse") != null ? m.text("sku") + "@" + m.text("warehouse") : m.text(Canonical.keyMember(kind));
    }

    private static List<Canonical> xml(String fileName, String text) throws ErpFailure {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // an ERP's file is not trusted: no DTDs, no external entities (XXE)
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new InputSource(new StringReader(text)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw ErpFailure.bad(fileName + ": not well-formed XML: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        String kind = kindOf(root.getTagName());
        if (kind == null) {
            kind = kindOf(fileName);
        }
        if (kind == null) {
            throw ErpFailure.bad(fileName + ": root element <" + root.getTagName() + "> is not products, prices, stock, orders or invoices");
        }
        List<Canonical> messages = new ArrayList<>();
        int n = 0;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element item)) {
                continue;
            }
            n++;
            Canonical m = Canonical.of(kind, null);
            NamedNodeMap attributes = item.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                m.body().put(ALIASES.getOrDefault(a.getNodeName(), a.getNodeName()), a.getNodeValue());
            }
            for (Node member = item.getFirstChild(); member != null; member = member.getNextSibling()) {
                if (member instanceof Element e) {
                    m.body().put(ALIASES.getOrDefault(e.getTagName(), e.getTagName()), e.getTextContent().trim());
                }
            }
            if (m.text(Canonical.keyMember(kind)) == null) {
                throw ErpFailure.bad(fileName + ": element " + n + " <" + item.getTagName() + "> has no " + Canonical.keyMember(kind));
            }
            messages.add(new Canonical(kind, key(kind, m), m.body()));
        }
        return messages;
    }

    /** A message as an XML document, declared in {@code charset}. */
    public static String xml(Canonical message, String charset) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument(charset, "1.0");
            w.writeCharacters("\n");
            element(w, message.kind(), message.body());
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a message could not be written as XML", e);
        }
        return out.toString() + "\n";
    }

    private static void element(XMLStreamWriter w, String name, JsonNode value) throws XMLStreamException {
        w.writeStartElement(name);
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull() && !(name.equals(e.getKey()))) {
                    element(w, e.getKey(), e.getValue());
                }
            }
        } else if (value.isArray()) {
            String item = name.endsWith("s") ? name.substring(0, name.length() - 1) : "item";
            for (JsonNode v : value) {
                element(w, item, v);
            }
        } else {
            w.writeCharacters(value.asText());
        }
        w.writeEndElement();
    }

    /** A message as CSV with a header row: a sales order or delivery note one row per line, anything else one row. */
    public static String csv(Canonical message) {
        ObjectNode body = message.body();
        Map<String, String> head = new LinkedHashMap<>();
        flatten("", body, head);
        List<Map<String, String>> rows = new ArrayList<>();
        JsonNode lines = body.get("lines");
        if (lines != null && lines.isArray() && lines.size() > 0) {
            for (JsonNode line : lines) {
                Map<String, String> row = new LinkedHashMap<>(head);
                line.fields().forEachRemaining(e -> row.put("line." + e.getKey(), e.getValue().asText()));
                rows.add(row);
            }
        } else {
            rows.add(head);
        }
        List<String> columns = new ArrayList<>();
        rows.forEach(r -> r.keySet().forEach(k -> {
            if (!columns.contains(k)) {
                columns.add(k);
            }
        }));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).build())) {
            for (Map<String, String> r : rows) {
                List<String> values = new ArrayList<>();
                columns.forEach(c -> values.add(r.getOrDefault(c, "")));
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                flatten(prefix + e.getKey() + ".", e.getValue(), into);
            } else if (!e.getValue().isArray() && !e.getValue().isNull()) {
                into.put(prefix + e.getKey(), e.getValue().asText());
            }
        });
    }
}
