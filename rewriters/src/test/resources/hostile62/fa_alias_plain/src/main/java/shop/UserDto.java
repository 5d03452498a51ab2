package shop;

import java.util.ArrayList;
import java.util.List;

public class UserDto {
    public List<String> roles = new ArrayList<>();

    public void addRole(String role) {
        roles.add(role);
    }

    @Override
    public String toString() {
        return String.valueOf(roles);
    }
}
