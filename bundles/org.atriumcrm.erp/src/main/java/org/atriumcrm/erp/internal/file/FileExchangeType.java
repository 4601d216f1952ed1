package org.atriumcrm.erp.internal.file;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.atriumcrm.api.meta.Label;
import org.atriumcrm.api.module.ModuleGate;
import org.atriumcrm.connectors.api.ConnectionCheck;
import org.atriumcrm.connectors.api.ConnectorConfig;
import org.atriumcrm.connectors.api.ConnectorSetting;
import org.atriumcrm.connectors.api.ConnectorType;
import org.atriumcrm.erp.internal.Canonical;
import org.atriumcrm.erp.internal.ErpConnectorType;
import org.atriumcrm.erp.internal.ErpFailure;
import org.atriumcrm.erp.internal.ErpSync;
import org.atriumcrm.erp.internal.ErpTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File exchange with an ERP through a folder, local or on an SFTP server (Camel's file and sftp components):
 * {@code out/} receives one file per message (XML or CSV, in the connector's charset — UTF-8 or GBK), written under a
 * temporary name and renamed when complete, named after the message so a repeat overwrites rather than doubles;
 * {@code in/} is read for products, prices and stock files, each applied once (by name and SHA-256) and moved to
 * {@code in/done/}, or to {@code in/error/} beside a {@code .reason.txt} that says what is wrong.
 */
@Component(service = ConnectorType.class)
public class FileExchangeType extends ErpConnectorType {
    public static final String ID = "erp-file";
    private static final Logger LOG = LoggerFactory.getLogger(FileExchangeType.class);
    private static final int TIMEOUT_MILLIS = 5000;

    /** One producer per connector context: a template holds resources, it is not made per message. */
    private final Map<CamelContext, ProducerTemplate> producers = new WeakHashMap<>();

    @Activate
    public FileExchangeType(@Reference ErpSync sync,
            @Reference(target = "(" + ModuleGate.MODULE_PROPERTY + "=" + ErpTypes.MODULE + ")") ModuleGate gate) {
        super(sync);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Label label() {
        return Label.of("ERP file exchange (folder or SFTP)", "ERP 文件交换（本地目录或 SFTP）");
    }

    @Override
    public List<ConnectorSetting> settings() {
        return withCommon(List.of(
                ConnectorSetting.required("location", "Folder: file:/path or sftp://host:port/path (holds in/ and out/)",
                        "目录：file:/路径 或 sftp://主机:端口/路径（其下有 in/ 与 out/）", "sftp://erp.example.cn:22/exchange"),
                ConnectorSetting.optional("username", "SFTP user (the connector's secret is the password)", "SFTP 用户名（连接器密钥为密码）", "atrium"),
                ConnectorSetting.optional("charset", "Character set of the files: UTF-8 or GBK", "文件字符集：UTF-8 或 GBK", "GBK"),
                ConnectorSetting.optional("format", "Format of the files written: xml or csv", "输出文件格式：xml 或 csv", "xml"),
                ConnectorSetting.optional("pollSeconds", "Seconds between reads of in/", "读取 in/ 的间隔（秒）", "10"),
                ConnectorSetting.optional("knownHosts", "known_hosts file of the SFTP server (none: the host key is not checked)",
                        "SFTP 服务器的 known_hosts 文件（未设置则不校验主机密钥）", "/opt/atrium/etc/known_hosts")));
    }

    static Charset charset(ConnectorConfig config) {
        String name = config.setting("charset", "UTF-8");
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The Camel endpoint of a folder under the connector's location, with the options given. */
    static String endpoint(ConnectorConfig config, String folder, String options) {
        String location = config.setting("location", "").trim();
        while (location.endsWith("/")) {
            location = location.substring(0, location.length() - 1);
        }
        StringBuilder uri = new StringBuilder(location).append('/').append(folder).append('?').append(options);
        if (location.startsWith("sftp:")) {
            uri.append("&username=").append(enc(config.setting("username", "")));
            if (config.secret() != null) {
                uri.append("&password=RAW(").append(config.secret()).append(')');
            }
            String knownHosts = config.setting("knownHosts", null);
            uri.append(knownHosts == null ? "&strictHostKeyChecking=no&useUserKnownHostsFile=false" : "&knownHostsFile=" + enc(knownHosts));
            uri.append("&connectTimeout=").append(TIMEOUT_MILLIS).append("&timeout=").append(TIMEOUT_MILLIS * 6).append("&disconnect=false");
        }
        return uri.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    protected void moreRoutes(RouteBuilder routes, ConnectorConfig config) {
        long poll = Math.max(1, Long.parseLong(config.setting("pollSeconds", "10"))) * 1000;
        String in = endpoint(config, "in", "include=(?i).*\\.(csv|xml|txt)&readLock=changed&readLockMinAge=500&readLockCheckInterval=500"
                + "&delay=" + poll + "&initialDelay=1000&move=done/${file:name}&moveFailed=error/${file:name}&sortBy=file:modified");
        String errors = endpoint(config, "in/error", "charset=UTF-8");
        routes.from(in).routeId(config.routePrefix() + "files-in")
                // by java.lang.Exception, not ErpFailure: Camel loads the class by name through the connectors' context,
                // which cannot see this bundle's private classes; any failure moves the file to error/ with its reason
                .onException(Exception.class).handled(false)
                    .process(exchange -> reason(exchange))
                    .to(errors)
                .end()
                .process(exchange -> read(config, exchange));
    }

    /** The reason a file went to error/, as a text file beside it. */
    private static void reason(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        exchange.getIn().setHeader(Exchange.FILE_NAME, name + ".reason.txt");
        exchange.getIn().setBody((cause == null ? "unknown" : cause.getMessage()) + "\n");
    }

    private void read(ConnectorConfig config, Exchange exchange) throws ErpFailure {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        byte[] bytes = exchange.getIn().getBody(byte[].class);
        String key = "file:" + name + ":" + sha256(bytes);
        if (sync.seen(config, key)) {
            LOG.info("connector {}: {} was applied before, moved to done/ again", config.name(), name);
            return;
        }
        List<Canonical> messages = FileFormats.read(name, new String(bytes, charset(config)));
        int changed = sync.applyAll(config, messages);
        sync.received(config, key, "applied");
        LOG.info("connector {}: {} applied, {} of {} lines changed something", config.name(), name, changed, messages.size());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void send(ConnectorConfig config, Canonical message, CamelContext camel) throws ErpFailure {
        boolean csv = config.setting("format", "xml").equalsIgnoreCase("csv");
        Charset charset = charset(config);
        String text = csv ? FileFormats.csv(message) : FileFormats.xml(message, charset.name());
        String name = fileName(message) + (csv ? ".csv" : ".xml");
        ProducerTemplate producer;
        synchronized (producers) {
            producer = producers.computeIfAbsent(camel, CamelContext::createProducerTemplate);
        }
        try {
            producer.sendBodyAndHeader(endpoint(config, "out", "tempFileName=.${file:name}.part&fileExist=Override&charset=" + charset.name()),
                    text, Exchange.FILE_NAME, name);
        } catch (org.apache.camel.CamelExecutionException e) {
            throw ErpFailure.retry("the file " + name + " could not be written", e.getCause() == null ? e : e.getCause());
        }
    }

    /** kind-number-message: readable for the ERP's people, unique per message, the same on a retry. */
    static String fileName(Canonical message) {
        String ref = message.text("number") != null ? message.text("number") : message.key();
        String id = message.text("messageId");
        String safe = (message.kind() + "-" + ref).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return id == null ? safe : safe + "-" + id.substring(Math.max(0, id.length() - 12));
    }

    @Override
    public List<ConnectionCheck> test(ConnectorConfig config) {
        List<ConnectionCheck> checks = new ArrayList<>();
        String location = config.setting("location", "").trim();
        if (location.startsWith("file:")) {
            Path folder = Path.of(location.substring(5));
            for (String sub : List.of("in", "out")) {
                Path p = folder.resolve(sub);
                try {
                    Files.createDirectories(p);
                    Path probe = Files.createTempFile(p, ".atrium-test", ".tmp");
                    Files.delete(probe);
                    checks.add(ConnectionCheck.passed("protocol", p + " is writable"));
                } catch (IOException | RuntimeException e) {
                    checks.add(ConnectionCheck.failed("protocol", p + ": " + e.getMessage()));
                }
            }
            return checks;
        }
        if (!location.toLowerCase(Locale.ROOT).startsWith("sftp://")) {
            checks.add(ConnectionCheck.failed("protocol", "location must start with file: or sftp://"));
            return checks;
        }
        URI uri = URI.create(location);
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 22;
        try {
            checks.add(ConnectionCheck.passed("dns", host + " → " + InetAddress.getByName(host).getHostAddress()));
        } catch (UnknownHostException e) {
            checks.add(ConnectionCheck.failed("dns", "unknown host " + host));
            return checks;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            byte[] banner = new byte[64];
            int n = socket.getInputStream().read(banner);
            String greeting = n > 0 ? new String(banner, 0, n, StandardCharsets.US_ASCII).trim() : "";
            checks.add(ConnectionCheck.passed("connection", host + ":" + port));
            if (!greeting.startsWith("SSH-")) {
                checks.add(ConnectionCheck.failed("protocol", "not an SSH server: " + greeting));
                return checks;
            }
        } catch (IOException e) {
            checks.add(ConnectionCheck.failed("connection", host + ":" + port + ": " + e.getMessage()));
        }
        return checks;
    }
}
