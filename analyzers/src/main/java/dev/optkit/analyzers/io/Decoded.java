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
}
