package org.tandem.stimuli.library;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.observer.Raster;
import org.tandem.protocols.observer.StimulusImages;
import org.tandem.protocols.plan.PlannedStimuli;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.plan.TrialPlan;
import org.tandem.stimuli.folder.FolderSetOptions;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.synthetic.BuiltInFaceSets;
import org.tandem.stimuli.synthetic.FaceSet;
import org.tandem.stimuli.transform.BuiltInRegions;
import org.tandem.stimuli.transform.FaceFeature;

/**
 * Resolves the stimulus references of a protocol's trials to the exact images every observer sees. Each image is made or
 * read once per library and kept by content hash, so identical images share one copy and nothing is regenerated.
 */
public final class StimulusLibrary implements StimulusImages {
    private final Map<String, StimulusSource> sources;
    private final Map<String, ImageFolderSet> folders;
    private final Map<String, String> hashByRef = new ConcurrentHashMap<>();
    private final Map<String, Raster> rasterByHash = new ConcurrentHashMap<>();

    private StimulusLibrary(Map<String, StimulusSource> sources, Map<String, ImageFolderSet> folders) {
        this.sources = sources;
        this.folders = folders;
    }

    /** A source of images for one named set. */
    @FunctionalInterface
    public interface StimulusSource {
        Raster image(StimulusRef ref);
    }

    /** A library that knows the built-in face sets (default size and seed) and any sets added with {@link #with}. */
    public static StimulusLibrary builtIn() {
        Map<String, StimulusSource> sources = new HashMap<>();
        for (String name : BuiltInFaceSets.NAMES) {
            sources.put(name, BuiltInFaceSets.defaults(name)::render);
        }
        return new StimulusLibrary(sources, Map.of());
    }

    /** {@link #forProtocol(Protocol, Path, PhotoRegions)} for protocols that mask no image folder. */
    public static StimulusLibrary forProtocol(Protocol protocol, Path protocolDir) {
        return forProtocol(protocol, protocolDir, PhotoRegions.NONE);
    }

    /**
     * The library a protocol needs: the built-in sets, each with the face part masked that the protocol's {@code mask}
     * names, plus every image-folder set it declares with a {@code path} (relative to {@code protocolDir}), each checked
     * in full before anything runs: it must hold an image for every stimulus the protocol can show (every planned
     * continuum level of every identity), and a folder with a {@code mask} has the part masked where {@code photoRegions}
     * finds it. Every observer of the protocol, person or network, is given its images from here.
     */
    public static StimulusLibrary forProtocol(Protocol protocol, Path protocolDir, PhotoRegions photoRegions) {
        StimulusLibrary library = builtIn();
        Set<StimulusRef> shown = PlannedStimuli.of(protocol);
        for (Protocol.StimulusSet set : protocol.stimulusSets()) {
            if (set.path() != null) {
                ImageFolderSet folder = ImageFolderSet.open(protocolDir.resolve(set.path()),
                        FolderSetOptions.defaults().withName(set.name()));
                List<StimulusRef> fromFolder = shown.stream().filter(ref -> ref.set().equals(set.name())).toList();
                FolderCoverage.require(folder, fromFolder);
                library = library.withFolder(set.name(), folder);
                if (set.mask() != null) {
                    library = library.with(set.name(), new MaskedImages(folder::image, FaceFeature.of(set.mask()),
                            photoRegions.forFolder(folder, fromFolder)));
                }
            } else if (set.mask() != null && BuiltInFaceSets.isBuiltIn(set.name())) {
                FaceSet faces = BuiltInFaceSets.defaults(set.name());
                library = library.with(set.name(), new MaskedImages(faces::render, FaceFeature.of(set.mask()),
                        (ref, part, image) -> BuiltInRegions.of(faces, ref, part)));
            }
        }
        library.requireSetsOf(protocol);
        return library;
    }

    public StimulusLibrary with(String setName, StimulusSource source) {
        Map<String, StimulusSource> more = new HashMap<>(sources);
        more.put(setName, source);
        return new StimulusLibrary(more, folders);
    }

    /** This library with an image-folder set added under a name (its manifest stays readable, e.g. for face boxes). */
    public StimulusLibrary withFolder(String setName, ImageFolderSet folder) {
        Map<String, ImageFolderSet> more = new HashMap<>(folders);
        more.put(setName, folder);
        StimulusLibrary library = with(setName, folder::image);
        return new StimulusLibrary(library.sources, more);
    }

    /** The image-folder set loaded under a name, if that set is a folder. */
    public java.util.Optional<ImageFolderSet> folder(String setName) {
        return java.util.Optional.ofNullable(folders.get(setName));
    }

    @Override
    public Raster image(StimulusRef ref) {
        String hash = hashByRef.get(ref.id());
        if (hash == null) {
            StimulusSource source = sources.get(ref.set());
            if (source == null) {
                throw new TandemException("no stimulus set named '" + ref.set() + "' is loaded; known sets: "
                        + sources.keySet());
            }
            Raster raster = source.image(ref);
            hash = raster.contentHash();
            rasterByHash.putIfAbsent(hash, raster);
            hashByRef.put(ref.id(), hash);
        }
        return rasterByHash.get(hash);
    }

    /** Resolves every stimulus of a plan up front, so a missing image stops the session before it starts. */
    public void preload(TrialPlan plan) {
        for (Trial trial : plan.trials()) {
            trial.stimuli().forEach(shown -> image(shown.stimulus()));
        }
    }

    /** Whether the protocol's stimulus sets are all available in this library. */
    public void requireSetsOf(Protocol protocol) {
        for (Protocol.StimulusSet set : protocol.stimulusSets()) {
            if (!sources.containsKey(set.name())) {
                throw new TandemException("protocol " + protocol.id() + " uses stimulus set '" + set.name()
                        + "', which is not loaded; known sets: " + sources.keySet());
            }
        }
    }

    /** How many distinct images are held (identical images count once). */
    public int distinctImages() {
        return rasterByHash.size();
    }
}
