package dev.optkit.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for options that take a count ({@code @Option(converter = ...)}): a count
 * below its least is a usage error (exit 2) that picocli reports with the option's name, before
 * any work, as it reports {@code --top x}.
 */
final class Counts {
  private Counts() {}

  /** 0 or more: {@code --top}, {@code --max-findings}. */
  static final class AtLeastZero implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return atLeast(text, 0);
    }
  }

  /** 1 or more: {@code --threads}. */
  static final class AtLeastOne implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      return atLeast(text, 1);
    }
  }

  static int atLeast(String text, int least) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + text + "' is not a whole number");
    }
    if (value < least) {
      throw new TypeConversionException("'" + text + "' is less than " + least + " (give " + least + " or more)");
    }
    return value;
  }
}
