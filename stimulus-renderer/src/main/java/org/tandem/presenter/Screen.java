package org.tandem.presenter;

/**
 * One thing the participant sees, drawn anew every frame. Screens lay themselves out when they are made, so
 * {@link #draw} only issues draw calls and allocates nothing.
 */
@FunctionalInterface
public interface Screen {
    void draw(Canvas canvas);
}
