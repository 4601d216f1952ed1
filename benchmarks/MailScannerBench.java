import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Address;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The mail scanner's filing rate against a bare Jakarta Mail client reading the same IMAP folder in the same run.
 * GreenMail (plain IMAP on a free port, in this JVM) holds N realistic messages: UTF-8, GB2312-labelled GBK and GBK
 * subjects and bodies, one in five with a 20–50 KB attachment, half of them from contacts seeded in the CRM, every
 * Message-ID distinct. Baseline: connect, open INBOX read-only, for each message read every byte with writeTo and
 * parse subject and from — three times, median. Atrium: a mailbox created over REST (imap, security none, poll every
 * 5 s, no leads), timed from the POST until its {@code filedCount} reaches N (polled every 200 ms); if the count
 * stops moving for {@code stallSeconds} the run ends and says where it stopped.
 *
 * <pre>
 * java -cp greenmail.jar:jakarta.mail.jar:jakarta.activation.jar:slf4j-api.jar:slf4j-nop.jar \
 *      benchmarks/MailScannerBench.java &lt;baseUrl&gt; &lt;adminPassword&gt; &lt;messages&gt; &lt;imapPort&gt; &lt;workDir&gt; [karafPid] [stallSeconds] [dovecot]
 * </pre>
 *
 * With {@code dovecot}, no GreenMail: the IMAP server already listens on imapPort (the script starts Debian's Dovecot,
 * which takes any login with the password {@value #IMAP_PASSWORD}) and the messages are APPENDed to the login's INBOX.
 *
 * With a Karaf pid, thread dumps of the container are written to workDir every 2 s while it files (jstack).
 */
public class MailScannerBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern FILED = Pattern.compile("\"filedCount\"\\s*:\\s*(\\d+)");
    static final Pattern LAST_ERROR = Pattern.compile("\"lastError\"\\s*:\\s*(\"[^\"]*\"|null)");
    static final Charset GBK = Charset.forName("GBK");
    static final String IMAP_PASSWORD = "Bench-Imap-1";
    static String base;
    static String auth;

    record Answer(int status, String body) {
    }

    static Answer send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", auth);
        if (json != null) {
            b.header("Content-Type", "application/json; charset=UTF-8");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.body());
    }

    static String created(Answer a) {
        if (a.status() != 201) {
            throw new IllegalStateException("expected 201: " + a);
        }
        Matcher m = ID.matcher(a.body());
        m.find();
        return m.group(1);
    }

    // ---- the messages ----

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
    static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞"};
    static final String[] TOPICS = {"关于不锈钢板的报价", "询价：冷轧卷板 2.0mm", "合同草案（第二版）请审阅", "发票已寄出，请查收", "下周拜访安排",
            "Re: 交货期确认", "年度框架协议续签", "样品测试报告", "付款通知：第三期款项", "展会邀请函 — 2027 上海工博会", "Quotation for 304 stainless coils",
            "订单 PO-2026-1187 的变更", "质量问题反馈（批次 B-0931）", "物流单号更新", "会议纪要：项目启动会"};
    static final String PARAGRAPH = "您好！感谢贵司一直以来的支持与信任。附件是本月的最新报价单，价格含税含运费，有效期至月底。"
            + "如需调整规格或数量，请随时与我联系，我们会在一个工作日内回复。另外，关于上次提到的交货期问题，工厂已确认可以提前一周发货，"
            + "具体安排请以正式合同为准。祝商祺！\r\n";

    static String b64(String s, Charset cs) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(s.getBytes(cs));
    }

    static String word(String s, Charset cs, String label) {
        return "=?" + label + "?B?" + Base64.getEncoder().encodeToString(s.getBytes(cs)) + "?=";
    }

    /** Message i: its charset family rotates (UTF-8, GB2312 label with GBK bytes, GBK quoted-printable); every fifth carries a file. */
    static String message(int i, String tag, String from, String fromName, Random random) throws Exception {
        String topic = TOPICS[i % TOPICS.length] + " #" + i;
        String body = fromName + "先生/女士：\r\n" + PARAGRAPH.repeat(1 + random.nextInt(4)) + "\r\n订单编号：SO-" + (100000 + i) + "\r\n";
        Charset cs;
        String label;
        String subjectWord;
        String bodyPart;
        switch (i % 3) {
            case 0 -> {
                cs = StandardCharsets.UTF_8;
                label = "UTF-8";
                subjectWord = word(topic, cs, label);
                bodyPart = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(body, cs) + "\r\n";
            }
            case 1 -> {
                cs = GBK;
                label = "GB2312"; // labelled GB2312, holding GBK (the common case in Chinese mail)
                subjectWord = word(topic, cs, label);
                bodyPart = "Content-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(body, cs) + "\r\n";
            }
            default -> {
                cs = GBK;
                label = "GBK";
                subjectWord = MimeUtility.encodeText(topic, "GBK", "Q");
                bodyPart = "Content-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                        + quotedPrintable(body.getBytes(GBK)) + "\r\n";
            }
        }
        StringBuilder m = new StringBuilder();
        m.append("Message-ID: <bench.").append(i).append('.').append(tag).append("@mail.example.cn>\r\n");
        m.append("From: ").append(word(fromName, cs, label)).append(" <").append(from).append(">\r\n");
        m.append("To: sales@atrium.test\r\n");
        if (i % 7 == 0) {
            m.append("Cc: purchasing@atrium.test\r\n");
        }
        m.append("Subject: ").append(subjectWord).append("\r\n");
        m.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusMinutes(2L * (10_000 - i)))).append("\r\n");
        m.append("MIME-Version: 1.0\r\n");
        if (i % 5 == 0) {
            byte[] file = new byte[20 * 1024 + random.nextInt(30 * 1024)];
            random.nextBytes(file);
            String name = "报价单-" + i + ".pdf";
            m.append("Content-Type: multipart/mixed; boundary=\"bench-").append(i).append("\"\r\n\r\n");
            m.append("--bench-").append(i).append("\r\n").append(bodyPart);
            m.append("--bench-").append(i).append("\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''")
                    .append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(file)).append("\r\n");
            m.append("--bench-").append(i).append("--\r\n");
        } else {
            m.append(bodyPart);
        }
        return m.toString();
    }

    static String quotedPrintable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (byte b : bytes) {
            int c = b & 0xff;
            String piece;
            if (c == '\r' || c == '\n') {
                out.append((char) c);
                line = 0;
                continue;
            } else if (c >= 33 && c <= 126 && c != '=') {
                piece = String.valueOf((char) c);
            } else {
                piece = String.format(Locale.ROOT, "=%02X", c);
            }
            if (line + piece.length() > 73) {
                out.append("=\r\n");
                line = 0;
            }
            out.append(piece);
            line += piece.length();
        }
        return out.toString();
    }

    // ---- the baseline: a bare Jakarta Mail client ----

    static double baseline(int port, String login, int expected) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "15000");
        Session session = Session.getInstance(props);
        long t0 = System.nanoTime();
        Store store = session.getStore("imap");
        store.connect("localhost", port, login, IMAP_PASSWORD);
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        int read = 0;
        long bytes = 0;
        for (Message message : inbox.getMessages()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            byte[] raw = out.toByteArray();
            bytes += raw.length;
            MimeMessage parsed = new MimeMessage(session, new ByteArrayInputStream(raw));
            String subject = parsed.getSubject();
            Address[] from = parsed.getFrom();
            if (subject != null && from != null && from.length > 0) {
                read++;
            }
        }
        inbox.close(false);
        store.close();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (read != expected) {
            throw new IllegalStateException("the baseline read " + read + " of " + expected + " messages");
        }
        System.out.printf("baseline: %d messages (%.1f MB) in %.2f s = %.0f msg/s%n", read, bytes / 1e6, seconds, read / seconds);
        return read / seconds;
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        int n = Integer.parseInt(args[2]);
        int imapPort = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        String karafPid = args.length > 5 && !args[5].isBlank() ? args[5] : null;
        int stallSeconds = args.length > 6 ? Integer.parseInt(args[6]) : 60;
        String tag = Long.toString(System.currentTimeMillis(), 36);
        Random random = new Random(42);

        // contacts: half of the senders are among them
        int contacts = 500;
        long seedStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> work1 = new ArrayList<>();
        for (int c = 0; c < contacts; c++) {
            int k = c;
            String last = SURNAMES[k % SURNAMES.length];
            String first = GIVEN[(k / SURNAMES.length) % GIVEN.length];
            // addresses in mixed case, as people type them: the scanner matches case-insensitively
            String email = (k % 4 == 0 ? "Contact." : "contact.") + k + "." + tag + "@customer" + (k % 40) + ".example.cn";
            work1.add(pool.submit(() -> created(send("POST", "/api/v1/contacts?allowDuplicates=true", "{\"lastName\":\"" + last + "\",\"firstName\":\""
                    + first + "\",\"email\":\"" + email + "\"}"))));
        }
        for (Future<String> f : work1) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("seeded %d contacts in %.1f s%n", contacts, (System.nanoTime() - seedStart) / 1e9);

        boolean dovecot = args.length > 7 && args[7].equals("dovecot");
        GreenMail imap = dovecot ? null : new GreenMail(new ServerSetup(imapPort, "localhost", ServerSetup.PROTOCOL_IMAP));
        if (imap != null) {
            imap.start();
        }
        try {
            String login = "sales." + tag;
            GreenMailUser user = imap == null ? null : imap.setUser("sales@atrium.test", login, IMAP_PASSWORD);
            Session session = Session.getInstance(new Properties());
            // Dovecot (started by the script, every login with the same password): the messages go in over IMAP APPEND
            Store appender = null;
            Folder target = null;
            List<Message> pending = new ArrayList<>();
            if (dovecot) {
                appender = session.getStore("imap");
                appender.connect("localhost", imapPort, login, IMAP_PASSWORD);
                target = appender.getFolder("INBOX");
            }
            long deliverStart = System.nanoTime();
            long bytes = 0;
            int known = 0;
            for (int i = 0; i < n; i++) {
                String from;
                String name;
                if (i % 2 == 0) {
                    int k = random.nextInt(contacts);
                    from = "contact." + k + "." + tag + "@customer" + (k % 40) + ".example.cn";
                    name = SURNAMES[k % SURNAMES.length] + GIVEN[(k / SURNAMES.length) % GIVEN.length];
                    known++;
                } else {
                    from = "buyer" + i + "@unknown" + (i % 53) + ".example.com";
                    name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / 7) % GIVEN.length];
                }
                byte[] raw = message(i, tag, from, name, random).getBytes(StandardCharsets.US_ASCII);
                bytes += raw.length;
                MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
                if (user != null) {
                    user.deliver(message);
                } else {
                    pending.add(message);
                    if (pending.size() == 100 || i == n - 1) {
                        target.appendMessages(pending.toArray(Message[]::new));
                        pending.clear();
                    }
                }
            }
            if (appender != null) {
                appender.close();
            }
            System.out.printf("delivered %d messages (%.1f MB, %d from contacts, %d with an attachment) in %.1f s%n", n, bytes / 1e6, known,
                    (n + 4) / 5, (System.nanoTime() - deliverStart) / 1e9);

            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                rates.add(baseline(imapPort, login, n));
            }
            Collections.sort(rates);
            double baseRate = rates.get(1);

            // Atrium: the mailbox is created, its route polls at once (initialDelay 0.5 s), then every 5 s
            long t0 = System.nanoTime();
            Answer a = send("POST", "/api/v1/mailboxes", "{\"name\":\"Bench " + tag + "\",\"protocol\":\"imap\",\"host\":\"localhost\",\"port\":" + imapPort
                    + ",\"security\":\"none\",\"userName\":\"" + login + "\",\"secret\":\"" + IMAP_PASSWORD + "\",\"pollSeconds\":5,\"shared\":true,"
                    + "\"createLeads\":false}");
            String mailbox = created(a);
            AtomicBoolean filing = new AtomicBoolean(true);
            Thread dumps = null;
            if (karafPid != null) {
                dumps = new Thread(() -> {
                    int k = 0;
                    try {
                        Thread.sleep(3000);
                        while (filing.get() && k < 30) {
                            Process p = new ProcessBuilder("jstack", karafPid).redirectErrorStream(true)
                                    .redirectOutput(work.resolve(String.format(Locale.ROOT, "jstack-%02d.txt", k++)).toFile()).start();
                            p.waitFor();
                            Thread.sleep(2000);
                        }
                    } catch (InterruptedException | IOException e) {
                        // the run is over
                    }
                }, "jstack");
                dumps.setDaemon(true);
                dumps.start();
            }
            long first = -1;
            long last = 0;
            long lastChange = System.nanoTime();
            long lastReport = System.nanoTime();
            String lastBody = null;
            List<String> progress = new ArrayList<>();
            while (true) {
                Answer g = send("GET", "/api/v1/mailboxes/" + mailbox, null);
                long now = System.nanoTime();
                lastBody = g.body();
                Matcher m = FILED.matcher(g.body());
                long filed = m.find() ? Long.parseLong(m.group(1)) : 0;
                if (filed > 0 && first < 0) {
                    first = now;
                }
                if (filed != last) {
                    last = filed;
                    lastChange = now;
                }
                if (now - lastReport > 10_000_000_000L) {
                    lastReport = now;
                    String line = String.format(Locale.ROOT, "  t=%5.1f s filed %d", (now - t0) / 1e9, filed);
                    progress.add(line);
                    System.out.println(line);
                }
                if (filed >= n || now - lastChange > stallSeconds * 1_000_000_000L) {
                    break;
                }
                Thread.sleep(200);
            }
            filing.set(false);
            long end = lastChange;
            double total = (end - t0) / 1e9;
            boolean complete = last >= n;
            double atriumRate = last / total;
            Matcher err = LAST_ERROR.matcher(lastBody);
            String lastError = err.find() ? err.group(1) : "?";
            Answer failures = send("GET", "/api/v1/mail-scan-failures?limit=1", null);
            Matcher total1 = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(failures.body());

            System.out.println();
            System.out.printf("IMAP server: %s; CPUs: %d (shared machine: another session runs Maven/Karaf tests at the same time)%n",
                    dovecot ? "Dovecot (dovecot-imapd)" : "GreenMail 1.6.15", Runtime.getRuntime().availableProcessors());
            System.out.printf("baseline runs (msg/s): %s%n", rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList());
            System.out.printf("Atrium: first message filed after %.2f s; %s %d of %d after %.1f s; lastError %s; dead letters %s%n",
                    first < 0 ? Double.NaN : (first - t0) / 1e9, complete ? "all filed:" : "STALLED (no progress for " + stallSeconds + " s) at",
                    last, n, total, lastError, total1.find() ? total1.group(1) : "?");
            System.out.println();
            System.out.println("| messages | baseline msg/s (median of 3) | Atrium msg/s filed | Atrium / baseline | time to first filed | time to all filed |");
            System.out.println("| --- | --- | --- | --- | --- | --- |");
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.1f%s | %.3f | %.2f s | %s |%n", n, baseRate, atriumRate, complete ? "" : " (" + last + " filed, then stalled)",
                    atriumRate / baseRate, first < 0 ? Double.NaN : (first - t0) / 1e9, complete ? String.format(Locale.ROOT, "%.1f s", total) : "never");
            Files.writeString(work.resolve("progress.txt"), String.join("\n", progress) + "\n");
        } finally {
            if (imap != null) {
                imap.stop();
            }
        }
    }
}
