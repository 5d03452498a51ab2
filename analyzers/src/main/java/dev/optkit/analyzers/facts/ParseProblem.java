package dev.optkit.analyzers.facts;

/** Why a file could not be analysed; the scan goes on without it. */
public record ParseProblem(String path, int line, int column, String message) {}
