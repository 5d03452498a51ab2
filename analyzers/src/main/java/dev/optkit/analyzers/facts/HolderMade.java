package dev.optkit.analyzers.facts;

/**
 * The constructor call that made a holder of a value ({@code new ProductInOrder(info, 1)} at 12:9 holding
 * {@code info}: type "ProductInOrder", 2 arguments, position 0, at 12:9): whether that constructor keeps the argument
 * at all is for whoever can read its class to say.
 *
 * @param type the class the {@code new} names, as written (its simple name)
 * @param arguments the call's argument count
 * @param position the argument the value is passed at
 * @param line where the {@code new} begins
 * @param column its column
 */
public record HolderMade(String type, int arguments, int position, int line, int column) {}
