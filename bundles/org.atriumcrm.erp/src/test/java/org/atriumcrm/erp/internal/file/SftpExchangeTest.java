package org.atriumcrm.erp.internal.file;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpAdapter;
import org.atriumcrm.erp.internal.ErpConnectorType;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.ErpReconciliation;
import org.atriumcrm.erp.internal.ErpSync;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The file exchange against a real SFTP server (Apache MINA SSHD) through Camel's sftp component: GBK files in, each
 * applied once and moved to done/, a bad one to error/ with its reason; orders out as files, written whole.
 */
public class SftpExchangeTest {
    private static final Charset GBK = Charset.forName("GBK");
    private Path root;
    private SshServer sshd;
    private CamelContext camel;
    private final List<Canonical> applied = new CopyOnWriteArrayList<>();
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();
    private ConnectorConfig config;
    private FileExchangeType type;

    @Before
    public void start() throws Exception {
        root = Files.createTempDirectory("atrium-sftp");
        Files.createDirectories(root.resolve("exchange/in"));
        sshd = SshServer.setUpDefaultServer();
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(root.resolve("hostkey.ser")));
        sshd.setPasswordAuthenticator((user, password, session) -> "erp".equals(user) && "Erp-Secret-2026".equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        config = new ConnectorConfig("c0ffee00-0000-4000-8000-000000000001", "金蝶 K/3 文件交换", FileExchangeType.ID,
                Map.of("location", "sftp://localhost:" + sshd.getPort() + "/exchange", "username", "erp", "charset", "GBK", "pollSeconds", "1"),
                "Erp-Secret-2026");
        ErpSync sync = new ErpSync(null, null, null, null, null) {
            @Override
            public int drain(ConnectorConfig c, ErpAdapter adapter, CamelContext context) {
                return 0;
            }

            @Override
            public List<ErpReconciliation> reconcile(ConnectorConfig c, ErpAdapter adapter, boolean resync) {
                return List.of();
            }

            @Override
            public int applyAll(ConnectorConfig c, List<Canonical> messages) throws ErpFailure {
                for (Canonical m : messages) {
                    if (m.text("sku").startsWith("UNKNOWN")) {
                        throw ErpFailure.bad("unknown SKU " + m.text("sku"));
                    }
                }
                applied.addAll(messages);
                return messages.size();
            }

            @Override
            public boolean seen(ConnectorConfig c, String key) {
                return receipts.contains(key);
            }

            @Override
            public void received(ConnectorConfig c, String key, String status) {
                receipts.add(key);
            }
        };
        type = new FileExchangeType(sync, null);
        camel = new DefaultCamelContext();
        camel.addRoutes(type.routes(config));
        camel.start();
    }

    @After
    public void stop() throws Exception {
        camel.stop();
        sshd.stop(true);
    }

    @Test
    public void gbkFilesComeInOnceAndBadOnesGoToErrorWithTheReason() throws Exception {
        Path in = root.resolve("exchange/in");
        byte[] stock = "物料编码,物料名称,仓库编码,现存量\r\nCHAIR-01,人体工学椅,WH-SH,12\r\n".getBytes(GBK);
        Files.write(in.resolve("库存-1.csv"), stock);
        Path done = in.resolve("done/库存-1.csv");
        await(() -> Files.exists(done));
        assertEquals(1, applied.size());
        assertEquals("人体工学椅", applied.get(0).text("name"));
        assertEquals("CHAIR-01@WH-SH", applied.get(0).key());

        // the same file dropped again is recognised and not applied twice
        Files.write(in.resolve("库存-1.csv"), stock);
        await(() -> !Files.exists(in.resolve("库存-1.csv")));
        Thread.sleep(500);
        assertEquals(1, applied.size());

        Files.write(in.resolve("prices-2.csv"), "sku,listPrice\nUNKNOWN-9,10\n".getBytes(GBK));
        Files.write(in.resolve("prices-3.csv"), "sku,listPrice\nA-1,10\nA-2\n".getBytes(GBK));
        Path reason2 = in.resolve("error/prices-2.csv.reason.txt");
        Path reason3 = in.resolve("error/prices-3.csv.reason.txt");
        await(() -> Files.exists(reason2) && Files.exists(reason3) && Files.exists(in.resolve("error/prices-2.csv")));
        assertTrue(Files.readString(reason2).contains("unknown SKU UNKNOWN-9"));
        assertTrue(Files.readString(reason3).contains("line 3"));
        assertEquals(1, applied.size());
    }

    @Test
    public void anOrderGoesOutAsOneGbkFileAndARepeatOverwritesIt() throws Exception {
        Canonical order = Canonical.of(Canonical.SALES_ORDER, "o-1");
        order.body().put("number", "SO-2026-000042").put("messageId", "0190aaaa-bbbb-7ccc-8ddd-eeeeffff0001");
        order.body().putObject("customer").put("name", "上海示例贸易有限公司");
        order.body().putArray("lines").addObject().put("sku", "CHAIR-01").put("quantity", "2");
        type.send(config, order, camel);
        type.send(config, order, camel);
        List<Path> out;
        try (Stream<Path> files = Files.list(root.resolve("exchange/out"))) {
            out = new ArrayList<>(files.toList());
        }
        assertEquals(out.toString(), 1, out.size());
        assertEquals("salesOrder-SO-2026-000042-eeeeffff0001.xml", out.get(0).getFileName().toString());
        String text = new String(Files.readAllBytes(out.get(0)), GBK);
        assertTrue(text, text.contains("encoding=\"GBK\"") && text.contains("<name>上海示例贸易有限公司</name>"));
    }

    @Test
    public void aServerThatIsDownIsARetryNotALoss() throws Exception {
        sshd.stop(true);
        Canonical order = Canonical.of(Canonical.SALES_ORDER, "o-2");
        order.body().put("number", "SO-2026-000043").put("messageId", "0190aaaa-bbbb-7ccc-8ddd-eeeeffff0002");
        try {
            type.send(config, order, camel);
            throw new AssertionError("sent to a server that is down");
        } catch (ErpFailure f) {
            assertTrue(f.getMessage(), f.retryable());
        }
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
