package org.atriumcrm.printing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.atriumcrm.commerce.api.DocumentModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The letterhead from ConfigAdmin; a change applies to the next document printed. */
@Component(service = Letterheads.class, configurationPid = "org.atriumcrm.printing")
@Designate(ocd = LetterheadSettings.class)
public class Letterheads {
    private static final Logger LOG = LoggerFactory.getLogger(Letterheads.class);
    private static final long MAX_LOGO = 2L * 1024 * 1024;
    private volatile DocumentPrinter.Letterhead current;

    @Activate
    public Letterheads(LetterheadSettings settings) {
        configure(settings);
    }

    @Modified
    void configure(LetterheadSettings s) {
        Map<String, Object> company = DocumentModel.party(blank(s.companyName()), blank(s.companyAddress()), null, blank(s.companyPhone()),
                blank(s.companyEmail()), blank(s.companyTaxNumber()));
        current = new DocumentPrinter.Letterhead(company, logo(s.logoFile()));
    }

    DocumentPrinter.Letterhead current() {
        return current;
    }

    private static byte[] logo(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        Path path = Path.of(file);
        if (!path.isAbsolute()) {
            path = Path.of(System.getProperty("karaf.etc", "etc")).resolve(path);
        }
        try {
            if (Files.size(path) > MAX_LOGO) {
                LOG.warn("logo {} is over {} bytes: documents are printed without it", path, MAX_LOGO);
                return null;
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            LOG.warn("logo {} cannot be read ({}): documents are printed without it", path, e.toString());
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
