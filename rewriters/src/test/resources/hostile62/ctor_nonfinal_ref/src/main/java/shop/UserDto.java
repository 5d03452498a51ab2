package shop;

import java.util.ArrayList;
import java.util.List;

public class UserDto {
    static List<String> ALL = new ArrayList<>();
    private String name;
    private final List<String> roles;

    public UserDto() {
        this.roles = ALL;
    }

    public void addRole(String role) {
        roles.add(role);
    }

    @Override
    public String toString() {
        return name + " " + roles;
    }
}
