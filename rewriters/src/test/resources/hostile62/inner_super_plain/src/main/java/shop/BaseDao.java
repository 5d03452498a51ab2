package shop;

import java.util.ArrayList;
import java.util.List;

public abstract class BaseDao {
    protected final List<String> seen = new ArrayList<>();

    protected class Acc {
        void add(String role) {
            seen.add(role);
        }

        List<String> all() {
            return seen;
        }
    }
}
