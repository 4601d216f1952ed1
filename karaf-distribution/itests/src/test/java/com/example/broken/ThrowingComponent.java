package com.example.broken;

/** The component of a deliberately broken third-party plugin: its activation always fails. */
public class ThrowingComponent {

    public void activate() {
        throw new IllegalStateException("boom: this plugin is broken on purpose");
    }
}
