package org.tandem.stimuli.folder;

/** Width and height of an image in pixels. */
public record ImageSize(int width, int height) {

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
