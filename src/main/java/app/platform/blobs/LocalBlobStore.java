package app.platform.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Objects as files under a directory. A write goes to a temporary file first and is then moved into place, so a
 * reader never sees half a file and a crash leaves at most a temporary file behind.
 */
final class LocalBlobStore implements BlobStore {

    private final Path root;

    LocalBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob directory " + this.root, e);
        }
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException notOnThisFileSystem) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot store blob " + key, e);
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(Files.newInputStream(pathOf(key)));
        }
        catch (NoSuchFileException missing) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + key, e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(key)));
        }
        catch (NoSuchFileException missing) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(pathOf(key));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete blob " + key, e);
        }
    }

    @Override
    public void deleteAll(String prefix) {
        Path folder = pathOf(prefix);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete blobs under " + prefix, e);
        }
    }

    private Path pathOf(String key) {
        Path path = root.resolve(BlobStore.checked(key)).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
        return path;
    }
}
