package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelLayoutTest {
    private static final List<String> SIX = List.of("anger", "disgust", "fear", "happiness", "sadness", "surprise");
    private static final float[] WIDTHS = {60, 80, 45, 110, 90, 95};

    @Test
    void sixLabelsFitInOneCentredRowOnAWideScreen() {
        List<LabelBox> boxes = LabelLayout.layout(SIX, WIDTHS, 30, 1280, 1024);
        assertThat(boxes).extracting(LabelBox::label).containsExactlyElementsOf(SIX);
        assertThat(boxes).extracting(LabelBox::y).containsOnly(boxes.get(0).y());
        int left = boxes.get(0).x();
        LabelBox last = boxes.get(5);
        assertThat(left).isEqualTo(1280 - (last.x() + last.width()));
        for (int i = 1; i < boxes.size(); i++) {
            assertThat(boxes.get(i).x()).isGreaterThanOrEqualTo(boxes.get(i - 1).x() + boxes.get(i - 1).width());
        }
        assertThat(boxes.get(0).width()).isGreaterThan(110);
    }

    @Test
    void aNarrowScreenWrapsLabelsIntoRowsThatStayOnScreen() {
        List<LabelBox> boxes = LabelLayout.layout(SIX, WIDTHS, 30, 500, 800);
        assertThat(boxes.stream().map(LabelBox::y).distinct().count()).isGreaterThan(1);
        assertThat(boxes).allSatisfy(box -> {
            assertThat(box.x()).isNotNegative();
            assertThat(box.x() + box.width()).isLessThanOrEqualTo(500);
            assertThat(box.y() + box.height()).isLessThanOrEqualTo(800);
        });
    }

    @Test
    void aClickHitsTheBoxItIsInAndNothingBetweenBoxes() {
        List<LabelBox> boxes = LabelLayout.layout(SIX, WIDTHS, 30, 1280, 1024);
        for (int i = 0; i < boxes.size(); i++) {
            LabelBox box = boxes.get(i);
            assertThat(LabelLayout.hit(boxes, box.x() + box.width() / 2.0, box.y() + box.height() / 2.0)).isEqualTo(i);
            assertThat(LabelLayout.hit(boxes, box.x(), box.y())).isEqualTo(i);
            assertThat(LabelLayout.hit(boxes, box.x() + box.width(), box.y())).isNotEqualTo(i);
        }
        LabelBox first = boxes.get(0);
        assertThat(LabelLayout.hit(boxes, first.x() + first.width() + 1, first.y() + 1)).isEqualTo(-1);
        assertThat(LabelLayout.hit(boxes, 5, 5)).isEqualTo(-1);
    }
}
