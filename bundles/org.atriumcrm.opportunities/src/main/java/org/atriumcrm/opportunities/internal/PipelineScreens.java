package org.atriumcrm.opportunities.internal;

import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.api.ui.UiScreen;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What the opportunities module adds to the web UI beyond its metadata: the pipeline board, the pipeline charts
 * and the charts on the home page. Their scripts are in {@code src/main/resources/atrium-ui/}; each component
 * holds the module's gate, so disabling the module takes the screens away with it.
 */
abstract class PipelineScreens implements UiScreen {
    static final String GATE = "(" + ModuleGate.MODULE_PROPERTY + "=" + OpportunityTypes.MODULE + ")";

    private final String name;
    private final Label label;
    private final String element;
    private final String script;
    private final Placement placement;
    private final int order;

    PipelineScreens(String name, Label label, String element, String script, Placement placement, int order) {
        this.name = name;
        this.label = label;
        this.element = element;
        this.script = script;
        this.placement = placement;
        this.order = order;
    }

    @Override
    public String moduleId() {
        return OpportunityTypes.MODULE;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Label label() {
        return label;
    }

    @Override
    public String element() {
        return element;
    }

    @Override
    public String script() {
        return script;
    }

    @Override
    public Placement placement() {
        return placement;
    }

    /** Only for callers who may view opportunities. */
    @Override
    public String entity() {
        return OpportunityTypes.OPPORTUNITY.name();
    }

    @Override
    public int order() {
        return order;
    }

    /** Kanban by stage, drag (or the move-to button) to advance, required actions asked for: {@code #/x/pipeline}. */
    @Component(service = UiScreen.class)
    public static class Board extends PipelineScreens {
        @Activate
        public Board(@Reference(target = GATE) ModuleGate gate) {
            super("pipeline", Label.of("Pipeline board", "销售看板"), "atrium-pipeline-board", "pipeline-board.js", Placement.MENU, 10);
        }
    }

    /** The funnel, forecast and stage-metrics views as charts: {@code #/x/pipeline-charts}. */
    @Component(service = UiScreen.class)
    public static class Charts extends PipelineScreens {
        @Activate
        public Charts(@Reference(target = GATE) ModuleGate gate) {
            super("pipeline-charts", Label.of("Sales analytics", "销售分析"), "atrium-pipeline-charts", "pipeline-charts.js", Placement.MENU, 20);
        }
    }

    /** The funnel and forecast charts as a widget on the home page. */
    @Component(service = UiScreen.class)
    public static class HomeCharts extends PipelineScreens {
        @Activate
        public HomeCharts(@Reference(target = GATE) ModuleGate gate) {
            super("pipeline-summary", Label.of("Funnel and forecast", "销售漏斗与预测"), "atrium-pipeline-summary", "pipeline-charts.js",
                    Placement.HOME, 10);
        }
    }
}
