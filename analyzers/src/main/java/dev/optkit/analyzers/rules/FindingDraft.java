package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.proof.Reason;
import java.util.SortedMap;
import java.util.TreeMap;

/** Builds a finding from a rule's metadata, filled in by the rule; fingerprints and savings come later. */
final class FindingDraft {
  private final RuleInfo info;
  private final String path;
  private final SourceRange range;
  private final String enclosingClass;
  private final String enclosingMethod;
  private final String snippet;
  private SourceRange memberRange;
  private final SortedMap<String, Object> details = new TreeMap<>();
  private Severity severity;
  private Confidence confidence = Confidence.HIGH;
  private String message;
  private boolean fixable;
  private String fixNote;
  private String refusalId;
  private Finding.SavingsBasis basis = Finding.SavingsBasis.NONE;

  FindingDraft(RuleInfo info, String path, SourceRange range, String enclosingClass, String enclosingMethod, String snippet) {
    this.info = info;
    this.path = path;
    this.range = range;
    this.enclosingClass = enclosingClass;
    this.enclosingMethod = enclosingMethod;
    this.snippet = snippet;
    this.severity = info.severity();
  }

  static FindingDraft in(RuleInfo info, IndexedMethod method, SourceRange range, String snippet) {
    FindingDraft draft = new FindingDraft(info, method.path(), range, method.fact().ownerType(), method.member(), snippet);
    draft.memberRange = method.fact().range();
    return draft;
  }

  FindingDraft severity(Severity value) {
    this.severity = value;
    return this;
  }

  FindingDraft confidence(Confidence value) {
    this.confidence = value;
    return this;
  }

  FindingDraft message(String value) {
    this.message = value;
    return this;
  }

  FindingDraft detail(String key, Object value) {
    if (value != null) {
      details.put(key, value);
    }
    return this;
  }

  FindingDraft fix(boolean value, String note) {
    this.fixable = value;
    this.fixNote = note;
    return this;
  }

  /** Not fixable, for the reason a proof gives: its words are the note, its id the finding's {@code refusalId}. */
  FindingDraft refused(Reason reason) {
    this.fixable = false;
    this.fixNote = reason.text();
    this.refusalId = reason.proof().id();
    return this;
  }

  /** {@link #refused(Reason)} when there is a reason; otherwise the fix stays as set. */
  FindingDraft refused(java.util.Optional<Reason> reason) {
    return reason.isPresent() ? refused(reason.get()) : this;
  }

  FindingDraft basis(Finding.SavingsBasis value) {
    this.basis = value;
    return this;
  }

  Finding build() {
    return new Finding(info.id(), info.category(), severity, confidence, path, range.line(), range.column(),
        range.endLine(), range.endColumn(), enclosingClass, enclosingMethod, null, message, snippet,
        java.util.Collections.unmodifiableSortedMap(details), fixable, fixNote, refusalId, Savings.NONE, basis,
        memberRange == null ? range : memberRange);
  }
}
