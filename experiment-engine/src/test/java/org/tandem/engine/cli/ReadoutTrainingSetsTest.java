package org.tandem.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.data.SessionFilter;
import org.tandem.data.SessionStatus;
import org.tandem.data.SessionSummary;
import org.tandem.data.StoreOptions;
import org.tandem.data.TandemStore;
import org.tandem.engine.simulate.ModelSessionRunner;
import org.tandem.engine.simulate.ReadoutTrainingSets;
import org.tandem.engine.simulate.SyntheticFaceCrops;
import org.tandem.observer.decision.DecisionRule;
import org.tandem.observer.features.FeatureNetworks;
import org.tandem.observer.readout.ClassifierKind;
import org.tandem.observer.readout.CrossValidation;
import org.tandem.observer.readout.ReadoutLabels;
import org.tandem.observer.readout.ReadoutObserver;
import org.tandem.observer.readout.ReadoutOptions;
import org.tandem.observer.readout.ReadoutSetup;
import org.tandem.observer.readout.TrainingImage;
import org.tandem.observer.readout.TrainingImages;
import org.tandem.observer.spec.ObserverSpec;
import org.tandem.observer.spec.Observers;
import org.tandem.protocols.BuiltinProtocols;
import org.tandem.protocols.Protocol;
import org.tandem.protocols.TandemException;
import org.tandem.protocols.Task;
import org.tandem.protocols.observer.Observer;
import org.tandem.protocols.observer.SessionAbortedException;
import org.tandem.protocols.plan.ShownStimulus;
import org.tandem.protocols.plan.StimulusRef;
import org.tandem.protocols.plan.Trial;
import org.tandem.protocols.record.TrialRecord;
import org.tandem.stimuli.crop.FaceBoxCrop;
import org.tandem.stimuli.folder.ImageFolderSet;
import org.tandem.stimuli.folder.StimulusEntry;
import org.tandem.stimuli.io.RasterFiles;
import org.tandem.stimuli.library.StimulusLibrary;

/**
 * Readouts trained on other labelled sets, with face-api's real weights: a folder drawn by {@code tandem stimuli synth}
 * from {@code synthetic-faces} (other identities: seed 7) trains an expression readout that answers the built-in six-way
 * protocol on {@code varied-faces} (Zhou et al.'s set 1 → set 2), is stored under its absolute path and resumed with the
 * same readout; the same folder trains an identity readout; the RBF SVM and the cross-validation options on real features.
 */
class ReadoutTrainingSetsTest {
    private static final Protocol SIX_WAY = BuiltinProtocols.resolve("expression-6way").read();

    @TempDir
    static Path dir;
    static Path folder;

    @BeforeAll
    static void drawTheTrainingFolder() {
        folder = dir.resolve("synthetic-seed7");
        CliRun synth = CliRun.of("stimuli", "synth", "--set", "synthetic-faces", "--seed", "7", "--identities", "12",
                "--out", folder.toString());
        assertThat(synth.exitCode()).as(synth.err()).isZero();
    }

