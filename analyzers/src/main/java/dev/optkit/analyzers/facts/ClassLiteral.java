package dev.optkit.analyzers.facts;

/**
 * A class literal given as an argument of a call ({@code mock(ItemDao.class)}, {@code context.getBean(CountryDao.class)}).
 *
 * @param written the type's name as the source writes it before {@code .class} ({@code ItemDao},
 *     {@code shop.ItemDao}, {@code Outer.Inner}), type arguments and array brackets left out
 * @param qualified the qualified name the file's declarations and imports give it, where they tell it for sure (the
 *     file declares or imports it, or a type of the project has that name in the file's package); else null
 */
public record ClassLiteral(String written, String qualified) {
  /** The simple name as written: what follows the last dot. */
  public String simpleName() {
    return written.substring(written.lastIndexOf('.') + 1);
  }
}
