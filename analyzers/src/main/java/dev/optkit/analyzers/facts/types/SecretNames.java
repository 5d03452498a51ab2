package dev.optkit.analyzers.facts.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names that say a value is a secret (a password or its hash, a token, an API key, a card's CVV): the one reader of
 * that question for a cache's key (a parameter) and its answer (a field of what it returns). A name is read as its
 * words ({@code apiKey}, {@code api_key}, {@code API_KEY} alike), so a {@code tokenCount} or a {@code shipping} is no
 * secret.
 */
public final class SecretNames {
  /** Words that are a secret on their own. */
  private static final Set<String> WORDS = Set.of("password", "passwd", "passphrase", "pwd", "secret", "credential",
      "credentials", "cvv", "cvc", "cvv2", "pin", "salt", "otp", "totp");
  /** Words that are a secret as the last word of a name ({@code accessToken}, {@code token}; not {@code tokenCount}). */
  private static final Set<String> LAST_WORDS = Set.of("token");
  /** Pairs of words that are a secret together ({@code apiKey}, {@code privateKey}, {@code sessionId}). */
  private static final Set<String> PAIRS = Set.of("api key", "private key", "access key", "secret key", "session id");

  private SecretNames() {}

  /** Whether the name of a parameter or field says its value is a secret. */
  public static boolean isSecret(String name) {
    List<String> words = words(name);
    if (words.stream().anyMatch(WORDS::contains) || !words.isEmpty() && LAST_WORDS.contains(words.get(words.size() - 1))) {
      return true;
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      if (PAIRS.contains(words.get(i) + " " + words.get(i + 1))) {
        return true;
      }
    }
    // a password written as one lower-case word with others (newpassword, passwordhash)
    String flat = String.join("", words);
    return flat.contains("password") || flat.contains("passwd") || flat.contains("apikey");
  }

  /**
   * A name's words, lower case: split at underscores, dashes and dollars, and where a lower-case letter or a digit
   * meets an upper-case one ({@code currentStock}, {@code API_KEY}, {@code v2Key}). The one splitter of names into
   * words, for secret names and for the cache policies' globs.
   */
  public static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean separator = c == '_' || c == '-' || c == '$';
      boolean boundary = separator || Character.isUpperCase(c) && i > 0
          && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
      if (boundary && word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
      if (!separator) {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }

}
