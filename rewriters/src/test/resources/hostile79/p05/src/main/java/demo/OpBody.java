package demo;

public enum OpBody {
    EQ {
        private String notation = "=";

        @Override
        public String dbNotation() {
            return notation;
        }

        @Override
        public void negate(boolean negated) {
            notation = negated ? "<>" : "=";
        }
    },
    LIKE("LIKE");

    private final String fixed;

    OpBody() {
        this.fixed = null;
    }

    OpBody(String fixed) {
        this.fixed = fixed;
    }

    public String dbNotation() {
        return fixed;
    }

    public void negate(boolean negated) {
    }
}
