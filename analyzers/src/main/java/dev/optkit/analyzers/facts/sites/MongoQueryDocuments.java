package dev.optkit.analyzers.facts.sites;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * What a MongoDB query document of a Spring Data repository ({@code @Query("{ 'name' : ?0 }")}) reads that changes
 * from one execution to the next, read with Jackson as the relaxed JSON Spring Data accepts (single quotes, unquoted
 * names), its parameters ({@code ?0}, {@code ?#{...}}, {@code :#{...}}) bound first. A {@code $where} or
 * {@code $function} runs JavaScript on the server, which may read the clock ({@code new Date()}) or anything else;
 * {@code $$NOW}, {@code $$CLUSTER_TIME} and {@code $rand} change by definition. A document Jackson cannot read counts
 * as changing: a cached answer is only offered for what optkit has read.
 */
public final class MongoQueryDocuments {
  private static final JsonFactory RELAXED = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();
  private static final Set<String> CHANGING_OPERATORS = Set.of("$where", "$function", "$accumulator", "$rand");
  private static final Set<String> CHANGING_VARIABLES = Set.of("$$NOW", "$$CLUSTER_TIME");
  private static final int MAX_READ_CHARS = 20_000;

  private MongoQueryDocuments() {
  }

  /**
   * Whether the text is a query document: one JSON object, read to its end, once its parameters are bound (a JDBC
   * escape such as {@code {call p(?)}} is not).
   */
  public static boolean isDocument(String text) {
    if (text == null || text.length() > MAX_READ_CHARS) {
      return false;
    }
    try (JsonParser parser = RELAXED.createParser(bindParameters(text))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException unreadable) {
      return false;
    }
  }

  /**
   * The first operator or variable of the document whose value changes between executions, or the reason it could
   * not be read to the end; empty when it reads nothing of the kind.
   */
  public static Optional<String> volatileValue(String document) {
    if (document.length() > MAX_READ_CHARS) {
      return Optional.of("a query document too long to read");
    }
    try (JsonParser parser = RELAXED.createParser(bindParameters(document))) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && CHANGING_OPERATORS.contains(parser.currentName())) {
          return Optional.of(parser.currentName() + (parser.currentName().equals("$rand") ? ""
              : " (JavaScript run by the server, which may read the clock)"));
        }
        if (token == JsonToken.VALUE_STRING && CHANGING_VARIABLES.contains(parser.getText())) {
          return Optional.of(parser.getText());
        }
      }
      return Optional.empty();
    } catch (IOException unreadable) {
      return Optional.of("a query document optkit cannot read");
    }
  }

  /**
   * The document with each parameter ({@code ?0}, SpEL's {@code ?#{...}} and {@code :#{...}}) outside quoted text
   * replaced by {@code null}, so that a JSON reader sees a value where it stood.
   */
  static String bindParameters(String text) {
    StringBuilder bound = new StringBuilder(text.length());
    char quote = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quote != 0) {
        bound.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          bound.append(text.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
        i++;
      } else if (c == '\'' || c == '"') {
        quote = c;
        bound.append(c);
        i++;
      } else if ((c == '?' || c == ':') && text.startsWith("#{", i + 1)) {
        i = closingBrace(text, i + 2) + 1;
        bound.append("null");
      } else if (c == '?' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
        i++;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
          i++;
        }
        bound.append("null");
      } else {
        bound.append(c);
        i++;
      }
    }
    return bound.toString();
  }

  /** The index of the brace closing the one at {@code open}, nested braces counted; the text's end when unclosed. */
  private static int closingBrace(String text, int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return text.length() - 1;
  }
}
