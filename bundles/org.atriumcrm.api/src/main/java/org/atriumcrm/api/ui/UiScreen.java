package org.atriumcrm.api.ui;

import java.util.regex.Pattern;

import org.atriumcrm.api.meta.Label;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A screen or home-page widget a module contributes to the web UI, for what metadata cannot express (a pipeline
 * board, a chart). Registered as an OSGi service by a component that references the module's
 * {@link org.atriumcrm.api.module.ModuleGate}, so that it is listed only while the module is enabled.
 * <p>
 * The screen is a custom element defined by an ES module in the registering bundle, under {@value #FOLDER}/; the
 * UI serves that folder at {@code /ext/<moduleId>/} (with the page's security headers, so the script runs under
 * {@code script-src 'self'}), imports {@link #script()} when the screen is first shown and creates
 * {@link #element()}. The script may {@code import ... from 'lit'} (the page's import map), must bind user values
 * as text (never {@code innerHTML}) and talks to the server only through {@code /api/v1}. The element receives the
 * properties {@code language} ({@code "en"} or {@code "zh-CN"}), {@code user} (the session's user) and
 * {@code route} (the parsed location hash) and is re-rendered when they change.
 * <p>
 * {@code GET /api/v1/meta/screens} lists the screens of the enabled modules that the caller may use.
 */
@ConsumerType
public interface UiScreen {
    /** The folder of the registering bundle that the UI serves at {@code /ext/<moduleId>/}. */
    String FOLDER = "atrium-ui";
    /** What {@link #name()} must look like: it is a URL segment ({@code #/x/<name>}). */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    /** What {@link #element()} must look like: a valid custom element name, lower case, with a hyphen. */
    Pattern ELEMENT = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");
    /** What {@link #script()} must look like: a plain relative path of a {@code .js} file, no dot-segments. */
    Pattern SCRIPT = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_-]*\\.js");

    /** Where the UI shows it. */
    enum Placement {
        /** A screen of its own at {@code #/x/<name>}, with an entry in the menu. */
        MENU,
        /** A widget (a card) on the home page. */
        HOME
    }

    /** The module that contributes it (its {@link org.atriumcrm.api.module.ModuleDescriptor#id()}). */
    String moduleId();

    /** Unique among all screens, {@link #NAME}; the address {@code #/x/<name>} of a {@link Placement#MENU} screen. */
    String name();

    /** The menu entry or the widget's title, in English and Chinese. */
    Label label();

    /** The custom element the script defines, {@link #ELEMENT}. */
    String element();

    /** The ES module, relative to the bundle's {@value #FOLDER}/ folder, {@link #SCRIPT}; e.g. {@code pipeline-board.js}. */
    String script();

    default Placement placement() {
        return Placement.MENU;
    }

    /**
     * The entity type it shows (e.g. {@code Opportunity}), or null: when set, only callers who may view that type
     * get the screen, and the menu places it beside the type.
     */
    default String entity() {
        return null;
    }

    /** Order among the screens of the same placement, smaller first. */
    default int order() {
        return 100;
    }
}
