package org.tandem.observer.faceapi;

import java.util.ArrayList;
import java.util.List;
import org.tandem.protocols.observer.Raster;

/**
 * The 68 landmarks of faces the detector found, as face-api's {@code withFaceLandmarks()} finds them: each box is clipped
 * to the image and floored, that crop goes through the landmark network, and the points are shifted by the box's own,
 * unclipped and unfloored, origin (face-api's arithmetic, kept so the points agree with it).
 */
public final class FaceLandmarkFinder {
    private final FaceLandmark68Net net;

    public FaceLandmarkFinder(FaceLandmark68Net net) {
        this.net = net;
    }

    /** The faces with their landmarks, in the order given; faces whose box lies wholly outside the image are dropped. */
    public List<LandmarkedFace> find(Raster image, List<DetectedFace> faces) {
        List<DetectedFace> inside = new ArrayList<>();
        List<Raster> crops = new ArrayList<>();
        for (DetectedFace face : faces) {
            Raster crop = clippedCrop(image, face);
            if (crop != null) {
                inside.add(face);
                crops.add(crop);
            }
        }
        List<LandmarkedFace> out = new ArrayList<>(inside.size());
        if (crops.isEmpty()) {
            return out;
        }
        List<Landmarks68> predicted = net.predict(crops);
        for (int i = 0; i < inside.size(); i++) {
            DetectedFace face = inside.get(i);
            List<Landmarks68.Point> points = new ArrayList<>(68);
            for (Landmarks68.Point p : predicted.get(i).points()) {
                points.add(new Landmarks68.Point(p.x() + face.x(), p.y() + face.y()));
            }
            out.add(new LandmarkedFace(face, points));
        }
        return out;
    }

    /** face-api's {@code clipAtImageBorders} then floor of x, y, width and height; null when nothing is left. */
    static Raster clippedCrop(Raster image, DetectedFace face) {
        double left = Math.max(0, face.x());
        double top = Math.max(0, face.y());
        int x = (int) Math.floor(left);
        int y = (int) Math.floor(top);
        int width = (int) Math.floor(Math.min(face.x() + face.width(), image.width()) - left);
        int height = (int) Math.floor(Math.min(face.y() + face.height(), image.height()) - top);
        if (width < 1 || height < 1 || x + width > image.width() || y + height > image.height()) {
            return null;
        }
        return image.crop(x, y, width, height);
    }
}
