package dev.optkit.analyzers.facts.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A written type's type arguments read as a type, at any depth, where a regular expression split its text. */
class TypeArgumentNamesTest {

  @Test
  void theClassTypesAmongTheArgumentsAreNamedSimpleAndAsWritten() {
    assertEquals(Optional.of(List.of("String", "String", "List", "List", "ItemDao", "shop.ItemDao")),
        TypeNames.typeArgumentNames("java.util.Map<String, List<shop.ItemDao>>"));
    assertEquals(Optional.of(List.of("ItemDao", "ItemDao")), TypeNames.typeArgumentNames("ObjectProvider<? extends ItemDao>"));
  }

  @Test
  void aTypeWithoutArgumentsNamesNoneAndTextThatIsNoTypeIsUnknown() {
    assertEquals(Optional.of(List.of()), TypeNames.typeArgumentNames("ItemDao"));
    assertEquals(Optional.empty(), TypeNames.typeArgumentNames("List<ItemDao"));
  }

  /** What a return type names, its own class first, each as written: where the proofs split its text on brackets. */
  @Test
  void aTypeNamesItsOwnClassThenItsArgumentsAsWritten() {
    assertEquals(List.of("java.util.Map", "String", "shop.Book"), TypeNames.namedTypes("java.util.Map<String, ? extends shop.Book>"));
    assertEquals(List.of("List", "Book"), TypeNames.namedTypes("List<Book[]>"));
    assertEquals(List.of("Book"), TypeNames.namedTypes("Book[]"));
    assertEquals(List.of("List"), TypeNames.namedTypes("List<Book"));
    assertEquals("Map", TypeNames.simple("java.util.Map<K, shop.V>"));
  }
}
