package org.atriumcrm.printing.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The small layout language a template produces, an XHTML subset that {@link PdfLayout} lays out on A4 pages:
 * <pre>
 * &lt;document&gt;
 *   &lt;img src="logo" height="40"/&gt;             the letterhead's logo (settings), if one is configured
 *   &lt;h1 align="center"&gt;报价单&lt;/h1&gt;  &lt;h2&gt;…&lt;/h2&gt;  &lt;p size="9" align="left|center|right"&gt;…&lt;br/&gt;…&lt;/p&gt;
 *   &lt;table widths="8,40,12,…" border="1|0" size="9"&gt;&lt;tr&gt;&lt;th&gt;…&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td align="right"&gt;…&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;
 *   &lt;hr/&gt;  &lt;space height="12"/&gt;
 * &lt;/document&gt;
 * </pre>
 * Rows of {@code th} cells repeat at the top of every page the table continues on. Anything else is refused with the
 * line and column, so that a template is checked when it is saved rather than when a customer's document is printed.
 */
final class Markup {
    private static final Set<String> BLOCKS = Set.of("h1", "h2", "p", "table", "hr", "img", "space");

    sealed interface Block permits Text, Table, Rule, Image, Space {
    }

    /** A paragraph or heading: its text ({@code \n} for {@code <br/>}), size in points and alignment. */
    record Text(String text, float size, String align) implements Block {
    }

    record Cell(String text, String align) {
    }

    record Row(List<Cell> cells, boolean header) {
    }

    /** Column widths are relative (they are scaled to the page). */
    record Table(float[] widths, boolean border, float size, List<Row> rows) implements Block {
    }

    record Rule() implements Block {
    }

    record Image(float height) implements Block {
    }

    record Space(float height) implements Block {
    }

    /** A template's output that is not valid markup; the message names the place. */
    static final class MarkupException extends Exception {
        private static final long serialVersionUID = 1L;

        MarkupException(String message) {
            super(message);
        }
    }

    private Markup() {
    }

    static List<Block> parse(String markup) throws MarkupException {
        org.w3c.dom.Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // no DTDs and no external entities: the markup is typed by administrators and filled with customers' data
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new InputSource(new StringReader(markup)));
        } catch (SAXParseException e) {
            throw new MarkupException("the markup is not well-formed at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new MarkupException("the markup cannot be read: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!"document".equals(root.getTagName())) {
            throw new MarkupException("the markup must be one <document> element, not <" + root.getTagName() + ">");
        }
        List<Block> blocks = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!n.getTextContent().isBlank()) {
                    throw new MarkupException("text outside a block: \"" + n.getTextContent().strip() + "\"; put it in a <p>");
                }
                continue;
            }
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            blocks.add(block((Element) n));
        }
        return blocks;
    }

    private static Block block(Element e) throws MarkupException {
        switch (e.getTagName()) {
            case "h1":
                return new Text(text(e), number(e, "size", 16), align(e));
            case "h2":
                return new Text(text(e), number(e, "size", 12), align(e));
            case "p":
                return new Text(text(e), number(e, "size", 10), align(e));
            case "hr":
                return new Rule();
            case "space":
                return new Space(number(e, "height", 10));
            case "img":
                if (!"logo".equals(e.getAttribute("src"))) {
                    throw new MarkupException("<img> shows the letterhead's logo only: write <img src=\"logo\" height=\"40\"/>");
                }
                return new Image(number(e, "height", 40));
            case "table":
                return table(e);
            default:
                throw new MarkupException("unknown element <" + e.getTagName() + ">; a document has " + new java.util.TreeSet<>(BLOCKS));
        }
    }

    private static Table table(Element e) throws MarkupException {
        List<Row> rows = new ArrayList<>();
        int columns = -1;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank()) {
                continue;
            }
            if (n.getNodeType() != Node.ELEMENT_NODE || !"tr".equals(((Element) n).getTagName())) {
                throw new MarkupException("a <table> holds <tr> rows only, found " + describe(n));
            }
            List<Cell> cells = new ArrayList<>();
            boolean header = false;
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeType() == Node.TEXT_NODE && c.getTextContent().isBlank()) {
                    continue;
                }
                if (c.getNodeType() != Node.ELEMENT_NODE || !Set.of("td", "th").contains(((Element) c).getTagName())) {
                    throw new MarkupException("a <tr> holds <td> or <th> cells only, found " + describe(c));
                }
                Element cell = (Element) c;
                header |= "th".equals(cell.getTagName());
                cells.add(new Cell(text(cell), align(cell)));
            }
            if (columns >= 0 && cells.size() != columns) {
                throw new MarkupException("row " + (rows.size() + 1) + " of a <table> has " + cells.size() + " cells, the first has " + columns);
            }
            columns = cells.size();
            rows.add(new Row(cells, header));
        }
        float[] widths = new float[Math.max(columns, 0)];
        String given = e.getAttribute("widths");
        if (given.isBlank()) {
            java.util.Arrays.fill(widths, 1f);
        } else {
            String[] parts = given.split(",");
            if (parts.length != widths.length) {
                throw new MarkupException("widths=\"" + given + "\" names " + parts.length + " columns, the rows have " + widths.length);
            }
            for (int i = 0; i < parts.length; i++) {
                widths[i] = positive(parts[i].trim(), "widths");
            }
        }
        return new Table(widths, !"0".equals(e.getAttribute("border")), number(e, "size", 9), rows);
    }

    /** The text of a block or cell: {@code <br/>} is a line break, other whitespace runs are one space, inline elements give their text. */
    private static String text(Element e) throws MarkupException {
        StringBuilder out = new StringBuilder();
        collect(e, out);
        return out.toString().strip().replaceAll(" *\n *", "\n");
    }

    private static void collect(Node parent, StringBuilder out) throws MarkupException {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(n.getTextContent().replaceAll("[\\s&&[^\\u3000]]+", " "));
            } else if (n.getNodeType() == Node.ELEMENT_NODE) {
                String tag = ((Element) n).getTagName();
                if ("br".equals(tag)) {
                    out.append('\n');
                } else if (Set.of("b", "i", "span", "strong", "em").contains(tag)) {
                    collect(n, out);
                } else {
                    throw new MarkupException("<" + tag + "> cannot stand inside text; inside a block use <br/>, <b>, <i> or <span>");
                }
            }
        }
    }

    private static String align(Element e) throws MarkupException {
        String a = e.getAttribute("align");
        if (a.isBlank()) {
            return "left";
        }
        if (!Set.of("left", "center", "right").contains(a)) {
            throw new MarkupException("align=\"" + a + "\" on <" + e.getTagName() + ">: use left, center or right");
        }
        return a;
    }

    private static float number(Element e, String attribute, float fallback) throws MarkupException {
        String v = e.getAttribute(attribute);
        return v.isBlank() ? fallback : positive(v, attribute + " on <" + e.getTagName() + ">");
    }

    private static float positive(String v, String what) throws MarkupException {
        try {
            float f = Float.parseFloat(v);
            if (f > 0 && f <= 1000) {
                return f;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new MarkupException(what + "=\"" + v + "\" is not a number between 0 and 1000");
    }

    private static String describe(Node n) {
        return n.getNodeType() == Node.ELEMENT_NODE ? "<" + ((Element) n).getTagName() + ">" : "text \"" + n.getTextContent().strip() + "\"";
    }
}
