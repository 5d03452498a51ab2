package demo;

public enum OpHolder {
    EQ("="), LIKE("LIKE");

    private final Notation notation;

    OpHolder(String symbol) {
        this.notation = new Notation(symbol);
    }

    public String dbNotation() {
        return notation.symbol();
    }

    public Notation notation() {
        return notation;
    }
}
