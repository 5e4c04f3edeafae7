package org.tandem.stimuli.synthetic;

import static org.tandem.stimuli.synthetic.ActionUnit.AU10_UPPER_LIP_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU12_LIP_CORNER_PULLER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU15_LIP_CORNER_DEPRESSOR;
import static org.tandem.stimuli.synthetic.ActionUnit.AU17_CHIN_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU1_INNER_BROW_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU20_LIP_STRETCHER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU23_LIP_TIGHTENER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU25_LIPS_PART;
import static org.tandem.stimuli.synthetic.ActionUnit.AU26_JAW_DROP;
import static org.tandem.stimuli.synthetic.ActionUnit.AU2_OUTER_BROW_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU4_BROW_LOWERER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU5_UPPER_LID_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU6_CHEEK_RAISER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU7_LID_TIGHTENER;
import static org.tandem.stimuli.synthetic.ActionUnit.AU9_NOSE_WRINKLER;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.tandem.protocols.observer.Raster;
import org.tandem.stimuli.io.RasterFiles;

/**
 * Draws a frontal face from identity and action-unit parameters with Java2D: anti-aliased shapes and soft shading on a
 * grey background. All geometry is laid out on a 256 × 256 design grid and scaled to the output size, so every size
 * shows the same face. Software rendering with fixed inputs gives the same pixels on every run.
 */
public final class FaceRenderer {
    /** Background grey of every synthetic stimulus. */
    public static final Color BACKGROUND = new Color(128, 128, 128);
    static final double DESIGN = 256;

    private FaceRenderer() {
    }

