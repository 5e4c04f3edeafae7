package org.tandem.engine.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The dashboard's one page: HTML with its CSS and script inline, so it needs nothing from the network. */
final class DashboardPage {
    private static final String RESOURCE = "dashboard.html";
    private static volatile String html;

    private DashboardPage() {
    }

    static String html() {
        if (html == null) {
            try (InputStream in = DashboardPage.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the build");
                }
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return html;
    }
}
