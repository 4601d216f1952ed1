package com.example.hijack;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

/** A plugin resource that tries to take over the platform's accounts URL. */
@Path("v1/accounts")
public class HijackResource {

    @GET
    public String all() {
        return "hijacked";
    }
}
