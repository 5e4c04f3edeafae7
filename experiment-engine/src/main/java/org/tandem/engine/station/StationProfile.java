package org.tandem.engine.station;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.tandem.protocols.TandemException;

/**
 * What a testing station knows about its own hardware, kept in one file ({@code station.json}) beside it so every
 * session there runs with the same settings: the monitor to use, its visible width and the viewing distance, the
 * photodiode square, the trigger port, and the display's gamma from {@code tandem calibrate gamma}. Every field is
 * optional; options given to {@code tandem run} win over the file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StationProfile(Integer screen, Double screenWidthCm, Double distanceCm, String photodiode,
                             Triggers triggers, Gamma gamma) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The serial trigger port; {@code baud} defaults to 115200. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Triggers(String port, Integer baud) {
    }

    /**
     * The display's calibration: the fitted exponent and the 256-entry linearisation table the station draws through.
     *
     * @param fit          the fit in words, with the file it came from
     */
    public record Gamma(double exponent, double[] lut, String fit) {
    }

    public static final StationProfile EMPTY = new StationProfile(null, null, null, null, null, null);

    /**
     * @throws TandemException naming the file and the field when the profile cannot be read
     */
    public static StationProfile read(Path file) {
        StationProfile profile;
        try {
            profile = JSON.readValue(file.toFile(), StationProfile.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            throw new TandemException(file + ": " + (field.isEmpty() ? "" : "field '" + field + "': ")
                    + e.getOriginalMessage().split("\n")[0] + "; see docs/PRESENTER.md (Station profile)", e);
        } catch (JsonProcessingException e) {
            throw new TandemException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new TandemException("cannot read the station profile " + file + " (" + e.getMessage() + ")", e);
        }
        profile.check(file);
        return profile;
    }

    private void check(Path file) {
        if (screenWidthCm != null && !(screenWidthCm > 0) || distanceCm != null && !(distanceCm > 0)) {
            throw new TandemException(file + ": screenWidthCm and distanceCm must be positive centimetres");
        }
        if (gamma != null && (gamma.lut() == null || gamma.lut().length != 256)) {
            throw new TandemException(file + ": field 'gamma.lut' must hold 256 levels; run tandem calibrate gamma again");
        }
        if (triggers != null && (triggers.port() == null || triggers.port().isBlank())) {
            throw new TandemException(file + ": field 'triggers.port' names no device, e.g. /dev/ttyUSB0");
        }
    }

    /** This profile with another gamma. */
    public StationProfile withGamma(Gamma newGamma) {
        return new StationProfile(screen, screenWidthCm, distanceCm, photodiode, triggers, newGamma);
    }

    /** Writes the profile, replacing the file in one step (a temporary file moved over it). */
    public void write(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "station", ".json.tmp");
            JSON.writeValue(temporary.toFile(), this);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TandemException("cannot write the station profile " + file + " (" + e.getMessage() + ")", e);
        }
    }
}
