package org.atriumcrm.bench.internal;

import java.nio.charset.StandardCharsets;

/** The constant JSON the bare endpoints answer: by default a typical account; the client replaces it with a real one. */
final class Bare {
    static volatile byte[] account = ("{\"id\":\"01936f3e-8a4b-7c2d-9e1f-0a1b2c3d4e5f\",\"name\":\"Bench account\","
            + "\"industry\":\"retail\",\"ownerId\":\"01936f3e-8a4b-7c2d-9e1f-0a1b2c3d4e60\",\"phone\":\"021-10000000\","
            + "\"createdAt\":\"2026-11-29T00:00:00Z\",\"modifiedAt\":\"2026-11-29T00:00:00Z\",\"version\":1}")
            .getBytes(StandardCharsets.UTF_8);

    private Bare() {
    }
}
