package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.findings.Finding;

/** A candidate migrate will not touch, and why. */
public record Refusal(Finding finding, String reason) {}
