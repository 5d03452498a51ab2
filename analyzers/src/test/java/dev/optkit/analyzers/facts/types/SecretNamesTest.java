package dev.optkit.analyzers.facts.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A name is a secret by its words, however it is written; a word inside another word is none. */
class SecretNamesTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "password, true", "passwordHash, true", "new_password, true", "PASSWORD, true", "apiKey, true", "API_KEY, true",
      "privateKey, true", "accessToken, true", "token, true", "sessionId, true", "cvv, true", "cardPin, true",
      "clientSecret, true", "credentials, true",
      "tokenCount, false", "totalTokens, false", "shippingCode, false", "keyboard, false", "mapping, false",
      "sessionName, false", "publicKeyId, false", "spinner, false"})
  void aNameIsASecretByItsWords(String name, boolean secret) {
    assertEquals(secret, SecretNames.isSecret(name));
  }

  @org.junit.jupiter.api.Test
  void aNamesWordsAreSplitAtCaseChangesAndUnderscores() {
    assertEquals(List.of("api", "key", "v2"), SecretNames.words("apiKey_v2"));
    assertEquals(List.of("password", "hash"), SecretNames.words("PASSWORD_HASH"));
  }
}
