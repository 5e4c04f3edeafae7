package org.tandem.presenter.screen;

import java.util.List;
import org.tandem.presenter.Canvas;
import org.tandem.presenter.Colour;
import org.tandem.presenter.FontAtlas;
import org.tandem.presenter.Fonts;
import org.tandem.presenter.LabelBox;
import org.tandem.presenter.LabelLayout;
import org.tandem.presenter.Screen;

/** The question and one clickable box per response label; a chosen box can be highlighted. */
public final class ResponseScreen implements Screen {
    private final TextBlock prompt;
    private final FontAtlas labelFont;
    private final List<LabelBox> boxes;
    private final float[] labelWidths;
    private int highlighted = -1;

    public ResponseScreen(Fonts fonts, int width, int height, String prompt, List<String> labels) {
        this.labelFont = fonts.body();
        this.prompt = new TextBlock(fonts.body(), prompt, width * 0.7f, width / 2f, height * 0.55f);
        labelWidths = new float[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            labelWidths[i] = labelFont.width(labels.get(i));
        }
        boxes = LabelLayout.layout(labels, labelWidths, labelFont.lineHeight(), width, height);
    }

    /** The label boxes in canvas pixels, for hit-testing clicks with {@link LabelLayout#hit}. */
    public List<LabelBox> boxes() {
        return boxes;
    }

    /** Marks the box at {@code index} as chosen (-1: none). */
    public void highlight(int index) {
        highlighted = index;
    }

    @Override
    public void draw(Canvas canvas) {
        prompt.draw(canvas, Colour.WHITE);
        for (int i = 0; i < boxes.size(); i++) {
            LabelBox box = boxes.get(i);
            canvas.fillRect(box.x(), box.y(), box.width(), box.height(), i == highlighted ? Colour.WHITE : Colour.BOX);
            float baseline = box.y() + (box.height() - labelFont.lineHeight()) / 2f + labelFont.ascent();
            labelFont.drawCentred(canvas, box.label(), box.x() + box.width() / 2f, baseline,
                    i == highlighted ? Colour.BLACK : Colour.WHITE);
        }
    }
}
