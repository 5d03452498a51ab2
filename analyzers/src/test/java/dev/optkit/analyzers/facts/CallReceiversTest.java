package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a call is made on, as the source writes it, read from the syntax tree: the proofs that ask whether a call goes
 * through this object's proxy or runs on an outer object read it, where they read the call's text before
 * ({@code this.repo.find()} began with "this." as {@code this.find()} does, and was taken for a call on this object).
 */
class CallReceiversTest {
  @TempDir Path dir;

  @Test
  void eachCallKnowsWhatItIsMadeOn() {
    var assessment = new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        class Shop {
          private Repo repo = new Repo();
          class Inner {
            String outer() { return Shop.this.name(); }
          }
          String name() { return "shop"; }
          String implicit() { return name(); }
          String explicit() { return this.name(); }
          String field() { return this.repo.find(); }
          String plainField() { return repo.find(); }
          String statics() { return Repo.make().find(); }
          String parent() { return super.toString(); }
          List<String> references(List<Repo> repos) { return repos.stream().map(Repo::find).toList(); }
          List<String> bound(List<Repo> repos) { return repos.stream().map(r -> this.name()).map(this::wrap).toList(); }
          String wrap(String s) { return s; }
        }
        """).java("""
        package shop;
        class Repo {
          static Repo make() { return new Repo(); }
          String find() { return "x"; }
        }
        """).assess();
    Map<String, List<CallReceiver>> receivers = new TreeMap<>();
    assessment.index().methods().forEach(m -> receivers.put(m.fact().name(),
        m.fact().calls().stream().map(CallRef::receiver).toList()));
    assertEquals(List.of(CallReceiver.IMPLICIT), receivers.get("implicit"));
    assertEquals(List.of(CallReceiver.THIS), receivers.get("explicit"));
    assertEquals(List.of(CallReceiver.OBJECT), receivers.get("field"));
    assertEquals(List.of(CallReceiver.OBJECT), receivers.get("plainField"));
    assertEquals(CallReceiver.TYPE, assessment.index().methods().stream().filter(m -> m.fact().name().equals("statics"))
        .flatMap(m -> m.fact().calls().stream()).filter(c -> c.name().equals("make")).findFirst().orElseThrow().receiver());
    assertEquals(List.of(CallReceiver.OBJECT), receivers.get("outer"));
    assertEquals(List.of(CallReceiver.TYPE), receivers.get("references"));
    assertEquals(List.of(CallReceiver.THIS, CallReceiver.THIS), receivers.get("bound"));
  }
}
