package dev.interviewtutor.grading;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks ONNX Runtime's native libraries once into a per-user cache and points ONNX Runtime at
 * them ({@code onnxruntime.native.path}). Left alone, ONNX Runtime unpacks ~16 MB into a new {@code
 * /tmp/onnxruntime-java*} directory on every start and leaves that directory behind (it asks the
 * JVM to delete the directory before the files in it); with the libraries found in place its
 * directory stays empty and is deleted at exit, and start-up skips the copy. Any failure leaves
 * ONNX Runtime's own behaviour.
 */
final class OnnxNativeLibraries {
  private static final Logger LOG = LoggerFactory.getLogger(OnnxNativeLibraries.class);
  static final String PATH_PROPERTY = "onnxruntime.native.path";
  private static boolean done;

  private OnnxNativeLibraries() {}

  /**
   * Before the first use of ONNX Runtime. Does nothing if the path is already set or the platform
   * unknown.
   */
  static synchronized void prepare() {
    if (done || System.getProperty(PATH_PROPERTY) != null) {
      return;
    }
    done = true;
    String platform = platform();
    if (platform == null) {
      return;
    }
    boolean mac = platform.startsWith("osx");
    String suffix = mac ? ".dylib" : ".so";
    List<String> names = List.of("libonnxruntime" + suffix, "libonnxruntime4j_jni" + suffix);
    try {
      Path dir = null;
      for (String name : names) {
        URL url =
            OnnxNativeLibraries.class.getResource(
                "/ai/onnxruntime/native/" + platform + "/" + name);
        if (url == null) {
          return;
        }
        URLConnection connection = url.openConnection();
        // The jar entry's CRC names the cache directory: a new ONNX Runtime version unpacks beside
        // the old one.
        long crc = connection instanceof JarURLConnection jar ? jar.getJarEntry().getCrc() : 0;
        if (dir == null) {
          dir = cacheRoot().resolve("onnxruntime-" + platform + "-" + Long.toHexString(crc));
          Files.createDirectories(dir);
        }
        Path target = dir.resolve(name);
        if (!Files.isRegularFile(target)
            || Files.size(target) != connection.getContentLengthLong()) {
          Path part = Files.createTempFile(dir, name, ".part");
          try (InputStream in = connection.getInputStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
          }
          Files.move(
              part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      System.setProperty(PATH_PROPERTY, dir.toString());
    } catch (IOException | RuntimeException e) {
      LOG.debug("ONNX Runtime unpacks its own native libraries: {}", e.toString());
    }
  }

  /**
   * ~/.cache/interview-tutor, or a directory under java.io.tmpdir when the home is not writable.
   */
  private static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home", "/nonexistent"), ".cache");
    Path root = base.resolve("interview-tutor");
    try {
      Files.createDirectories(root);
      if (Files.isWritable(root)) {
        return root;
      }
    } catch (IOException | SecurityException e) {
      // fall through to the temp dir
    }
    return Path.of(
        System.getProperty("java.io.tmpdir"),
        "interview-tutor-" + System.getProperty("user.name", "user"));
  }

  /** ONNX Runtime's name for this platform, or null. */
  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String o = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : null;
    String a =
        arch.equals("amd64") || arch.equals("x86_64")
            ? "x64"
            : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
    return o == null || a == null ? null : o + "-" + a;
  }
}
