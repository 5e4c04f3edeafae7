package org.tandem.engine.cli;

import picocli.CommandLine;

/** Version from the jar manifest (set by the build), so --version never drifts from the POM. */
final class TandemVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = TandemCli.class.getPackage().getImplementationVersion();
        return new String[] {"tandem " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")};
    }
}
