package org.tandem.stimuli.morph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;

/**
 * The Delaunay triangles of a shape (JTS's triangulation), as triples of point indices: the same triples, applied to
 * every shape of a morph, define the piecewise-affine map between them.
 */
public final class ShapeTriangulation {
    private ShapeTriangulation() {
    }

    /** @return 3 point indices per triangle; points at the same place are triangulated once (the first of them) */
    public static int[] of(LandmarkShape shape) {
        Map<Coordinate, Integer> index = new HashMap<>();
        List<Coordinate> sites = new ArrayList<>(shape.size());
        for (int i = 0; i < shape.size(); i++) {
            Coordinate c = new Coordinate(shape.x(i), shape.y(i));
            if (index.putIfAbsent(c, i) == null) {
                sites.add(c);
            }
        }
        DelaunayTriangulationBuilder builder = new DelaunayTriangulationBuilder();
        builder.setSites(sites);
        Geometry triangles = builder.getTriangles(new GeometryFactory());
        int[] out = new int[triangles.getNumGeometries() * 3];
        for (int t = 0; t < triangles.getNumGeometries(); t++) {
            Coordinate[] ring = triangles.getGeometryN(t).getCoordinates();
            for (int k = 0; k < 3; k++) {
                Integer i = index.get(new Coordinate(ring[k].x, ring[k].y));
                if (i == null) {
                    throw new IllegalStateException("the triangulation made a point the shape does not have: " + ring[k]);
                }
                out[t * 3 + k] = i;
            }
        }
        return out;
    }
}
