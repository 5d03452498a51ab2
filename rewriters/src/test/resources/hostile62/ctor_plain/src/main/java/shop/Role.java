package shop;

import java.util.ArrayList;
import java.util.List;

public class Role {
    static final List<String> REGISTRY = new ArrayList<>();
    private final String name;

    public Role(String name) {
        this.name = name;
        REGISTRY.add(name);
    }

    public String name() {
        return name;
    }
}
