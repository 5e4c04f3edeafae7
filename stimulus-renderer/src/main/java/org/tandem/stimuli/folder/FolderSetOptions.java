package org.tandem.stimuli.folder;

/**
 * How to open an image folder as a stimulus set.
 *
 * @param name     the set's name in {@code StimulusRef}s (null: the folder's name)
 * @param resizeTo resize every image to N×N when it is loaded, which also allows images of different sizes (null: keep the
 *                 size, and every image must have the same one)
 * @param scheme   the naming scheme for a folder without a manifest (null: whichever of {@link NamingScheme#standard()}
 *                 matches most files)
 */
public record FolderSetOptions(String name, Integer resizeTo, NamingScheme scheme) {

    public FolderSetOptions {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a stimulus set name cannot be blank");
        }
        if (resizeTo != null && resizeTo <= 0) {
            throw new IllegalArgumentException("resizeTo must be positive, got " + resizeTo);
        }
    }

    public static FolderSetOptions defaults() {
        return new FolderSetOptions(null, null, null);
    }

    public FolderSetOptions withName(String setName) {
        return new FolderSetOptions(setName, resizeTo, scheme);
    }

    public FolderSetOptions withResizeTo(int size) {
        return new FolderSetOptions(name, size, scheme);
    }

    public FolderSetOptions withScheme(NamingScheme namingScheme) {
        return new FolderSetOptions(name, resizeTo, namingScheme);
    }
}
