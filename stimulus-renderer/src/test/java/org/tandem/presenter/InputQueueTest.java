package org.tandem.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputQueueTest {

    @Test
    void eventsComeOutInArrivalOrderWithTheirTimestamps() {
        InputQueue queue = new InputQueue(4);
        queue.key(65, 100);
        queue.character('a', 101);
        queue.click(0, 12.5, 30, 102);
        InputEvent event = new InputEvent();

        assertThat(queue.poll(event)).isTrue();
        assertThat(event.kind()).isEqualTo(InputEvent.Kind.KEY);
        assertThat(event.code()).isEqualTo(65);
        assertThat(event.nanos()).isEqualTo(100);
        assertThat(queue.poll(event)).isTrue();
        assertThat(event.kind()).isEqualTo(InputEvent.Kind.CHARACTER);
        assertThat(event.code()).isEqualTo('a');
        assertThat(queue.poll(event)).isTrue();
        assertThat(event.kind()).isEqualTo(InputEvent.Kind.CLICK);
        assertThat(event.x()).isEqualTo(12.5);
        assertThat(event.y()).isEqualTo(30);
        assertThat(event.nanos()).isEqualTo(102);
        assertThat(queue.poll(event)).isFalse();
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsIt() {
        InputQueue queue = new InputQueue(2);
        queue.key(1, 1);
        queue.key(2, 2);
        queue.key(3, 3);
        InputEvent event = new InputEvent();
        assertThat(queue.dropped()).isEqualTo(1);
        assertThat(queue.size()).isEqualTo(2);
        queue.poll(event);
        assertThat(event.code()).isEqualTo(2);
        queue.clear();
        assertThat(queue.poll(event)).isFalse();
    }
}
