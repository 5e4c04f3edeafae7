package org.tandem.presenter;

import java.util.ArrayList;
import java.util.List;

/**
 * Places response labels as equal boxes in centred rows across the lower part of the screen, as many per row as fit
 * (six emotion labels fit in one row on any common monitor), and finds which box a click hits.
 */
public final class LabelLayout {
    /** Top of the first row, as a fraction of the screen height. */
    static final double TOP = 0.70;

    private LabelLayout() {
    }

    /**
     * @param labels      the labels in the protocol's order
     * @param textWidths  each label's text width in pixels
     * @param textHeight  the height of a line of label text
     */
    public static List<LabelBox> layout(List<String> labels, float[] textWidths, float textHeight, int screenWidth,
                                        int screenHeight) {
        int padding = Math.round(textHeight * 0.8f);
        int gap = padding;
        float widest = 0;
        for (float w : textWidths) {
            widest = Math.max(widest, w);
        }
        int boxWidth = Math.min(screenWidth - 2 * gap, Math.round(widest) + 2 * padding);
        int boxHeight = Math.round(textHeight) + padding;
        int perRow = Math.max(1, Math.min(labels.size(), (screenWidth - gap) / (boxWidth + gap)));
        List<LabelBox> boxes = new ArrayList<>();
        int top = (int) Math.round(screenHeight * TOP);
        for (int i = 0; i < labels.size(); i++) {
            int row = i / perRow;
            int inRow = Math.min(perRow, labels.size() - row * perRow);
            int rowWidth = inRow * boxWidth + (inRow - 1) * gap;
            int left = (screenWidth - rowWidth) / 2;
            int column = i % perRow;
            boxes.add(new LabelBox(labels.get(i), left + column * (boxWidth + gap), top + row * (boxHeight + gap),
                    boxWidth, boxHeight));
        }
        return List.copyOf(boxes);
    }

    /** The index of the box containing (x, y), or -1 when the point is on none. */
    public static int hit(List<LabelBox> boxes, double x, double y) {
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).contains(x, y)) {
                return i;
            }
        }
        return -1;
    }
}
