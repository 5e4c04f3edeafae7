package org.tandem.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Library logs under Spark as the tandem command line keeps them (its simplelogger.properties): Spark logs through
 * log4j 2, usually at INFO, where H2 would log every SQL statement of every trial and DJL its CUDA probe on every
 * CPU-only worker. Set in each JVM that opens a store or a network: the driver and every executor.
 */
final class LibraryLogs {
    private LibraryLogs() {
    }

    static void quiet() {
        try {
            // H2 logs the errors Tandem already reports in one line (locked file, wrong password) with stack traces
            Configurator.setLevel("h2database", Level.OFF);
            Configurator.setLevel("ai.djl.util.cuda", Level.ERROR);
            Configurator.setLevel("ai.djl.onnxruntime.engine.OrtEngine", Level.ERROR);
        } catch (LinkageError e) {
            // a cluster whose Spark logs through another backend: its own configuration decides
        }
    }
}
