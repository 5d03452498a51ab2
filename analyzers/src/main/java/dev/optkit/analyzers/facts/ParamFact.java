package dev.optkit.analyzers.facts;

/** A method parameter: its name, its type as written, and its qualified type when known. */
public record ParamFact(String name, String type, String qualifiedType, boolean varArgs) {}
