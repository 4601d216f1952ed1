package org.atriumcrm.printing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays {@link Markup} blocks out on A4 pages with PDFBox: one embedded font (a subset of the CJK font, so a
 * document carries only the glyphs it prints and reads the same on any machine), text wrapped at spaces or between
 * Chinese characters, tables whose header rows repeat on each page. Characters the font lacks print as {@code ?}
 * rather than failing the document.
 */
final class PdfLayout {
    private static final float MARGIN = 50;
    private static final float PAD = 3;
    private static final float LEADING = 1.35f;

    private final PDDocument doc;
    private final TrueTypeFont ttf;
    private final PDType0Font font;
    private final byte[] logo;
    private final float left;
    private final float width;
    private PDPageContentStream cs;
    private float y;

    private PdfLayout(PDDocument doc, TrueTypeFont ttf, byte[] logo) throws IOException {
        this.doc = doc;
        this.ttf = ttf;
        this.font = PDType0Font.load(doc, ttf, true);
        this.logo = logo;
        this.left = MARGIN;
        this.width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** Writes the PDF of {@code blocks} to {@code out}; {@code logo} is the letterhead's image (null for none). */
    static void write(List<Markup.Block> blocks, byte[] fontFile, byte[] logo, String title, OutputStream out) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new ByteArrayInputStream(fontFile));
        preferUnifiedIdeographs(ttf);
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(title);
            doc.getDocumentInformation().setCreator("Atrium CRM");
            PdfLayout layout = new PdfLayout(doc, ttf, logo);
            layout.newPage();
            for (Markup.Block b : blocks) {
                layout.block(b);
            }
            layout.cs.close();
            doc.save(out);
        } finally {
            ttf.close();
        }
    }

    /**
     * The font draws 门 and the Kangxi radical ⻔ (and 金/⾦, 子/⼦ …) with one glyph, and maps its space from U+0000 too, and PDFBox 2 writes the
     * lowest code point of a glyph into the PDF's ToUnicode map: copied or searched text then holds radicals instead of
     * the characters printed. Dropping the radicals and compatibility ideographs from the font's reverse lookup (glyph →
     * characters), where the glyph also has a unified ideograph, makes the map name the ideograph. PDFBox offers no
     * setter for it, so this edits its private map; should that ever fail, the document still prints the same glyphs.
     */
    @SuppressWarnings("unchecked")
    static void preferUnifiedIdeographs(TrueTypeFont ttf) {
        try {
            if (!(ttf.getUnicodeCmapLookup() instanceof org.apache.fontbox.ttf.CmapSubtable cmap)) {
                return;
            }
            java.lang.reflect.Field f = org.apache.fontbox.ttf.CmapSubtable.class.getDeclaredField("glyphIdToCharacterCodeMultiple");
            f.setAccessible(true);
            for (List<Integer> codes : ((java.util.Map<Integer, List<Integer>>) f.get(cmap)).values()) {
                if (codes.stream().anyMatch(c -> !variant(c))) {
                    codes.removeIf(PdfLayout::variant);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            org.slf4j.LoggerFactory.getLogger(PdfLayout.class).warn("copied text of PDFs may show CJK radicals: {}", e.toString());
        }
    }

    private static boolean variant(int codePoint) {
        if (codePoint < 0x20) {
            return true; // the space glyph is also mapped from U+0000, which a reader would then copy
        }
        Character.UnicodeBlock b = Character.UnicodeBlock.of(codePoint);
        return b == Character.UnicodeBlock.KANGXI_RADICALS || b == Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS_SUPPLEMENT;
    }

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private boolean fits(float height) {
        return y - height >= MARGIN;
    }

    private void block(Markup.Block b) throws IOException {
        if (b instanceof Markup.Text t) {
            text(t);
        } else if (b instanceof Markup.Table t) {
            table(t);
        } else if (b instanceof Markup.Rule) {
            if (!fits(10)) {
                newPage();
            }
            cs.setLineWidth(0.8f);
            cs.moveTo(left, y - 5);
            cs.lineTo(left + width, y - 5);
            cs.stroke();
            y -= 10;
        } else if (b instanceof Markup.Image i) {
            image(i);
        } else if (b instanceof Markup.Space s) {
            y -= Math.min(s.height(), y - MARGIN);
        }
    }

    private void text(Markup.Text t) throws IOException {
        float lead = t.size() * LEADING;
        for (String line : wrap(t.text(), width, t.size())) {
            if (!fits(lead)) {
                newPage();
            }
            show(line, t.size(), left, width, t.align(), y - t.size());
            y -= lead;
        }
        y -= t.size() * 0.3f;
    }

    private void image(Markup.Image i) throws IOException {
        if (logo == null) {
            return;
        }
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, logo, "logo");
        float h = i.height();
        float w = image.getWidth() * h / image.getHeight();
        if (w > width) {
            h = h * width / w;
            w = width;
        }
        if (!fits(h + 4)) {
            newPage();
        }
        cs.drawImage(image, left, y - h, w, h);
        y -= h + 4;
    }

    private void table(Markup.Table t) throws IOException {
        float total = 0;
        for (float w : t.widths()) {
            total += w;
        }
        float[] widths = new float[t.widths().length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = t.widths()[i] * width / total;
        }
        List<Markup.Row> headers = new ArrayList<>();
        for (Markup.Row row : t.rows()) {
            if (row.header() && headers.size() == t.rows().indexOf(row)) {
                headers.add(row); // the leading header rows repeat on each page
            }
        }
        for (Markup.Row row : t.rows()) {
            List<List<String>> lines = lines(row, widths, t.size());
            float height = height(lines, t.size());
            if (!fits(height)) {
                newPage();
                if (!row.header()) {
                    for (Markup.Row h : headers) {
                        List<List<String>> hl = lines(h, widths, t.size());
                        row(h, hl, widths, height(hl, t.size()), t);
                    }
                }
            }
            row(row, lines, widths, height, t);
        }
        y -= 4;
    }

    private List<List<String>> lines(Markup.Row row, float[] widths, float size) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            lines.add(wrap(row.cells().get(i).text(), widths[i] - 2 * PAD, size));
        }
        return lines;
    }

    private static float height(List<List<String>> lines, float size) {
        int most = 1;
        for (List<String> l : lines) {
            most = Math.max(most, l.size());
        }
        return most * size * LEADING + 2 * PAD;
    }

    private void row(Markup.Row row, List<List<String>> lines, float[] widths, float height, Markup.Table t) throws IOException {
        float x = left;
        for (int i = 0; i < widths.length; i++) {
            if (row.header() && t.border()) {
                cs.setNonStrokingColor(0.9f, 0.9f, 0.9f);
                cs.addRect(x, y - height, widths[i], height);
                cs.fill();
                cs.setNonStrokingColor(0f, 0f, 0f);
            }
            if (t.border()) {
                cs.setLineWidth(0.5f);
                cs.addRect(x, y - height, widths[i], height);
                cs.stroke();
            }
            float baseline = y - PAD - t.size();
            for (String line : lines.get(i)) {
                show(line, t.size(), x + PAD, widths[i] - 2 * PAD, row.cells().get(i).align(), baseline);
                baseline -= t.size() * LEADING;
            }
            x += widths[i];
        }
        y -= height;
    }

    private void show(String line, float size, float x, float room, String align, float baseline) throws IOException {
        if (line.isEmpty()) {
            return;
        }
        float w = width(line, size);
        float at = "right".equals(align) ? x + room - w : "center".equals(align) ? x + (room - w) / 2 : x;
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(at, baseline);
        cs.showText(line);
        cs.endText();
    }

    private float width(String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** The text as lines no wider than {@code room}: breaks at {@code \n}, else after a space or before a CJK character. */
    List<String> wrap(String text, float room, float size) throws IOException {
        List<String> out = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int breakAt = -1;
            for (int i = 0; i < paragraph.length();) {
                int cp = paragraph.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                i += ch.length();
                if (cp >= 0x2E80 && line.length() > 0) {
                    breakAt = line.length();
                }
                line.append(ch);
                if (line.length() > ch.length() && width(line.toString(), size) > room) {
                    if (breakAt > 0 && breakAt < line.length()) {
                        out.add(line.substring(0, breakAt).stripTrailing());
                        String rest = line.substring(breakAt).stripLeading();
                        line.setLength(0);
                        line.append(rest);
                    } else {
                        out.add(line.substring(0, line.length() - ch.length()));
                        line.setLength(0);
                        line.append(ch);
                    }
                    breakAt = -1;
                }
                if (cp == ' ') {
                    breakAt = line.length();
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    /** Tabs and other controls become spaces, characters without a glyph in the font become {@code ?}. */
    private String printable(String text) throws IOException {
        StringBuilder out = new StringBuilder(text.length());
        org.apache.fontbox.ttf.CmapLookup cmap = ttf.getUnicodeCmapLookup();
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != 0x3000) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) == 0) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
