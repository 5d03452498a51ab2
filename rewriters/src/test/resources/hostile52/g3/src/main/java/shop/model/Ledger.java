package shop.model;

import java.util.List;

public class Ledger {
    private final List<Entry> entries;

    public Ledger(List<Entry> entries) {
        this.entries = entries;
    }

    public List<Entry> getEntries() {
        return entries;
    }
}
