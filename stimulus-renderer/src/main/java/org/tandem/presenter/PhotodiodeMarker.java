package org.tandem.presenter;

import java.util.Locale;
import org.tandem.protocols.TandemException;

/**
 * A square in a corner of the screen for a light sensor (photodiode) taped over it: white on the frames that show a
 * stimulus image, black on every other frame, so the sensor's signal rises exactly when an image reaches that part of
 * the screen. Recording it next to the triggers measures the true onset, the display's delay and its frame-to-frame
 * variation, which the flip timestamps cannot show.
 *
 * @param size   the square's side in pixels
 * @param corner {@code top-left}, {@code top-right}, {@code bottom-left} or {@code bottom-right}
 */
public record PhotodiodeMarker(int size, String corner) {
    public PhotodiodeMarker {
        if (size < 1 || size > 400) {
            throw new TandemException("--photodiode size " + size + " px: give 1 to 400 pixels (e.g. 40)");
        }
        if (!java.util.List.of("top-left", "top-right", "bottom-left", "bottom-right").contains(corner)) {
            throw new TandemException("--photodiode corner '" + corner + "': use top-left, top-right, bottom-left or"
                    + " bottom-right");
        }
    }

    /** From {@code SIZE} or {@code SIZE,CORNER} (default corner: bottom-left). */
    public static PhotodiodeMarker parse(String spec) {
        String[] parts = spec.split(",", 2);
        try {
            return new PhotodiodeMarker(Integer.parseInt(parts[0].strip()),
                    parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "bottom-left");
        } catch (NumberFormatException e) {
            throw new TandemException("--photodiode '" + spec + "': give the square's size in pixels, optionally a"
                    + " corner, e.g. 40 or 40,top-right");
        }
    }

    /** Draws the square, white when {@code lit}, over whatever the frame shows. */
    public void draw(Canvas canvas, boolean lit) {
        float x = corner.endsWith("left") ? 0 : canvas.width() - size;
        float y = corner.startsWith("top") ? 0 : canvas.height() - size;
        canvas.fillRect(x, y, size, size, lit ? Colour.WHITE : Colour.BLACK);
    }

    /** E.g. {@code 40 px, bottom-left}, stored with the session. */
    public String describe() {
        return size + " px, " + corner;
    }
}