    @Test
    void aReadoutTrainedOnAFolderAnswersTheBuiltInSetAndResumesWithTheSameReadout() throws IOException {
        Path db = dir.resolve("folder.mv.db");
        // given relative to the working directory, stored absolute
        Path relative = Path.of("").toAbsolutePath().relativize(folder);
        String given = "faceapi:recognition?readout=logistic&train=" + relative;
        String stored = "faceapi:recognition?readout=logistic&train=" + folder.toAbsolutePath().normalize();
        CliRun whole = CliRun.of("simulate", "expression-6way", "--observer", given, "--db", db.toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        double accuracy = whole.accuracy();
        System.out.println("6-way on varied-faces, readout of faceapi:recognition trained on synthetic-faces (seed 7)"
                + " drawn to a folder: accuracy " + accuracy);
        assertThat(accuracy).as("chance is 0.167").isGreaterThan(0.3);
        assertThat(whole.out()).contains("with " + stored + " into");

        String interrupted = startAndAbortAfterPractice(db, ObserverSpec.parse(given), 1);
        // a copy of the folder, changed after its session started, must not be resumed with another readout
        Path copy = dir.resolve("copy");
        copyFolder(folder, copy);
        String changed = startAndAbortAfterPractice(db,
                ObserverSpec.parse("faceapi:recognition?readout=logistic&train=" + copy), 1);
        Files.copy(copy.resolve("02_happy.png"), copy.resolve("01_happy.png"), StandardCopyOption.REPLACE_EXISTING);

        CliRun resumed = CliRun.of("simulate", "expression-6way", "--resume", interrupted, "--db", db.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Resumed session " + interrupted + " with " + stored);
        CliRun refused = CliRun.of("simulate", "expression-6way", "--resume", changed, "--db", db.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(refused.err()).contains("was answered by a readout trained on " + copy + " 84 images sha256:")
                .contains("but the training set now holds other images");

        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            SessionSummary first = store.sessions(SessionFilter.session(whole.sessionId())).get(0);
            assertThat(first.observerId()).isEqualTo(stored);
            assertThat(first.stationInfo().get(ModelSessionRunner.READOUT_TRAINING))
                    .startsWith(folder.toAbsolutePath().normalize() + " 84 images sha256:");
            SessionSummary again = store.sessions(SessionFilter.session(interrupted)).get(0);
            assertThat(again.status()).isEqualTo(SessionStatus.COMPLETED);
            // the resumed session (people's plan) answers every image as the uninterrupted one (the networks' plan)
            Map<String, String> resumedAnswers = answers(store.trials(SessionFilter.session(interrupted)));
            Map<String, String> wholeAnswers = answers(store.trials(SessionFilter.session(first.sessionId())));
            Map<String, String> shared = new TreeMap<>(resumedAnswers);
            shared.keySet().retainAll(wholeAnswers.keySet());
            assertThat(shared).as("trials both plans show").hasSizeGreaterThan(100);
            shared.forEach((trial, answer) -> assertThat(answer).as(trial).isEqualTo(wholeAnswers.get(trial)));
        }
    }

    @Test
    void anIdentityReadoutOfAFolderNamesWhoAnUnseenImageShows() {
        List<String> identities = List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12");
        Task who = new Task.Classification("synthetic-seed7", "identity", identities.stream()
                .map(id -> new Task.ResponseOption("person " + id, null, id, null, null)).toList(), "click");
        TrainingImages all = ReadoutTrainingSets.images(new ReadoutSetup(folder.toString(), ReadoutLabels.IDENTITY, null),
                who, null);
        // trained on the six expressions, tested on each person's neutral face
        TrainingImages expressive = new TrainingImages(all.name(), all.images().stream()
                .filter(i -> !"neutral".equals(i.expression())).toList());
        List<TrainingImage> neutral = all.images().stream().filter(i -> "neutral".equals(i.expression())).toList();
        assertThat(expressive.images()).hasSize(72);
        for (ClassifierKind kind : List.of(ClassifierKind.LOGISTIC, ClassifierKind.RBF_SVM)) {
            try (ReadoutObserver observer = ReadoutObserver.train(who, FeatureNetworks.open("faceapi:recognition"), null,
                    ReadoutOptions.of(kind, new ReadoutSetup(null, ReadoutLabels.IDENTITY, null), 1), expressive,
                    SyntheticFaceCrops.defaults(), new DecisionRule.Argmax())) {
                int right = 0;
                for (TrainingImage image : neutral) {
                    String answer = observer.respond(trial(image.stimulus()), List.of(image.crop())).answer();
                    right += answer.equals("person " + image.stimulus().identity()) ? 1 : 0;
                }
                System.out.printf("identity readout (%s) of faceapi:recognition on 12 drawn identities: CV accuracy %.3f"
                        + " (%s, chance 0.083) at %s; neutral faces named %d of 12%n", kind.label(),
                        observer.fit().cvAccuracy(), observer.fit().folds(), observer.fit().chosen(), right);
                assertThat(observer.fit().folds()).isEqualTo("6 folds by image");
                assertThat(observer.fit().cvAccuracy()).as(kind.label()).isGreaterThan(0.6);
                assertThat(right).as(kind.label()).isGreaterThanOrEqualTo(8);
                StimulusRef trained = expressive.images().get(0).stimulus();
                assertThatThrownBy(() -> observer.respond(trial(trained), List.of(expressive.images().get(0).crop())))
                        .isInstanceOf(TandemException.class).hasMessageContaining("is one of the images the readout");
            }
        }
    }

    @Test
    void theRbfSvmAndTheFoldOptionsOnRealFeatures() {
        SyntheticFaceCrops crops = SyntheticFaceCrops.defaults();
        StimulusLibrary library = StimulusLibrary.builtIn();
        List<Trial> trials = org.tandem.protocols.plan.Planner.plan(SIX_WAY, "networks", 1).trials();
        for (String spec : List.of("faceapi:recognition?readout=rbf-svm", "faceapi:recognition?readout=logistic&cv=image",
                "faceapi:recognition?readout=svm&cv=4", "faceapi:recognition?readout=logistic&train=synthetic-faces")) {
            ObserverSpec parsed = ObserverSpec.parse(spec);
            try (Observer observer = Observers.open(parsed, SIX_WAY.task(), crops, 1, new DecisionRule.Argmax(),
                    new org.tandem.observer.readout.ReadoutTraining((setup, task) -> ReadoutTrainingSets.images(setup,
                            task, crops.facesOf(SIX_WAY)), (done, total) -> { }))) {
                ReadoutObserver readout = (ReadoutObserver) observer;
                int right = 0;
                readout.prepareBlock(trials, library);
                for (Trial trial : trials) {
                    String answer = readout.respond(trial, List.of(library.image(trial.stimuli().get(0).stimulus())))
                            .answer();
                    right += answer.equals(trial.correctAnswer()) ? 1 : 0;
                }
                double accuracy = (double) right / trials.size();
                System.out.printf("%s: CV accuracy %.3f (%s) at %s; expression-6way on varied-faces %.3f%n", spec,
                        readout.fit().cvAccuracy(), readout.fit().folds(), readout.fit().chosen(), accuracy);
                assertThat(readout.id()).isEqualTo(spec);
                assertThat(readout.fit().cvAccuracy()).as(spec).isGreaterThan(0.5);
                assertThat(accuracy).as(spec).isGreaterThan(0.4);
                String folds = switch (parsed.setup().cv().by()) {
                    case IMAGE -> "6 folds by image";
                    case IDENTITY -> parsed.setup().cv().folds() == 4 ? "4 folds by identity" : "6 folds by identity";
                };
                assertThat(readout.fit().folds()).isEqualTo(folds);
                assertThat(readout.fit().chosen().hasGamma()).isEqualTo(parsed.readout() == ClassifierKind.RBF_SVM);
            }
        }
        assertThat(new CrossValidation(CrossValidation.Grouping.IDENTITY, 4).specValue()).isEqualTo("4");
    }

    @Test
    void observeTrainsAReadoutOnEveryClassOfItsSetAndPrintsItsRecord() {
        // observe takes each image as the network's crop; the readout trained on the folder's face boxes
        CliRun run = CliRun.of("observe", "--model", "faceapi:recognition?readout=rbf-svm&labels=identity&train=" + folder,
                "--image", faceCrop("03_neutral.png").toString(), faceCrop("11_surprised.png").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        System.out.println(run.out().lines().limit(2).toList());
        assertThat(run.out()).startsWith("model faceapi:recognition?readout=rbf-svm&train=" + folder.toAbsolutePath()
                        .normalize() + "&labels=identity\nreadout {\"trainedOn\":\"" + folder.toAbsolutePath().normalize()
                        + "\",\"images\":84,\"classes\":12,\"cvAccuracy\":")
                .contains("\"folds\":\"6 folds by image\"", "\"gamma\":")
                .contains("top: 03\n").contains("top: 11\n");
        CliRun bad = CliRun.of("observe", "--model", "faceapi:recognition?readout=svm&labels=identity&cv=identity",
                "--image", folder.resolve("03_neutral.png").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("cv=identity cannot score an identity readout");
    }

    /** The face box of one of the training folder's images, written as its own image. */
    private static Path faceCrop(String file) {
        ImageFolderSet set = ImageFolderSet.open(folder);
        StimulusEntry entry = set.entries().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
        Path crop = dir.resolve("crop-" + file);
        RasterFiles.writePng(FaceBoxCrop.cut(set.image(entry.ref()), set.faceBox(entry.ref())), crop);
        return crop;
    }

    @Test
    void labelsTheTrainingSetLacksAndMissingFoldersAreOneLine() {
        Path db = dir.resolve("errors.mv.db");
        CliRun identity = CliRun.of("simulate", "expression-6way", "--observer",
                "faceapi:recognition?readout=logistic&labels=identity", "--db", db.toString());
        assertThat(identity.exitCode()).isEqualTo(1);
        assertThat(identity.err().strip().lines()).hasSize(1);
        assertThat(identity.err()).contains("readout training set 'varied-faces-readout' has no images of identity"
                + " 'angry', 'disgusted', 'fearful', 'happy', 'sad', 'surprised', which the task's labels stand for; it"
                + " holds 101, 102,").contains("train on a set showing the task's identities");
        CliRun missing = CliRun.of("simulate", "expression-6way", "--observer",
                "faceapi:recognition?readout=svm&train=" + dir.resolve("no-such-folder"), "--db", db.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("is neither a built-in face set (varied-faces, synthetic-faces) nor an image"
                + " folder or manifest that exists");
        CliRun byIdentity = CliRun.of("simulate", "expression-6way", "--observer",
                "faceapi:recognition?readout=svm&labels=identity&cv=identity", "--db", db.toString());
        assertThat(byIdentity.exitCode()).isEqualTo(1);
        assertThat(byIdentity.err()).contains("use cv=image (folds of images) or cv=K");
    }

    /**
     * Starts a session the way simulate does, of the people's plan (a practice block, then the main block), and ends it
     * on purpose once its practice block is committed: a network's session is committed a block at a time, and the
     * last block with the session's completion, so a stop in the first of two blocks leaves a session to resume.
     */
    private static String startAndAbortAfterPractice(Path db, ObserverSpec spec, long seed) {
        BuiltinProtocols.Source source = BuiltinProtocols.resolve("expression-6way");
        Protocol protocol = source.read();
        var request = ModelSessionRunner.Request.of("simulations", source, protocol, null, spec, seed, "argmax", 1);
        long practice = request.plan().trials().stream().filter(Trial::practice).count();
        assertThat(practice).as("the people's plan starts with a practice block").isPositive()
                .isLessThan(request.plan().size());
        try (TandemStore store = TandemStore.open(new StoreOptions(db, null))) {
            ModelSessionRunner runner = new ModelSessionRunner(store, StimulusLibrary.forProtocol(protocol, Path.of(".")),
                    SyntheticFaceCrops.defaults());
            assertThatThrownBy(() -> runner.run(request, (done, total) -> { }, (trial, response, done, total) -> {
                if (done == practice) {
                    throw new SessionAbortedException("stopped after the practice block");
                }
            })).isInstanceOf(SessionAbortedException.class);
            // resuming it still trains and checks its readout first
            return store.sessions().stream().filter(s -> s.status() == SessionStatus.ABORTED)
                    .filter(s -> s.trialsDone() == practice)
                    .map(SessionSummary::sessionId).reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static Trial trial(StimulusRef ref) {
        return new Trial(0, "main:" + ref.id(), "main", false, false, false, java.util.Map.of(),
                List.of(new ShownStimulus("S", ref)), null);
    }



    /** Each trial's answer, by trial id. */
    private static Map<String, String> answers(List<TrialRecord> records) {
        Map<String, String> answers = new TreeMap<>();
        records.forEach(r -> answers.put(r.trial().id(), r.response().answer()));
        return answers;
    }
}
