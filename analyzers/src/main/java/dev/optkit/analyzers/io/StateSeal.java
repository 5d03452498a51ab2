package dev.optkit.analyzers.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrity check on cached answers: an HMAC-SHA256 over the cache key and the content, with a
 * secret kept in the user's configuration directory ({@code ~/.config/optkit/state-key}), outside
 * every project. A cache file a pull request planted, or one damaged on disk, fails the check and is
 * dropped, never served: its author cannot compute the check without the secret. Where the secret
 * cannot be kept, each run has its own, and caches are written but never reused.
 */
public final class StateSeal {
  private static final byte[] MAGIC = "optkit-sealed-1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int MAC_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static volatile byte[] secret;

  private StateSeal() {}

  /** The content with its check in front. */
  public static byte[] seal(String key, byte[] content) {
    byte[] mac = mac(key, content);
    return ByteBuffer.allocate(MAGIC.length + MAC_BYTES + content.length).put(MAGIC).put(mac).put(content).array();
  }

  /** The content, when the check holds for this key; empty for anything else. */
  public static Optional<byte[]> open(String key, byte[] sealed) {
    if (sealed.length < MAGIC.length + MAC_BYTES || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Optional.empty();
    }
    byte[] content = Arrays.copyOfRange(sealed, MAGIC.length + MAC_BYTES, sealed.length);
    byte[] stored = Arrays.copyOfRange(sealed, MAGIC.length, MAGIC.length + MAC_BYTES);
    return MessageDigest.isEqual(stored, mac(key, content)) ? Optional.of(content) : Optional.empty();
  }

  private static byte[] mac(String key, byte[] content) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret(), ALGORITHM));
      byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
      mac.update(ByteBuffer.allocate(4).putInt(keyBytes.length).array());
      mac.update(keyBytes);
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] secret() {
    byte[] known = secret;
    if (known == null) {
      synchronized (StateSeal.class) {
        if (secret == null) {
          secret = loadOrCreate(keyFile());
        }
        known = secret;
      }
    }
    return known;
  }

  static Path keyFile() {
    String configured = System.getenv("XDG_CONFIG_HOME");
    Path config = configured != null && !configured.isBlank() ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".config");
    return config.resolve("optkit").resolve("state-key");
  }

  /** The user's secret: read when it is a plain file of the right size, else created exclusively, readable by its owner only. */
  static byte[] loadOrCreate(Path file) {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == MAC_BYTES) {
          try (var channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer read = ByteBuffer.allocate(MAC_BYTES);
            while (read.hasRemaining() && channel.read(read) > 0) {
              // a 32-byte file
            }
            if (!read.hasRemaining()) {
              return read.array();
            }
          }
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          break; // something else is there: never overwritten, and this run's caches are its own
        }
        Files.createDirectories(file.getParent());
        byte[] fresh = new byte[MAC_BYTES];
        new SecureRandom().nextBytes(fresh);
        try (var channel = Files.newByteChannel(file, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
          AtomicFile.writeFully(channel, fresh);
        }
        return fresh;
      } catch (FileAlreadyExistsException e) {
        // another optkit created it meanwhile: read it
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        break;
      }
    }
    byte[] ownOnly = new byte[MAC_BYTES];
    new SecureRandom().nextBytes(ownOnly);
    return ownOnly;
  }
}
