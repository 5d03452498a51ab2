package demo;

import java.util.concurrent.atomic.AtomicReference;

public enum OpAtomic {
    EQ("="), LIKE("LIKE");

    private final AtomicReference<String> notation;

    OpAtomic(String symbol) {
        this.notation = new AtomicReference<>(symbol);
    }

    public String dbNotation() {
        return notation.get();
    }

    public AtomicReference<String> notation() {
        return notation;
    }
}
