/** What a module adds to the web UI beyond what its metadata gives: its own screens and home-page widgets. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atriumcrm.api.ui;
