package dev.optkit.analyzers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void controlAndBidirectionalCharactersBecomeTheirJavaEscapes() {
    assertEquals("a\\u001b[31mb\\u0007c\\u0000d\\u202ee\\u000a::error::f\\u000dg\\u007fh\\u0085i",
        Printable.escape("a\u001b[31mb\u0007c\u0000d\u202ee\n::error::f\rg\u007fh\u0085i"));
    assertEquals("\\u2066x\\u2069\\u200f\\u2028\\ufeff", Printable.escape("\u2066x\u2069\u200f\u2028\ufeff"));
  }

  @Test
  void aCharacterAboveTheBasicPlaneIsItsTwoUtf16Escapes() {
    assertEquals("\\udb40\\udc01", Printable.escape(new String(Character.toChars(0xE0001)))); // LANGUAGE TAG, format
    assertEquals("\ud83d\ude00", Printable.escape("\ud83d\ude00")); // an emoji is shown as it is
  }

  @Test
  void printableTextIsKeptAsItIsTabAndBackslashIncluded() {
    String text = "SELECT name FROM t WHERE a = 'é\\u001b'\tand b = 'ü'";
    assertSame(text, Printable.escape(text));
    assertEquals("", Printable.escape(null));
  }

  @Test
  void severalLinesKeepTheirLineBreaksAndEscapeALoneCarriageReturn() {
    assertEquals("+ a\\u001b\n- b\r\n c\\u000dd\n", Printable.escapeLines("+ a\u001b\n- b\r\n c\rd\n"));
  }
}
