package shop;

import java.util.ArrayList;
import java.util.List;

public class BaseDto {
    static final List<String> SHARED = new ArrayList<>();
    protected final List<String> roles = SHARED;

    public void addRole(String role) {
        roles.add(role);
    }
}
