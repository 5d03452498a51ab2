package r;
public record Score(long playerId, int points) {}
