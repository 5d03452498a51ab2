package dev.optkit.analyzers.facts.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import dev.optkit.analyzers.facts.MethodFact;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultMutationsTest {

  /** The changes, call positions left out (each test names its calls apart). */
  private static ResultMutations.Changes changes(String method) {
    StaticJavaParser.getParserConfiguration().setLanguageLevel(
        com.github.javaparser.ParserConfiguration.LanguageLevel.JAVA_21);
    MethodDeclaration declaration = StaticJavaParser.parseBodyDeclaration(method).asMethodDeclaration();
    ResultMutations.Changes changes = ResultMutations.of(declaration.getBody().orElseThrow(),
        declaration.getParameters().stream().map(Parameter::getNameAsString).toList());
    return new ResultMutations.Changes(
        changes.results().stream().map(m -> new MethodFact.ResultMutation(m.call(), m.arguments(), m.how())).toList(),
        changes.parameters(),
        changes.handOffs().stream().map(h -> new MethodFact.HandOff(h.fromCall(), h.fromArguments(), h.fromParameter(),
            h.target(), h.toArguments(), h.position(), 0, 0, h.part())).toList(), changes.roots());
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
    assertEquals(List.of(new MethodFact.ParameterMutation(1, new dev.optkit.analyzers.facts.Change.Call(null, "Collections", "sort"), true)),
        changes("void tidy(int n, List<String> names) { Collections.sort(names); }").parameters());
    assertEquals(List.of(new MethodFact.ParameterMutation(0, new dev.optkit.analyzers.facts.Change.Call("pet", null, "setName"))),
        changes("void rename(List<Pet> pets) { for (Pet pet : pets) { pet.setName(\"x\"); } }").parameters());
    assertEquals(List.of(new MethodFact.ParameterMutation(MethodFact.RECEIVER, new dev.optkit.analyzers.facts.Change.AssignsField("items")),
            new MethodFact.ParameterMutation(0, new dev.optkit.analyzers.facts.Change.StoredInField("items"))),
        changes("void setItems(List<String> items) { this.items = items; }").parameters());
  }

  @Test
  void aMethodChangingItsOwnFieldsOrWhatItsAccessorsReturnChangesItsReceiver() {
    for (String method : List.of(
        "void tag(String t) { tags.add(t); }",
        "void tag(String t) { this.tags.add(t); }",
        "void tag(String t) { getTags().add(t); }",
        "void tag(String t) { this.getTags().add(t); }",
        "void rename(String n) { owner.setName(n); }",
        "void rename(String n) { getOwner().setName(n); }",
        "void reset() { Collections.sort(tags); }")) {
      assertTrue(changes(method).parameters().stream().anyMatch(m -> m.parameter() == MethodFact.RECEIVER),
          method + ": " + changes(method).parameters());
    }
    assertEquals(List.of(), changes("String label() { return getName().trim() + tags.size(); }").parameters());
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

  private static List<String> changedResults(String method) {
    return changes(method).results().stream().map(m -> m.call() + ":" + m.how()).toList();
  }

  @Test
  void aResultHeldInAContainerIsChangedThroughTheContainersElements() {
    assertEquals(List.of("find:setName"), changedResults("""
        void f(long id) {
            Pet[] holder = { repo.find(id) };
            holder[0].setName("x");
        }"""));
    assertEquals(List.of("find:setName"), changedResults("""
        void f(long id) {
            Map<String, Pet> byName = new HashMap<>();
            byName.put("a", repo.find(id));
            byName.get("a").setName("x");
        }"""));
    assertEquals(List.of("all:setName"), changedResults("""
        void f() {
            List<List<Pet>> box = new ArrayList<>();
            box.add(repo.all());
            for (List<Pet> pets : box) { pets.get(0).setName("x"); }
        }"""));
  }

  @Test
  void changingTheContainerThatHoldsAResultLeavesTheResultAlone() {
    assertEquals(List.of(), changedResults("""
        void f(long id) {
            List<Pet> copy = new ArrayList<>(repo.all());
            copy.sort(null);
            copy.add(new Pet());
            List<Pet> box = new ArrayList<>();
            box.add(repo.find(id));
            box.clear();
        }"""));
    assertEquals(List.of("all:setName"), changedResults("""
        void f() {
            List<Pet> copy = new ArrayList<>(repo.all());
            copy.get(0).setName("x");
        }"""), "a copy of a list shares its elements");
  }

  @Test
  void elementsChangedInLambdasAndMethodReferencesAreReported() {
    assertEquals(List.of("find:p.setName"), changedResults("""
        Pet f(long id) { return repo.find(id).map(p -> { p.setName("x"); return p; }).orElse(null); }"""));
    assertEquals(List.of("all:p.setName"), changedResults("""
        void f() { repo.all().stream().filter(p -> p.isOld()).forEach(p -> p.setName("x")); }"""));
    assertEquals(List.of("all:::setVisited"), changedResults("""
        void f() { repo.all().forEach(Pet::setVisited); }"""));
    assertEquals(List.of(), changedResults("""
        void f(long id) { List<Pet> found = new ArrayList<>(); repo.find(id).ifPresent(found::add); found.clear(); }"""),
        "adding the result to a list changes the list");
    assertTrue(changes("void f() { repo.all().forEach(Pet::reset); }").handOffs()
        .contains(new MethodFact.HandOff("all", 0, -1, "reset", -1, MethodFact.RECEIVER)));
  }

  @Test
  void fieldsAndSlotsWrittenOnAResultOrItsGraphAreReported() {
    assertEquals(List.of("all:sets pet.name"), changedResults("""
        void f() { for (Pet pet : repo.all()) { pet.name = "x"; } }"""));
    // getOwner() of the found pet: a part of it, and what a call returned (a collaborator's query may be cached too)
    // the getter untyped here (no classes given): named with the call, for the planner to look its field up
    assertEquals(List.of("find:getOwner().setName()", "getOwner:getOwner().setName()"), changedResults("""
        void f(long id) { repo.find(id).getOwner().setName("x"); }"""));
    assertEquals(List.of("find:sets p.visits"), changedResults("""
        void f(long id) { Pet p = repo.find(id); p.visits++; }"""));
    assertEquals(List.of("codes:sets codes[0]"), changedResults("""
        void f() { int[] codes = repo.codes(); codes[0] = 1; }"""));
  }

  @Test
  void eitherBranchOfAConditionalMayBeTheResult() {
    assertEquals(List.of("all:add"), changedResults("""
        void f(boolean fresh) {
            List<Pet> pets = fresh ? new ArrayList<>() : repo.all();
            pets.add(new Pet());
        }"""));
  }

  @Test
  void readsOfAResultAreNoChange() {
    assertEquals(List.of(), changedResults("""
        String f(long id) {
            Pet pet = repo.find(id);
            List<String> names = new ArrayList<>();
            names.add(pet.getName());
            names.sort(null);
            repo.all().stream().map(Pet::getName).forEach(System.out::println);
            return pet.getOwner().getName().trim() + names.size();
        }"""));
  }

  @Test
  void aVarargsParameterChangedThroughItsArrayIsAParameterChange() {
    assertEquals(List.of(new MethodFact.ParameterMutation(0, new dev.optkit.analyzers.facts.Change.Call(null, null, "add"), false)),
        changes("void touch(List<String>... lists) { lists[0].add(\"x\"); }").parameters());
  }

  /** Shapes a hostile review used to change a cached result unseen, each with what must be reported. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      l = dao.a(o); if (l.isEmpty()) l = dao.b(o); l.sort(null);                       | a:sort,b:sort
      if (k) l = dao.a(o); else l = dao.b(o); l.sort(null);                              | a:sort,b:sort
      l = k ? dao.a(o) : dao.b(o); l.add(x);                                             | a:add,b:add
      l = switch (n) { case 1 -> dao.a(o); default -> new ArrayList<>(); }; l.add(x);    | a:add
      dao.a(o).tags().add("seen");                                                       | a:add
      Holder h = new Holder(); h.pets = dao.a(o); h.pets.add(x);                         | a:add
      Holder h = new Holder(); h.pets = new ArrayList<>(); h.pets.addAll(dao.a(o)); h.pets.get(0).setName(n); | a:setName
      new Box(dao.a(o)).pets().add(x);                                                   | a:add
      dao.a(o).stream().map(Pet::getOwner).forEach(w -> w.setName(n));                   | a:w.setName
      Objects.requireNonNull(dao.a(o)).setName(n);                                       | a:setName
      Object f = dao.a(o).get(0); if (f instanceof Pet p) { p.setName(n); }              | a:setName
      Collections.reverse(Arrays.asList(dao.a(o)));                                      | a:Collections.reverse
      Collections.synchronizedList(dao.a(o)).add(x);                                     | a:add
      Arrays.parallelSort(dao.a(o));                                                     | a:Arrays.parallelSort
      System.arraycopy(src, 0, dao.a(o), 0, 1);                                          | a:System.arraycopy
      dao.a(o).pollFirst();                                                              | a:pollFirst
      Supplier<List<Pet>> s = () -> dao.a(o); s.get().add(x);                            | a:add
      ids.stream().map(dao::a).forEach(p -> p.setName(n));                               | a:p.setName
      CompletableFuture.supplyAsync(() -> dao.a(o)).thenAccept(l -> l.add(x));          | a:l.add
      BeanUtils.copyProperties(form, dao.a(o));                                          | a:BeanUtils.copyProperties
      Collections.addAll(mine, dao.a(o)); mine.get(0).setName(n);                        | a:setName
      dao.a(o).clone()[0].setName(n);                                                    | a:setName
      Consumer<Pet> up = p -> p.setName(n); dao.a(o).forEach(up);                        | a:p.setName
      dao.a(o).forEach(new Consumer<Pet>() { public void accept(Pet p) { p.setName(n); } }); | a:p.setName
      apply(dao.a(o), List::clear);                                                      | a:::clear
      dao.a(o).forEach(this.renamer);                                                    | a:hands its elements to this.renamer
      try (Stream<Pet> s = dao.a(o).stream()) { s.forEach(p -> p.setName(n)); }          | a:p.setName
      Optional.ofNullable(dao.a(o)).ifPresent(p -> p.setName(n));                       | a:p.setName
      Pet p = dao.a(o); Optional.ofNullable(p).ifPresent(q -> q.setPrice(1));            | a:q.setPrice
      BiConsumer<Pet, String> s = Pet::setName; s.accept(dao.a(o), n);                  | a:Pet::setName
      mapper.readerForUpdating(dao.a(o)).readValue(json);                                | a:mapper.readerForUpdating
      mapper.updateValue(dao.a(o), form);                                                | a:mapper.updateValue
      modelMapper.map(form, dao.a(o));                                                   | a:map
      Field f = Pet.class.getDeclaredField("name"); f.set(dao.a(o), n);                  | a:f.set
      apply(dao.a(o), p -> p.setName(n));                                                | a:p.setName
      Pet p = dao.a(o); run(() -> p.setName(n));                                         | a:setName
      Collections.addAll(dao.a(o), x);                                                   | a:Collections.addAll
      in.read(dao.a(o));                                                                 | a:in.read
      java.util.Collections.reverse(dao.a(o));                                           | a:Collections.reverse
      java.util.Optional.of(dao.a(o)).ifPresent(java.util.List::clear);                  | a:::clear
      java.util.stream.Stream.of(dao.a(o)).forEach(java.util.List::clear);               | a:::clear
      java.util.Collections.synchronizedList(dao.a(o)).clear();                          | a:clear
      new DataBinder(dao.a(o)).bind(values);                                             | a:new DataBinder
      PropertyAccessorFactory.forBeanPropertyAccess(dao.a(o)).setPropertyValue("name", n); | a:setPropertyValue
      """)
  void shapesThatChangeTheResultAreReported(String statements, String expected) {
    List<String> found = changedResults("void f(Object o, boolean k, int n, Object x, Object form, Object src, "
        + "List<Long> ids, List<Pet> mine) { List<Pet> l; " + statements + " }");
    for (String wanted : expected.split(",")) {
      assertTrue(found.contains(wanted), wanted + " not in " + found);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "Pet p = dao.a(o); if (p == null) { p = new Pet(); p.setName(\"default\"); }",
      "{ List<Pet> l = dao.a(o); show(l); } { List<Pet> l = new ArrayList<>(); l.add(null); }",
      "byte[] b = dao.a(o).getBytes(); b[0] = 'X';",
      "Owner w = dao.a(o).getOwner(); w = new Owner(w.getName()); w.setName(\"x\");",
      "List<String> names = new ArrayList<>(); dao.a(o).forEach(p -> names.add(p.getName())); names.sort(null);",
      "List<Pet> copy = new ArrayList<>(dao.a(o)); copy.sort(null); copy.add(null);",
      "List<PetDto> dtos = dao.a(o).stream().map(PetDto::new).collect(toList()); dtos.forEach(d -> d.setName(\"x\"));",
      "List<Owner> owners = new ArrayList<>(); for (Pet p : dao.a(o)) { owners.add(new Owner(p.getName())); } "
          + "owners.get(0).setName(\"x\");"})
  void readsAndChangesOfOtherObjectsAreNoChange(String statements) {
    assertEquals(List.of(), changedResults("void f(Object o) { " + statements + " }").stream()
        .filter(c -> c.startsWith("a:")).toList());
  }

  @Test
  void aReturnedResultIsHandedToTheCallerAndAPartKeptInAFieldIsNoChange() {
    assertTrue(changes("List<Pet> list(String o) { return dao.pets(o); }").handOffs()
        .contains(new MethodFact.HandOff("pets", 1, -1, MethodFact.RETURNED, 0, 0, 0, 0, false)));
    assertTrue(changes("Optional<Pet> load(long id) { return Optional.ofNullable(dao.pet(id)); }").handOffs().stream()
        .anyMatch(h -> "pet".equals(h.fromCall()) && h.returned()));
    assertEquals(List.of(), changes("void init(Pet pet) { this.name = pet.getName(); }").parameters().stream()
        .filter(m -> m.parameter() == 0).toList(), "a name copied from a parameter is not the parameter kept");
  }

  @Test
  void aLibraryMethodNamedLikeAConsumerIsHandedAValueNotAFunction() {
    // fourth audit, noir74y explore-with-me: ModelMapper.map(source, type) reads the source into a new object
    ResultMutations.Changes mapped = changes("""
        CategoryDto find(long id) {
            return Optional.ofNullable(dao.category(id)).map(obj -> modelMapper.map(obj, CategoryDto.class)).orElse(null);
        }""");
    assertEquals(List.of(), mapped.results());
    assertEquals(List.of(), mapped.parameters());
    // the true twin: a function held in a field, run on every element
    assertEquals(List.of(new MethodFact.ResultMutation("pets", 1, "hands its elements to renamer")), changes("""
        void rename(long id) {
            dao.pets(id).forEach(renamer);
        }""").results());
  }
}
