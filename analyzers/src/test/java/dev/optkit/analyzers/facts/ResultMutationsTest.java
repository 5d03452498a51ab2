package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMutationsTest {

  private static ResultMutations.Changes changes(String method) {
    MethodDeclaration declaration = StaticJavaParser.parseBodyDeclaration(method).asMethodDeclaration();
    return ResultMutations.of(declaration.getBody().orElseThrow(),
        declaration.getParameters().stream().map(Parameter::getNameAsString).toList());
  }

  @Test
  void aCallResultChangedThroughALocalIsReported() {
    ResultMutations.Changes changes = changes("""
        void render(String id) {
            List<String> tags = dao.tags(id);
            tags.add("x");
        }""");
    assertEquals(List.of(new MethodFact.ResultMutation("tags", 1, "add")), changes.results());
  }

  @Test
  void parametersChangedDirectlyInALoopOrKeptInAFieldAreReported() {
    assertEquals(List.of(new MethodFact.ParameterMutation(1, "Collections.sort")),
        changes("void tidy(int n, List<String> names) { Collections.sort(names); }").parameters());
    assertEquals(List.of(new MethodFact.ParameterMutation(0, "pet.setName")),
        changes("void rename(List<Pet> pets) { for (Pet pet : pets) { pet.setName(\"x\"); } }").parameters());
    assertEquals(List.of(new MethodFact.ParameterMutation(MethodFact.RECEIVER, "assigns field items"),
            new MethodFact.ParameterMutation(0, "stored in field items")),
        changes("void setItems(List<String> items) { this.items = items; }").parameters());
  }

  @Test
  void aMethodCalledOnAResultIsAHandOffOfTheReceiver() {
    assertEquals(List.of(new MethodFact.HandOff("account", 1, -1, "deposit", 1, MethodFact.RECEIVER)),
        changes("void pay(long id) { dao.account(id).deposit(5); }").handOffs().stream()
            .filter(h -> h.position() == MethodFact.RECEIVER).toList());
  }

  @Test
  void aParameterReplacedByACopyIsNotTheCallersObject() {
    assertEquals(List.of(), changes("""
        String sorted(List<String> names) {
            names = new ArrayList<>(names);
            Collections.sort(names);
            return names.toString();
        }""").parameters());
  }

  @Test
  void valuesPassedOnAreHandOffsWithTheirOrigin() {
    ResultMutations.Changes changes = changes("""
        void render(String id, List<String> extra) {
            List<String> tags = dao.tags(id);
            helper.tidy(id, tags);
            show(extra);
            print(dao.authors(id, 2));
        }""");
    assertEquals(List.of(
        new MethodFact.HandOff(null, 0, 0, "tags", 1, 0),
        new MethodFact.HandOff(null, 0, 0, "tidy", 2, 0),
        new MethodFact.HandOff("tags", 1, -1, "tidy", 2, 1),
        new MethodFact.HandOff(null, 0, 1, "show", 1, 0),
        new MethodFact.HandOff("authors", 2, -1, "print", 1, 0),
        new MethodFact.HandOff(null, 0, 0, "authors", 2, 0)), changes.handOffs());
  }
}
