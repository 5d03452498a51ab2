package dev.optkit.analyzers.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** A file's text and the charset it was read in: UTF-8 when the bytes are valid UTF-8, else ISO-8859-1, which maps every byte. */
public record Decoded(String text, Charset charset) {

  public static Decoded of(byte[] bytes) {
    try {
      return new Decoded(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      return new Decoded(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Like {@link #of}, but a byte order mark names the charset first (UTF-8, UTF-16 in either
   * order), as tools on Windows write SQL scripts. The mark itself is not part of the text.
   */
  public static Decoded withByteOrderMark(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      return of(java.util.Arrays.copyOfRange(bytes, 3, bytes.length));
    }
    return of(bytes);
  }
}
