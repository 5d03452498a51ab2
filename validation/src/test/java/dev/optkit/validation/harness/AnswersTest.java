package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnswersTest {
  @Test
  void aLongAnswerIsKeptAsItsStartAndAHashSoItStillComparesExactly() {
    String shortAnswer = "x".repeat(Answers.MAX_CHARS);
    assertEquals(shortAnswer, Answers.bounded(shortAnswer));
    String longAnswer = "[" + "1,".repeat(10_000) + "2]";
    String kept = Answers.bounded(longAnswer);
    assertTrue(kept.length() < 1200, "bounded: " + kept.length());
    assertTrue(kept.startsWith("[1,1,") && kept.contains("(20003 chars, SHA-256 "), kept);
    assertEquals(kept, Answers.bounded(new String(longAnswer.toCharArray())));
    assertNotEquals(kept, Answers.bounded(longAnswer.replace("2]", "3]")), "a change past the kept start still differs");
  }
}
