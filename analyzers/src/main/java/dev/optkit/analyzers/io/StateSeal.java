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
  private static final int HEADER = MAGIC.length + MAC_BYTES;
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
    return holds(key, sealed) ? Optional.of(Arrays.copyOfRange(sealed, HEADER, sealed.length)) : Optional.empty();
  }

  /** As {@link #open}, without copying the content (the facts cache is tens of MB). */
  public static Optional<java.io.InputStream> openStream(String key, byte[] sealed) {
    return holds(key, sealed) ? Optional.of(new java.io.ByteArrayInputStream(sealed, HEADER, sealed.length - HEADER))
        : Optional.empty();
  }

  private static boolean holds(String key, byte[] sealed) {
    if (sealed.length < HEADER || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return false;
    }
    byte[] stored = Arrays.copyOfRange(sealed, MAGIC.length, HEADER);
    return MessageDigest.isEqual(stored, mac(key, sealed, HEADER, sealed.length - HEADER));
  }

  private static byte[] mac(String key, byte[] content) {
    return mac(key, content, 0, content.length);
  }

  private static byte[] mac(String key, byte[] content, int offset, int length) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret(), ALGORITHM));
      byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
      mac.update(ByteBuffer.allocate(4).putInt(keyBytes.length).array());
      mac.update(keyBytes);
      mac.update(content, offset, length);
      return mac.doFinal();
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

  /**
   * {@code $XDG_CONFIG_HOME/optkit/state-key}, else {@code ~/.config/optkit/state-key}; null when
   * neither is an absolute path (a user without a home gets {@code user.home="?"}, and a relative
   * path would put the secret in the project being scanned, where a pull request can plant one).
   */
  static Path keyFile() {
    String configured = System.getenv("XDG_CONFIG_HOME");
    if (configured != null && !configured.isBlank() && Path.of(configured).isAbsolute()) {
      return Path.of(configured).resolve("optkit").resolve("state-key");
    }
    String home = System.getProperty("user.home");
    if (home == null || home.isBlank() || !Path.of(home).isAbsolute() || Path.of(home).getParent() == null) {
      return null;
    }
    return Path.of(home, ".config", "optkit", "state-key");
  }

  /**
   * The user's secret: read when it is a plain file of the right size; else created whole or not
   * at all (written beside it, then hard-linked into place, which fails if another optkit made one
   * meanwhile), readable by its owner only. A file of the wrong size is replaced; a link or anything
   * else there is left alone, and this run has a secret of its own.
   */
  static byte[] loadOrCreate(Path file) {
    for (int attempt = 0; file != null && attempt < 3; attempt++) {
      try {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          if (Files.size(file) == MAC_BYTES) {
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
          Files.delete(file); // cut short by a full disk or a kill: made again below
        } else if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          break; // something else is there: never written through
        }
        Files.createDirectories(file.getParent());
        byte[] fresh = new byte[MAC_BYTES];
        new SecureRandom().nextBytes(fresh);
        Path temporary = Files.createTempFile(file.getParent(), ".state-key.", ".optkit-tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
          try (var channel = java.nio.channels.FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            AtomicFile.writeFully(channel, fresh);
            channel.force(true);
          }
          Files.createLink(file, temporary); // link(2): fails when a key is already there
        } finally {
          Files.deleteIfExists(temporary);
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
