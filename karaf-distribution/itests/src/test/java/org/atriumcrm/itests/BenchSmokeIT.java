package org.atriumcrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Smoke mode of the issue-7 benchmarks, so that they never rot: installs the benchmark bundle
 * ({@code benchmarks/org.atriumcrm.bench}) into the running platform and runs the very client that
 * {@code benchmarks/run.sh} runs ({@code benchmarks/AtriumBench.java}, launched as a JDK single-file program) with
 * tiny sizes: 1,000 accounts, 50 requests per throughput cell, 10 per list query. The client itself checks every
 * answer's status, that the API and the hand-written SQL agree on each list total, and that every figure is a finite
 * positive number; this test checks its exit code and that it printed its tables. No timing is asserted.
 * Last in the suite: it leaves 1,000 accounts and 21 users behind. Alone: {@code mvn verify -pl
 * karaf-distribution/itests -Dit.test=BenchSmokeIT} (a container of its own).
 */
public class BenchSmokeIT extends AtriumTestSupport {

    @Inject
    BundleContext context;

    @Test
    public void everyBenchmarkProducesItsFiguresInSmokeMode() throws Exception {
        adminApi().awaitReady(Duration.ofSeconds(90));
        Bundle bench = context.installBundle(new File(System.getProperty("atrium.itest.bench")).toURI().toString());
        try {
            bench.start();
            waitForHttp("/api/v1/bench/bare/account", Duration.ofSeconds(60));
            Path out = Files.createTempFile("atrium-bench", ".txt");
            Process client = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    System.getProperty("atrium.itest.bench.client"), baseUrl(), adminPassword(), "1000", "--smoke")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            boolean finished = client.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                client.destroyForcibly();
            }
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            System.out.println(printed);
            assertTrue("the smoke run did not finish in 5 minutes:\n" + printed, finished);
            assertEquals(printed, 0, client.exitValue());
            assertTrue(printed, printed.contains("| GET /accounts/{id} | 4 |"));
            assertTrue(printed, printed.contains("| POST /accounts | 4 |"));
            assertTrue(printed, printed.contains("| POST /accounts?allowDuplicates=true | 4 |"));
            assertTrue(printed, printed.contains("| filter+sort page | rep |"));
            assertTrue(printed, printed.contains("| quick search | manager |"));
        } finally {
            bench.uninstall();
        }
    }
}
