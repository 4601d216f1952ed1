package org.atriumcrm.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * The Pax Exam classes as one JUnit suite: JUnit has no suite events, so Pax Exam's PerSuite strategy keeps one
 * container only while it knows of more classes to come. Run one by one (as failsafe does class by class) it
 * would boot a container per class; inside this suite all classes share one.
 */
@RunWith(Suite.class)
@SuiteClasses({PlatformBootIT.class, OpenApiIT.class, CustomersApiIT.class, ModuleGateIT.class, CatalogPricingIT.class, PinyinPluginIT.class, PluginAdminIT.class, SecurityModelIT.class, LeadsIT.class, HotRowConcurrencyIT.class, SessionIT.class, OpportunitiesIT.class, InventoryIT.class, PurchasingIT.class, QuotesIT.class, ContractsIT.class, OrdersIT.class, InvoicingIT.class, PaymentsIT.class, OrderToCashIT.class, PrintingIT.class, DocumentsIT.class, MailIT.class, MailScannerIT.class, SmsIT.class, ConnectorsIT.class, ShopIT.class, ErpIT.class, ActivitiesIT.class, SmsGatewayIT.class, MassMailIT.class, BulkDataIT.class, WritePathIT.class, BulkBenchmarkIT.class, SearchIndexIT.class, ListViewsIT.class, UiIT.class,
    // last: it leaves 1,000 accounts behind
    BenchSmokeIT.class})
public class AtriumSuiteIT {
}
