package org.tandem.engine.cli;

import org.tandem.engine.layers.LayerSweeper;

/** Progress of a layer-by-layer comparison: a bar per network while it reads the images, then one for its readouts. */
final class LayerBars implements LayerSweeper.Progress, AutoCloseable {
    private Progress bar;
    private String current;

    @Override
    public void imagesRead(String network, int done, int total) {
        show(network + " images", total);
        bar.stepTo(done);
    }

    @Override
    public void layerDone(String network, String layer, int done, int total) {
        show(network + " readouts", total);
        bar.stepTo(done);
    }

    private void show(String what, int total) {
        if (!what.equals(current)) {
            close();
            bar = Progress.of(what, total);
            current = what;
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
