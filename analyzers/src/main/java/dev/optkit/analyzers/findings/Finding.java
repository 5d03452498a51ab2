package dev.optkit.analyzers.findings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.IoSite;
import java.util.List;
import java.util.SortedMap;

/**
 * One reported opportunity. {@code details} holds rule-specific facts (HTTP method, URL, SQL,
 * loop kind...) in key order so JSON output is deterministic.
 *
 * @param member the enclosing member as {@code method(paramTypes)}, or empty at type level
 * @param fixable whether {@code optkit migrate} can rewrite it; {@code fixNote} says how or why not
 * @param refusalId the id of the proof migrate refuses it by, when it does (serialised only then)
 * @param basis the I/O the savings model prices; not serialised
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ruleId", "category", "severity", "confidence", "path", "line", "column", "endLine", "endColumn",
    "enclosingClass", "enclosingMethod", "fingerprint", "message", "snippet", "details", "fixable", "fixNote", "refusalId",
    "savings"})
public record Finding(
    String ruleId,
    Category category,
    Severity severity,
    Confidence confidence,
    String path,
    int line,
    int column,
    int endLine,
    int endColumn,
    String enclosingClass,
    String enclosingMethod,
    String fingerprint,
    String message,
    String snippet,
    SortedMap<String, Object> details,
    boolean fixable,
    String fixNote,
    String refusalId,
    Savings savings,
    @JsonIgnore SavingsBasis basis,
    @JsonIgnore dev.optkit.analyzers.facts.SourceRange memberRange) {

  public Finding withFingerprint(String value) {
    return new Finding(ruleId, category, severity, confidence, path, line, column, endLine, endColumn, enclosingClass,
        enclosingMethod, value, message, snippet, details, fixable, fixNote, refusalId, savings, basis, memberRange);
  }

  public Finding withSavings(Savings value) {
    return new Finding(ruleId, category, severity, confidence, path, line, column, endLine, endColumn, enclosingClass,
        enclosingMethod, fingerprint, message, snippet, details, fixable, fixNote, refusalId, value, basis, memberRange);
  }

  /** The same finding with what migrate's planner says of it: no refusal. */
  public Finding withFix(boolean value, String note) {
    return withFix(value, note, null);
  }

  /**
   * The same finding with what migrate's planner says of it.
   *
   * @param refusal the id of the proof migrate refused it by (rewriters' {@code Proof}), or null
   */
  public Finding withFix(boolean value, String note, String refusal) {
    return new Finding(ruleId, category, severity, confidence, path, line, column, endLine, endColumn, enclosingClass,
        enclosingMethod, fingerprint, message, snippet, details, value, note, refusal, savings, basis, memberRange);
  }

  /** The same finding with the parts the report leaves out, as a cached copy of it lacks them. */
  public Finding withHidden(SavingsBasis savingsBasis, dev.optkit.analyzers.facts.SourceRange range) {
    return new Finding(ruleId, category, severity, confidence, path, line, column, endLine, endColumn, enclosingClass,
        enclosingMethod, fingerprint, message, snippet, details, fixable, fixNote, refusalId, savings, savingsBasis, range);
  }

  /** The same finding with one more detail, or the detail of this key replaced (what a check added to the finding). */
  public Finding withDetail(String key, Object value) {
    java.util.TreeMap<String, Object> more = new java.util.TreeMap<>(details);
    more.put(key, value);
    return new Finding(ruleId, category, severity, confidence, path, line, column, endLine, endColumn, enclosingClass,
        enclosingMethod, fingerprint, message, snippet, java.util.Collections.unmodifiableSortedMap(more), fixable, fixNote,
        refusalId, savings, basis, memberRange);
  }

  public Finding withConfidence(Confidence value) {
    return new Finding(ruleId, category, severity, value, path, line, column, endLine, endColumn, enclosingClass,
        enclosingMethod, fingerprint, message, snippet, details, fixable, fixNote, refusalId, savings, basis, memberRange);
  }

  public Finding withSeverity(Severity value) {
    return new Finding(ruleId, category, value, confidence, path, line, column, endLine, endColumn, enclosingClass,
        enclosingMethod, fingerprint, message, snippet, details, fixable, fixNote, refusalId, savings, basis, memberRange);
  }

  /**
   * What a fix would save, for the savings model: the sites priced, and how.
   *
   * @param remedy cache (repeat calls served from memory), batch (one call for many), parallelize
   *     (same calls, overlapped in time) or none
   */
  public record SavingsBasis(Remedy remedy, List<IoSite> sites) {
    public static final SavingsBasis NONE = new SavingsBasis(Remedy.NONE, List.of());
  }

  public enum Remedy { CACHE, BATCH, PARALLELIZE, NONE }
}
