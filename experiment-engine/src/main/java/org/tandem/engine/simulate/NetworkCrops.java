package org.tandem.engine.simulate;

import ai.djl.ndarray.NDManager;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.observer.decision.CropSource;
import org.tandem.observer.faceapi.FaceLandmark68Net;
import org.tandem.observer.faceapi.LandmarkAlignment;
import org.tandem.observer.faceapi.ModelSpec;
import org.tandem.observer.nn.DjlEngine;
import org.tandem.observer.store.ModelStore;
import org.tandem.protocols.NetworkCrop;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.folder.FaceBoxColumns;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.library.StimulusLibrary;
import org.tandem.stimuli.synthetic.FaceSet;

/**
 * The crops a network is given in one session, set by set, as the protocol's {@code crop} says ({@link NetworkCrop}):
 * the face box (exact for built-in sets, from the manifest for folders), the whole image, or the face box refined by the
 * 68 landmarks. The choice is stored with the session as station facts {@code crop:SET}, so a resumed session crops as
 * it started; a session stored before crops were chosen gave folders whole and built-in sets their face box.
 */
public final class NetworkCrops implements CropSource, AutoCloseable {
    static final String FACT_PREFIX = "crop:";

    private final SyntheticFaceCrops builtIn;
    private final StimulusLibrary library;
    private final Map<String, NetworkCrop> modes;
    private NDManager manager;
    private FaceLandmark68Net landmarks;

    private NetworkCrops(SyntheticFaceCrops builtIn, StimulusLibrary library, Map<String, NetworkCrop> modes) {
        this.builtIn = builtIn;
        this.library = library;
        this.modes = modes;
    }

    /** The crops a new session of the protocol uses: each set's declared crop, the face box by default. */
    public static NetworkCrops declared(Protocol protocol, StimulusLibrary library, SyntheticFaceCrops builtIn) {
        Map<String, NetworkCrop> modes = new LinkedHashMap<>();
        protocol.stimulusSets().forEach(set -> modes.put(set.name(), set.networkCrop()));
        return new NetworkCrops(builtIn, library, modes);
    }

    /** The crops a stored session was run with, read back from its station facts. */
    public static NetworkCrops stored(Protocol protocol, Map<String, String> facts, StimulusLibrary library,
                                      SyntheticFaceCrops builtIn) {
        Map<String, NetworkCrop> modes = new LinkedHashMap<>();
        for (Protocol.StimulusSet set : protocol.stimulusSets()) {
            String fact = facts.get(FACT_PREFIX + set.name());
            modes.put(set.name(), fact != null ? NetworkCrop.parse(fact)
                    : set.path() == null ? NetworkCrop.FACE_BOX : NetworkCrop.WHOLE_IMAGE);
        }
        return new NetworkCrops(builtIn, library, modes);
    }

    /** The station facts that record the choice, e.g. {@code crop:kdef = face-box}. */
    public Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        modes.forEach((set, mode) -> facts.put(FACT_PREFIX + set, mode.label()));
        return facts;
    }

    /** The built-in set a protocol's default readouts are trained on. */
    public FaceSet facesOf(Protocol protocol) {
        return builtIn.facesOf(protocol);
    }

    /**
     * Checks before the first trial that every stimulus the plan shows has what its crop needs, so a session never stops
     * half-way for a missing face box.
     */
    public void checkCovers(TrialPlan plan) {
        int missing = 0;
        StimulusRef first = null;
        for (Trial trial : plan.trials()) {
            for (var shown : trial.stimuli()) {
                StimulusRef ref = shown.stimulus();
                if (mode(ref) != NetworkCrop.WHOLE_IMAGE && folderOf(ref) != null && folderOf(ref).faceBox(ref) == null) {
                    missing++;
                    first = first == null ? ref : first;
                }
            }
        }
        if (missing > 0) {
            ImageFolderSet folder = folderOf(first);
            throw new TandemException("stimulus set '" + folder.name() + "' (" + folder.root() + ") gives no face box for "
                    + first.id() + (missing > 1 ? " and " + (missing - 1) + " more shown stimuli" : "") + ", and networks"
                    + " see its images through the face box (crop: " + mode(first).label() + "); add"
                    + " the columns " + String.join(", ", FaceBoxColumns.NAMES) + " to its manifest (Tandem's stimulus"
                    + " commands write them), or declare \"crop\": \"whole-image\" for the set if its images are face"
                    + " crops already");
        }
    }

    @Override
    public Raster crop(StimulusRef stimulus, Raster shown) {
        NetworkCrop mode = mode(stimulus);
        ImageFolderSet folder = folderOf(stimulus);
        return switch (mode) {
            case WHOLE_IMAGE -> shown;
            case FACE_BOX -> folder == null ? builtIn.crop(stimulus, shown) : FaceBoxCrop.cut(shown, box(folder, stimulus));
            case LANDMARKS -> {
                Rectangle2D box = folder == null ? builtIn.faceBox(stimulus) : box(folder, stimulus);
                Raster face = FaceBoxCrop.cut(shown, box);
                yield FaceBoxCrop.cut(shown, LandmarkAlignment.align(box, landmarkNet().predict(List.of(face)).get(0)));
            }
        };
    }

    private NetworkCrop mode(StimulusRef stimulus) {
        NetworkCrop mode = modes.get(stimulus.set());
        return mode != null ? mode : folderOf(stimulus) == null ? NetworkCrop.FACE_BOX : NetworkCrop.WHOLE_IMAGE;
    }

    private ImageFolderSet folderOf(StimulusRef stimulus) {
        return library.folder(stimulus.set()).orElse(null);
    }

    private static Rectangle2D box(ImageFolderSet folder, StimulusRef stimulus) {
        Rectangle2D box = folder.faceBox(stimulus);
        if (box == null) {
            throw new TandemException("stimulus set '" + folder.name() + "' gives no face box for " + stimulus.id());
        }
        return box;
    }

    private FaceLandmark68Net landmarkNet() {
        if (landmarks == null) {
            manager = DjlEngine.newBaseManager();
            landmarks = new FaceLandmark68Net(manager, ModelSpec.parse("faceapi:landmarks").weights(ModelStore.faceApi()));
        }
        return landmarks;
    }

    @Override
    public void close() {
        if (landmarks != null) {
            landmarks.close();
            manager.close();
        }
    }
}
