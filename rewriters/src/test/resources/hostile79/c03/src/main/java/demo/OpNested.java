package demo;

public enum OpNested {
    EQ(new Symbol("=")), LIKE(new Symbol("LIKE"));

    private final Symbol symbol;

    OpNested(Symbol symbol) {
        this.symbol = symbol;
    }

    public String dbNotation() {
        return symbol.text;
    }

    public Symbol symbol() {
        return symbol;
    }

    public static final class Symbol {
        private String text;

        Symbol(String text) {
            this.text = text;
        }

        public void change(String text) {
            this.text = text;
        }
    }
}
