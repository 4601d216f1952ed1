package com.example.faulty;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.atriumcrm.rest.api.ModuleEndpoint;

/** A plugin endpoint with a bug: every request to it fails. */
public class FaultyEndpoint implements ModuleEndpoint {

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("a bug in a plugin");
    }
}
