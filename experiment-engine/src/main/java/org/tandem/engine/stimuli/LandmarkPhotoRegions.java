package org.tandem.engine.stimuli;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.library.PartRegions;
import org.tandem.stimuli.library.PhotoRegions;
import org.tandem.stimuli.transform.FaceFeature;
import org.tandem.stimuli.transform.Region;

/**
 * The face parts of an image folder's photographs, from face-api's 68 landmarks in each image's face box
 * ({@link FaceLandmarks}). The stimuli a protocol can show are looked at once, together, when its library is made, so
 * a face the network cannot find stops the command before a session starts; each image's landmarks are then kept in
 * memory for every later mask of it.
 */
public final class LandmarkPhotoRegions implements PartRegions {
    /** The supplier a protocol's library uses for masked folders. */
    public static final PhotoRegions PHOTOS = LandmarkPhotoRegions::new;

    private final ImageFolderSet folder;
    private final Map<StimulusRef, FaceLandmarks> byStimulus = new ConcurrentHashMap<>();

    private LandmarkPhotoRegions(ImageFolderSet folder, Collection<StimulusRef> shown) {
        this.folder = folder;
        find(List.copyOf(shown));
    }

    @Override
    public List<Region> of(StimulusRef ref, FaceFeature feature, Raster image) {
        FaceLandmarks landmarks = byStimulus.get(ref);
        if (landmarks == null) {
            // a stimulus outside the protocol's plans: found on its own
            landmarks = FaceLandmarks.find(List.of(face(ref, image))).get(0);
            byStimulus.put(ref, landmarks);
        }
        return landmarks.regions(feature);
    }

    private void find(List<StimulusRef> refs) {
        List<FaceLandmarks> found = FaceLandmarks.find(refs.stream().map(ref -> face(ref, folder.image(ref))).toList());
        for (int i = 0; i < refs.size(); i++) {
            byStimulus.put(refs.get(i), found.get(i));
        }
    }

    private FaceLandmarks.Face face(StimulusRef ref, Raster image) {
        return new FaceLandmarks.Face(image, folder.faceBox(ref), "stimulus set '" + folder.name() + "' ("
                + folder.root() + "), image of " + ref.id());
    }
}
