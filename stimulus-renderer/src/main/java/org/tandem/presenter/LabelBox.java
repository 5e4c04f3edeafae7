package org.tandem.presenter;

/** A clickable response label on the response screen, in canvas pixels (top-left origin). */
public record LabelBox(String label, int x, int y, int width, int height) {

    public boolean contains(double px, double py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }
}