    /** Renders the face at {@code size} × {@code size} pixels. */
    public static Raster render(IdentityParameters id, ExpressionParameters ex, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            prepare(g, BACKGROUND, size);
            g.scale(size / DESIGN, size / DESIGN);
            draw(g, id, ExpressionBySide.symmetric(ex));
        } finally {
            g.dispose();
        }
        return RasterFiles.toRaster(image);
    }

    /** Quality hints of every synthetic drawing, and the background filled in. */
    static void prepare(Graphics2D g, Color background, int size) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setColor(background);
        g.fillRect(0, 0, size, size);
    }

    /** Draws the face on the design grid through {@code g}'s current transform; each side of the face moves on its own. */
    static void draw(Graphics2D g, IdentityParameters id, ExpressionBySide ex) {
        new Drawing(g, id, ex).draw();
    }

    /** One face being drawn: the painter's order, back to front. */
    private static final class Drawing {
        private final Graphics2D g;
        private final FaceGeometry f;
        private final IdentityParameters id;
        private final ExpressionParameters ex;
        private final ExpressionBySide sides;
        private final FaceGeometry leftGeometry;
        private final FaceGeometry rightGeometry;

        Drawing(Graphics2D g, IdentityParameters id, ExpressionBySide sides) {
            this.g = g;
            this.id = id;
            this.sides = sides;
            this.ex = sides.centre();
            this.f = new FaceGeometry(id, ex);
            this.leftGeometry = sides.symmetric() ? f : new FaceGeometry(id, sides.left());
            this.rightGeometry = sides.symmetric() ? f : new FaceGeometry(id, sides.right());
        }

        /** The action units of one side of the face: -1 the image's left, +1 its right. */
        private ExpressionParameters ex(int side) {
            return side < 0 ? sides.left() : sides.right();
        }

        private FaceGeometry f(int side) {
            return side < 0 ? leftGeometry : rightGeometry;
        }

        void draw() {
            if (id.hairStyle() == 2) {
                fill(longHairBack(), id.hair());
            }
            fill(new Rectangle2D.Double(f.cx - f.halfWidth * 0.5, f.chinY - 40, f.halfWidth, DESIGN), shade(id.skin(), 0.82));
            for (int side = -1; side <= 1; side += 2) {
                fill(new Ellipse2D.Double(f.cx + side * f.halfWidth - 7, f.eyeY - 4, 14, 30), shade(id.skin(), 0.86));
            }
            Shape face = f.outline();
            g.setPaint(new RadialGradientPaint(new Point2D.Double(f.cx, f.eyeY + 12), (float) (f.halfWidth * 1.25),
                    new float[] {0f, 0.65f, 1f},
                    new Color[] {shade(id.skin(), 1.06), id.skin(), shade(id.skin(), 0.78)},
                    MultipleGradientPaint.CycleMethod.NO_CYCLE));
            g.fill(face);
            Shape oldClip = g.getClip();
            g.clip(face);
            socketShading();
            cheeks();
            foreheadLines();
            nose();
            nasolabialFolds();
            chin();
            g.setClip(oldClip);
            hair();
            for (int side = -1; side <= 1; side += 2) {
                eye(side);
                brow(side);
            }
            glabellaLines();
            mouth();
        }

        private void socketShading() {
            for (int side = -1; side <= 1; side += 2) {
                double x = f.cx + side * f.eyeDx;
                softSpot(x, f.eyeY - 3, 24 * id.eyeSize(), 15, new Color(60, 30, 20), 0.20 + 0.10 * ex(side).get(AU4_BROW_LOWERER));
            }
        }

        private void cheeks() {
            for (int side = -1; side <= 1; side += 2) {
                double raise = ex(side).get(AU6_CHEEK_RAISER);
                double x = f.cx + side * (f.eyeDx + 6);
                double y = f.eyeY + 24 - 7 * raise;
                softSpot(x, y, 15 + 3 * raise, 10 + 2 * raise, new Color(255, 235, 225), 0.10 + 0.16 * raise);
                softSpot(x, y + 16, 22, 10, new Color(70, 35, 25), 0.05 + 0.22 * raise);
            }
        }

        private void foreheadLines() {
            double lift = 0.5 * ex.get(AU1_INNER_BROW_RAISER) + 0.5 * ex.get(AU2_OUTER_BROW_RAISER);
            if (lift <= 0) {
                return;
            }
            stroke(lineColour(alpha(0.55 * lift)), 1.2);
            for (int i = 0; i < 3; i++) {
                double y = f.browY - 14 - 6 * i;
                g.draw(curve(f.cx - 24 + 3 * i, y + 2, f.cx, y - 2 - 3 * ex.get(AU1_INNER_BROW_RAISER), f.cx + 24 - 3 * i, y + 2));
            }
        }

        private void glabellaLines() {
            double lower = ex.get(AU4_BROW_LOWERER);
            if (lower <= 0) {
                return;
            }
            stroke(lineColour(alpha(0.7 * lower)), 1.3);
            for (int side = -1; side <= 1; side += 2) {
                double x = f.cx + side * 3.5;
                g.draw(curve(x + side, f.browY - 6, x - side * 0.5, f.browY + 1, x + side, f.browY + 7));
            }
        }

        private void nose() {
            double wrinkle = ex.get(AU9_NOSE_WRINKLER);
            double lift = 3.5 * wrinkle + 1.5 * ex.get(AU10_UPPER_LIP_RAISER);
            double tipY = f.noseTipY - lift;
            double wing = 9 * id.noseWidth() * (1 + 0.18 * wrinkle);
            // bridge: soft shadows on both sides
            for (int side = -1; side <= 1; side += 2) {
                stroke(lineColour(alpha(0.22 + 0.25 * wrinkle)), 3.0);
                g.draw(curve(f.cx + side * 7, f.eyeY + 2, f.cx + side * 5.5, (f.eyeY + tipY) / 2, f.cx + side * (wing - 2), tipY - 4));
            }
            softSpot(f.cx, tipY + 5, 16 * id.noseWidth(), 6, new Color(70, 35, 25), 0.30);
            softSpot(f.cx, tipY - 3, 7, 6, new Color(255, 240, 230), 0.35);
            for (int side = -1; side <= 1; side += 2) {
                fill(new Ellipse2D.Double(f.cx + side * wing * 0.45 - 3, tipY + 1, 6, 3.4), new Color(55, 25, 20, 200));
                stroke(new Color(90, 50, 35, 170), 1.4);
                g.draw(curve(f.cx + side * (wing - 3), tipY - 5, f.cx + side * (wing + 1), tipY + 1, f.cx + side * (wing * 0.5), tipY + 4));
            }
            if (wrinkle > 0) {
                stroke(lineColour(alpha(0.85 * wrinkle)), 1.3);
                for (int i = 0; i < 3; i++) {
                    double y = f.eyeY + 6 + 4.5 * i;
                    g.draw(curve(f.cx - 7, y + 1.5, f.cx, y - 1.5, f.cx + 7, y + 1.5));
                }
                softSpot(f.cx, f.eyeY + 12, 14, 12, new Color(70, 30, 20), 0.25 * wrinkle);
            }
        }

        private void nasolabialFolds() {
            for (int side = -1; side <= 1; side += 2) {
                ExpressionParameters ex = ex(side);
                double depth = Math.min(1, 0.35 * ex.get(AU12_LIP_CORNER_PULLER) + 0.35 * ex.get(AU6_CHEEK_RAISER)
                        + 0.8 * ex.get(AU10_UPPER_LIP_RAISER) + 0.6 * ex.get(AU9_NOSE_WRINKLER) + 0.3 * ex.get(AU20_LIP_STRETCHER)
                        + 0.15);
                double startX = f.cx + side * (10 * id.noseWidth() + 2);
                double endX = f.cx + side * (f(side).mouthHalfWidth() + 5);
                double endY = f.mouthY + 6 + 4 * ex.get(AU15_LIP_CORNER_DEPRESSOR);
                stroke(lineColour(alpha(0.6 * depth)), 1.2 + 1.4 * depth);
                g.draw(curve(startX, f.noseTipY - 2, startX + side * (6 + 6 * depth), (f.noseTipY + endY) / 2, endX, endY));
            }
        }

        private void chin() {
            double raise = ex.get(AU17_CHIN_RAISER);
            softSpot(f.cx, f.mouthY + 22 + f.jawDrop() * 0.6, 22, 8, new Color(70, 35, 25), 0.12 + 0.25 * raise);
        }

        private void hair() {
            double top = f.headTopY;
            double w = f.halfWidth + 4;
            double hairline = f.browY - 22 * id.foreheadHeight();
            GeneralPath cap = new GeneralPath();
            double sideBottom = id.hairStyle() == 0 ? f.eyeY - 16 : f.eyeY + 10;
            cap.moveTo(f.cx - w, sideBottom);
            cap.curveTo(f.cx - w - 4, top + 20, f.cx - w * 0.6, top - 8, f.cx, top - 8);
            cap.curveTo(f.cx + w * 0.6, top - 8, f.cx + w + 4, top + 20, f.cx + w, sideBottom);
            cap.lineTo(f.cx + w - 8, sideBottom);
            if (id.hairStyle() == 1) {
                cap.curveTo(f.cx + w - 8, hairline, f.cx + 16, hairline - 6, f.cx - 10, hairline + 4);
                cap.curveTo(f.cx - 30, hairline + 12, f.cx - w + 6, hairline + 8, f.cx - w + 8, sideBottom);
            } else {
                cap.curveTo(f.cx + w - 6, hairline, f.cx + 20, hairline - 2, f.cx, hairline);
                cap.curveTo(f.cx - 20, hairline - 2, f.cx - w + 6, hairline, f.cx - w + 8, sideBottom);
            }
            cap.closePath();
            fill(cap, id.hair());
            stroke(shade(id.hair(), 1.35), 1.0);
            g.draw(curve(f.cx - w * 0.5, top + 6, f.cx, top - 4, f.cx + w * 0.5, top + 6));
        }

        private Shape longHairBack() {
            double w = f.halfWidth + 14;
            GeneralPath back = new GeneralPath();
            back.moveTo(f.cx - w, DESIGN);
            back.curveTo(f.cx - w - 10, f.eyeY, f.cx - w, f.headTopY - 10, f.cx, f.headTopY - 12);
            back.curveTo(f.cx + w, f.headTopY - 10, f.cx + w + 10, f.eyeY, f.cx + w, DESIGN);
            back.closePath();
            return back;
        }

        private void eye(int side) {
            ExpressionParameters ex = ex(side);
            double x = f.cx + side * f.eyeDx;
            double y = f.eyeY;
            double halfWidth = 12 * id.eyeSize();
            double upper = f(side).upperLidHeight();
            double lower = f(side).lowerLidHeight();
            // the inner end of a sad upper lid rises (oblique lid); anger pulls it down
            double innerTilt = 2.5 * ex.get(AU1_INNER_BROW_RAISER) * (1 - ex.get(AU2_OUTER_BROW_RAISER)) - 1.5 * ex.get(AU4_BROW_LOWERER);
            double innerX = x - side * halfWidth;
            double outerX = x + side * halfWidth;
            GeneralPath opening = new GeneralPath();
            opening.moveTo(innerX, y);
            opening.curveTo(innerX + side * halfWidth * 0.45, y - upper * 1.3 - innerTilt,
                    outerX - side * halfWidth * 0.45, y - upper * 1.3, outerX, y - 0.5);
            opening.curveTo(outerX - side * halfWidth * 0.45, y + lower * 1.3, innerX + side * halfWidth * 0.45, y + lower * 1.3,
                    innerX, y);
            opening.closePath();
            // lid crease and upper-lid skin shadow
            stroke(lineColour(alpha(0.45)), 1.1);
            double crease = y - upper * 1.3 - 4.5 + 2 * ex.get(AU4_BROW_LOWERER);
            g.draw(curve(innerX + side * 2, crease + 3, x, crease - 2, outerX - side * 1, crease + 3));
            fill(opening, new Color(238, 234, 228));
            Shape oldClip = g.getClip();
            g.clip(opening);
            double irisR = 6.4 * id.eyeSize();
            double irisY = y + 0.6;
            fill(new Ellipse2D.Double(x - irisR, irisY - irisR, 2 * irisR, 2 * irisR), id.iris());
            stroke(shade(id.iris(), 0.55), 1.0);
            g.draw(new Ellipse2D.Double(x - irisR, irisY - irisR, 2 * irisR, 2 * irisR));
            double pupil = 2.8 * id.eyeSize();
            fill(new Ellipse2D.Double(x - pupil, irisY - pupil, 2 * pupil, 2 * pupil), new Color(15, 10, 10));
            fill(new Ellipse2D.Double(x + 1.5, irisY - 3.2, 2.2, 2.2), new Color(255, 255, 255, 220));
            // shadow of the upper lid on the eyeball
            softSpot(x, y - upper * 1.2, halfWidth * 2.2, 5, new Color(40, 20, 15), 0.35);
            g.setClip(oldClip);
            stroke(new Color(35, 20, 15), 2.3);
            g.draw(upperLid(innerX, outerX, x, y, upper, innerTilt, side, halfWidth));
            stroke(lineColour(alpha(0.7 + 0.3 * ex.get(AU7_LID_TIGHTENER))), 1.0 + 0.8 * ex.get(AU7_LID_TIGHTENER));
            GeneralPath lowerLid = new GeneralPath();
            lowerLid.moveTo(outerX, y - 0.5);
            lowerLid.curveTo(outerX - side * halfWidth * 0.45, y + lower * 1.3, innerX + side * halfWidth * 0.45, y + lower * 1.3,
                    innerX, y);
            g.draw(lowerLid);
        }

        private static Shape upperLid(double innerX, double outerX, double x, double y, double upper, double innerTilt,
                                      int side, double halfWidth) {
            GeneralPath lid = new GeneralPath();
            lid.moveTo(innerX, y);
            lid.curveTo(innerX + side * halfWidth * 0.45, y - upper * 1.3 - innerTilt,
                    outerX - side * halfWidth * 0.45, y - upper * 1.3, outerX + side * 1.5, y + 0.5);
            return lid;
        }

        private void brow(int side) {
            ExpressionParameters ex = ex(side);
            double x = f.cx + side * f.eyeDx;
            double innerLift = 8 * ex.get(AU1_INNER_BROW_RAISER) - 8 * ex.get(AU4_BROW_LOWERER);
            double outerLift = 8 * ex.get(AU2_OUTER_BROW_RAISER) - 1.5 * ex.get(AU4_BROW_LOWERER);
            double innerX = x - side * (11 - 4 * ex.get(AU4_BROW_LOWERER));
            double outerX = x + side * 15;
            double innerY = f.browY - innerLift;
            double outerY = f.browY + 1 - outerLift;
            double arch = 4 + 3 * ex.get(AU2_OUTER_BROW_RAISER) - 2 * ex.get(AU4_BROW_LOWERER)
                    - 3 * ex.get(AU1_INNER_BROW_RAISER) * (1 - ex.get(AU2_OUTER_BROW_RAISER))
                    - 3 * ex.get(AU1_INNER_BROW_RAISER) * ex.get(AU4_BROW_LOWERER); // fear: flat brows drawn together
            double midX = (innerX + outerX) / 2;
            double midY = Math.min(innerY, outerY) - arch;
            double thickness = 4.2 * id.browThickness() * (1 + 0.25 * ex.get(AU4_BROW_LOWERER));
            int steps = 16;
            double[] px = new double[steps + 1];
            double[] py = new double[steps + 1];
            for (int i = 0; i <= steps; i++) {
                double t = (double) i / steps;
                px[i] = (1 - t) * (1 - t) * innerX + 2 * (1 - t) * t * midX + t * t * outerX;
                py[i] = (1 - t) * (1 - t) * innerY + 2 * (1 - t) * t * midY + t * t * outerY;
            }
            GeneralPath shape = new GeneralPath();
            for (int i = 0; i <= steps; i++) {
                double w = thickness * (1.05 - 0.6 * i / steps) / 2;
                double[] n = normal(px, py, i);
                if (i == 0) {
                    shape.moveTo(px[i] + n[0] * w, py[i] + n[1] * w);
                } else {
                    shape.lineTo(px[i] + n[0] * w, py[i] + n[1] * w);
                }
            }
            for (int i = steps; i >= 0; i--) {
                double w = thickness * (1.05 - 0.6 * i / steps) / 2;
                double[] n = normal(px, py, i);
                shape.lineTo(px[i] - n[0] * w, py[i] - n[1] * w);
            }
            shape.closePath();
            fill(shape, browColour());
        }

        private static double[] normal(double[] px, double[] py, int i) {
            int a = Math.max(0, i - 1);
            int b = Math.min(px.length - 1, i + 1);
            double dx = px[b] - px[a];
            double dy = py[b] - py[a];
            double len = Math.hypot(dx, dy);
            return new double[] {-dy / len, dx / len};
        }

        private void mouth() {
            // each corner follows its own side's action units; a symmetric face gives equal halves
            double leftHalf = f(-1).mouthHalfWidth();
            double rightHalf = f(1).mouthHalfWidth();
            double halfWidth = sides.symmetric() ? leftHalf : (leftHalf + rightHalf) / 2;
            double y = f.mouthY - 2.5 * ex.get(AU17_CHIN_RAISER);
            double open = 15 * ex.get(AU26_JAW_DROP) + 5.5 * ex.get(AU25_LIPS_PART) + 2.5 * ex.get(AU20_LIP_STRETCHER)
                    * ex.get(AU25_LIPS_PART);
            double raise = 5.5 * ex.get(AU10_UPPER_LIP_RAISER);
            double thin = 1 - 0.65 * ex.get(AU23_LIP_TIGHTENER);
            double upperThick = 5.0 * id.lipFullness() * thin;
            double lowerThick = 6.5 * id.lipFullness() * thin;
            double left = f.cx - leftHalf;
            double right = f.cx + rightHalf;
            double leftCornerY = y + cornerDy(ex(-1));
            double rightCornerY = y + cornerDy(ex(1));
            // the smile's lip line sags in the middle; a frown's arches
            double sag = 3.5 * ex.get(AU12_LIP_CORNER_PULLER) - 2.5 * ex.get(AU15_LIP_CORNER_DEPRESSOR) - 1.5 * ex.get(AU17_CHIN_RAISER);
            double upperLine = y - open / 2 - raise;
            double lowerLine = y + open / 2;
            Color lip = IdentityParameters.blend(id.skin(), new Color(170, 70, 75), 0.45);

            GeneralPath inner = new GeneralPath();
            inner.moveTo(left, leftCornerY);
            inner.curveTo(left + leftHalf * 0.5, upperLine + sag, right - rightHalf * 0.5, upperLine + sag, right, rightCornerY);
            inner.curveTo(right - rightHalf * 0.5, lowerLine + sag * 1.4, left + leftHalf * 0.5, lowerLine + sag * 1.4, left, leftCornerY);
            inner.closePath();
            if (open + raise > 0.8) {
                fill(inner, new Color(80, 25, 30));
                Shape oldClip = g.getClip();
                g.clip(inner);
                double teethShown = ex.get(AU12_LIP_CORNER_PULLER) + ex.get(AU10_UPPER_LIP_RAISER) + ex.get(AU20_LIP_STRETCHER)
                        + 0.6 * ex.get(AU26_JAW_DROP) * (1 - ex.get(AU5_UPPER_LID_RAISER));
                if (teethShown > 0.2) {
                    double teethHeight = Math.min(7.5, 3 + open * 0.6 + raise);
                    fill(new Rectangle2D.Double(left, upperLine + sag - 3, leftHalf + rightHalf, teethHeight + 3), new Color(238, 232, 220));
                    stroke(new Color(180, 170, 160), 0.6);
                    for (int i = -3; i <= 3; i++) {
                        double tx = f.cx + i * halfWidth * 0.22;
                        g.draw(new java.awt.geom.Line2D.Double(tx, upperLine + sag - 2, tx, upperLine + sag + teethHeight - 1));
                    }
                    if (ex.get(AU20_LIP_STRETCHER) + ex.get(AU10_UPPER_LIP_RAISER) > 0.8) {
                        fill(new Rectangle2D.Double(left, lowerLine + sag * 1.4 - 4, leftHalf + rightHalf, 6), new Color(225, 218, 205));
                    }
                }
                g.setClip(oldClip);
            }
            // upper lip: from the lip line up to the cupid's bow
            double bow = upperLine - upperThick;
            GeneralPath upperLip = new GeneralPath();
            upperLip.moveTo(left, leftCornerY);
            upperLip.curveTo(left + leftHalf * 0.4, bow + sag * 0.6 + 1, f.cx - 7, bow - 1, f.cx - 4, bow - 1);
            upperLip.quadTo(f.cx, bow + 1.2, f.cx + 4, bow - 1);
            upperLip.curveTo(f.cx + 7, bow - 1, right - rightHalf * 0.4, bow + sag * 0.6 + 1, right, rightCornerY);
            upperLip.curveTo(right - rightHalf * 0.5, upperLine + sag, left + leftHalf * 0.5, upperLine + sag, left, leftCornerY);
            upperLip.closePath();
            fill(upperLip, shade(lip, 0.9));
            GeneralPath lowerLip = new GeneralPath();
            lowerLip.moveTo(left, leftCornerY);
            lowerLip.curveTo(left + leftHalf * 0.5, lowerLine + sag * 1.4, right - rightHalf * 0.5, lowerLine + sag * 1.4, right, rightCornerY);
            lowerLip.curveTo(right - rightHalf * 0.35, lowerLine + sag * 1.4 + lowerThick + 2, left + leftHalf * 0.35,
                    lowerLine + sag * 1.4 + lowerThick + 2, left, leftCornerY);
            lowerLip.closePath();
            fill(lowerLip, lip);
            softSpot(f.cx, lowerLine + sag * 1.4 + lowerThick * 0.45, halfWidth * 0.8, 3, new Color(255, 230, 225), 0.25);
            softSpot(f.cx, lowerLine + sag * 1.4 + lowerThick + 5, halfWidth * 1.1, 5, new Color(70, 35, 25), 0.22);
            stroke(new Color(70, 25, 25), 1.3);
            GeneralPath line = new GeneralPath();
            line.moveTo(left - 1, leftCornerY);
            line.curveTo(left + leftHalf * 0.5, upperLine + sag, right - rightHalf * 0.5, upperLine + sag, right + 1, rightCornerY);
            g.draw(line);
            // mouth-corner dimples deepen with pulled or depressed corners
            for (int s = -1; s <= 1; s += 2) {
                double cornerDepth = 0.3 + 0.5 * ex(s).get(AU12_LIP_CORNER_PULLER) + 0.5 * ex(s).get(AU15_LIP_CORNER_DEPRESSOR);
                double cx = s < 0 ? left : right;
                double cornerY = s < 0 ? leftCornerY : rightCornerY;
                stroke(lineColour(alpha(0.5 * cornerDepth)), 1.2);
                g.draw(curve(cx + s * 1, cornerY - 3, cx + s * 3, cornerY, cx + s * 1, cornerY + 3));
            }
        }

        /** How far a mouth corner moves down (up when negative) from the lip line. */
        private static double cornerDy(ExpressionParameters ex) {
            return -8.5 * ex.get(AU12_LIP_CORNER_PULLER) + 7.5 * ex.get(AU15_LIP_CORNER_DEPRESSOR)
                    + 1.5 * ex.get(AU20_LIP_STRETCHER);
        }

        private void softSpot(double x, double y, double rx, double ry, Color colour, double strength) {
            if (strength <= 0) {
                return;
            }
            Color centre = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha(strength));
            Color edge = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0);
            java.awt.geom.AffineTransform saved = g.getTransform();
            g.translate(x, y);
            g.scale(1, ry / rx);
            g.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), (float) rx, new float[] {0f, 1f},
                    new Color[] {centre, edge}));
            g.fill(new Ellipse2D.Double(-rx, -rx, 2 * rx, 2 * rx));
            g.setTransform(saved);
        }

        /** Creases and shadows darken the skin itself, so they show on every skin tone. */
        private Color lineColour(int alpha) {
            Color dark = shade(id.skin(), 0.42);
            return new Color(dark.getRed(), dark.getGreen(), dark.getBlue(), alpha);
        }

        /** Brows are darker than both hair and skin (grey or fair hair still gives visible brows). */
        private Color browColour() {
            Color hair = shade(id.hair(), 0.75);
            Color skin = shade(id.skin(), 0.38);
            return new Color(Math.min(hair.getRed(), skin.getRed()), Math.min(hair.getGreen(), skin.getGreen()),
                    Math.min(hair.getBlue(), skin.getBlue()));
        }

        private void fill(Shape shape, Color colour) {
            g.setPaint(colour);
            g.fill(shape);
        }

        private void stroke(Color colour, double width) {
            g.setPaint(colour);
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }

        private static Shape curve(double x0, double y0, double cx, double cy, double x1, double y1) {
            GeneralPath path = new GeneralPath();
            path.moveTo(x0, y0);
            path.quadTo(cx, cy, x1, y1);
            return path;
        }

        private static int alpha(double fraction) {
            return (int) Math.round(255 * Math.max(0, Math.min(1, fraction)));
        }

        private static Color shade(Color c, double factor) {
            return new Color(clamp(c.getRed() * factor), clamp(c.getGreen() * factor), clamp(c.getBlue() * factor));
        }

        private static int clamp(double v) {
            return (int) Math.max(0, Math.min(255, Math.round(v)));
        }
    }
}
