package dev.optkit.analyzers.facts;

/**
 * A call a test makes on a Mockito mock ({@code when(dao.names())}, {@code verify(dao).names()}): the method stubbed or
 * verified and the type mocked. The call graph leaves these out (a mock runs no project code); what a test stubs is
 * read from them.
 *
 * @param receiverType the qualified type of the mock as the code declares it, or null when the extractor cannot tell
 * @param name the method called on it
 */
public record MockedCall(String receiverType, String name) {}
