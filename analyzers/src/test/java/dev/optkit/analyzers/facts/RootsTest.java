package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A value's roots are typed facts; their text is written and read back in one place, for the facts cache. */
class RootsTest {

  @Test
  void everyKindOfRootIsReadAsItsType() {
    Roots roots = Roots.parse("c12:5:query#rows@(this,p0)|const:Operand.EQ|init:Box|new|p1|static|this|?");
    assertEquals(List.of(
        new Root.CallResult(12, 5, "query", true, List.of(Root.THIS, new Root.Parameter(0))),
        new Root.Constant("Operand.EQ"), new Root.Construction("Box"), Root.MADE, new Root.Parameter(1),
        Root.ON_TYPE, Root.THIS, Root.UNKNOWN), roots.any());
  }

  @Test
  void aCallsRootsNestAndTheOwnCallFormMeansItsObject() {
    Roots nested = Roots.parse("c4:9:of@(c3:2:f@(this),new)");
    Root.CallResult outer = (Root.CallResult) nested.any().get(0);
    assertEquals(List.of(new Root.CallResult(3, 2, "f", false, List.of(Root.THIS)), Root.MADE), outer.from());
    assertEquals(Roots.parse("c7:1:load@(this)"), Roots.parse("c7:1:load@this"));
    assertEquals(Roots.parse("c7:1:get@(?)"), Roots.parse("c7:1:get@?"));
    // getSerializerFactory() on nothing the flow could root: what the call is made from is not known
    assertEquals(List.of(), ((Root.CallResult) Roots.parse("c122:37:getSerializerFactory@()").any().get(0)).from());
    assertEquals(new Root.CallResult(141, 33, "init", false, List.of(new Root.Construction("Typing"), Root.THIS)),
        Roots.parse("c141:33:init@(init:Typing,this)").any().get(0));
  }

  @Test
  void theTextReadsBackAsTheSameRoots() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String text : List.of("this", "c4:9:of@(c3:2:f@(this),new)|p0", "c1:1:find#rows", "const:A.B|init:C|static|?")) {
      Roots roots = Roots.parse(text);
      assertEquals(roots, Roots.parse(roots.toString()));
      assertEquals(roots, json.readValue(json.writeValueAsString(roots), Roots.class));
    }
  }

  @Test
  void noRootsIsUnknownAndTextThatIsNoRootsIsAnError() {
    assertEquals(Roots.UNKNOWN, Roots.parse(""));
    assertEquals(Roots.UNKNOWN, new Roots(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Roots.parse("c1:x:f"));
    assertThrows(IllegalArgumentException.class, () -> Roots.parse("c1:2:f@(this"));
    assertThrows(IllegalArgumentException.class, () -> Roots.parse("somewhere"));
  }

  @Test
  void aRootIsFoundAtAnyDepthAndEarlierAnswersOfACallAreLeftOut() {
    Roots roots = Roots.parse("c20:23:getParent@(c20:23:getParent@(p0))|c20:23:getParent@(this)|new");
    assertTrue(roots.mentions(root -> root instanceof Root.Parameter));
    assertFalse(Roots.parse("c1:1:f@(new)|this").mentions(root -> root instanceof Root.Parameter));
    Root.CallResult itself = new Root.CallResult(20, 23, "getParent", false, List.of());
    assertEquals(List.of(Root.MADE), roots.withoutEarlierAnswersOf(itself).any());
    assertEquals(Roots.parse("c20:23:getParent@(this)"),
        Roots.parse("c20:23:getParent@(this)").withoutEarlierAnswersOf(itself)); // nothing else left: unchanged
  }
}
